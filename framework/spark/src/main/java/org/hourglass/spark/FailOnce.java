package org.hourglass.spark;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For tests of retries: with the Spark configuration key {@value #KEY} set to a local file that does not exist,
 * the first task to reach {@link #check} creates the file and fails, after its result's part file was written and
 * before it is renamed into place (the worst moment); every later task, the retry too, goes on. Unset, nothing
 * happens.
 */
final class FailOnce {

	static final String KEY = "hourglass.test.failOnce";

	private FailOnce() {}

	/**
	 * @param marker the configured marker file, or {@code null}
	 * @throws IOException the first time, when the marker is created
	 */
	static void check(final String marker, final String image) throws IOException {
		if (marker == null || marker.isEmpty()) return;
		try {
			Files.createFile(Path.of(marker));
		}
		catch (final FileAlreadyExistsException e) {
			return;
		}
		throw new IOException("failing once, as " + KEY + " asks, on " + image);
	}
}
