package org.hourglass.runtime.command;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden part files the command line fills before moving an output into place, and the removal of those
 * that killed processes left behind.
 * <p>
 * The names are those of {@code org.hourglass.api.io.PartFiles}, which the bundles use (the launcher cannot see
 * that class): a part file of {@code <folder>/<name>} is {@code <folder>/.<name>.<pid>-<host>-<random>.part}, and
 * it is stale when it was written on this host by a process that is no longer alive, or on another host and not
 * modified for a day. Only names of exactly that form are ever removed, never a user's file.
 */
public final class PartFiles {

	private static final Pattern NAME = Pattern.compile("\\.(.+)\\.([0-9]{1,19})-([0-9a-f]{8})-([0-9a-f]{1,16})\\.part");
	private static final long OTHER_HOST_MILLIS = TimeUnit.DAYS.toMillis(1);

	/** This host as part file names carry it: 8 hex digits of its name (the same rule as the API's). */
	static final String HOST = String.format("%08x", hostName().hashCode());

	private PartFiles() {}

	/** Creates a new, empty part file beside {@code target}, whose folder must exist. */
	public static Path create(final Path target) throws IOException {
		final Path file = target.toAbsolutePath();
		final String prefix = "." + file.getFileName() + "." + ProcessHandle.current().pid() + "-" + HOST + "-";
		while (true) {
			final Path part = file.resolveSibling(prefix + Long.toHexString(ThreadLocalRandom.current().nextLong() >>>
				1) + ".part");
			try {
				return Files.createFile(part);
			}
			catch (final FileAlreadyExistsException e) {
				// another writer chose the same number: pick another
			}
		}
	}

	/** True if {@code file} is a part file whose writer is gone. */
	public static boolean isStale(final Path file) {
		final Matcher m = NAME.matcher(file.getFileName().toString());
		if (!m.matches()) return false;
		try {
			if (m.group(3).equals(HOST)) {
				return ProcessHandle.of(Long.parseLong(m.group(2))).map(p -> !p.isAlive()).orElse(true);
			}
			return System.currentTimeMillis() - Files.getLastModifiedTime(file).toMillis() > OTHER_HOST_MILLIS;
		}
		catch (final IOException | NumberFormatException e) {
			return false;
		}
	}

	/**
	 * Removes the stale part files in {@code folder} (of every target); a folder that cannot be read is left alone.
	 *
	 * @return how many were removed
	 */
	public static int removeStale(final Path folder) {
		int removed = 0;
		try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, ".*.part")) {
			for (final Path p : parts) {
				if (isStale(p) && Files.deleteIfExists(p)) removed++;
			}
		}
		catch (final IOException e) {
			// nothing that could be cleaned
		}
		return removed;
	}

	private static String hostName() {
		for (final String file : new String[] { "/proc/sys/kernel/hostname", "/etc/hostname" }) {
			try {
				final String n = Files.readString(Path.of(file)).trim();
				if (!n.isEmpty()) return n;
			}
			catch (final IOException | RuntimeException e) {
				// not Linux, or not readable: try the next source
			}
		}
		for (final String variable : new String[] { "COMPUTERNAME", "HOSTNAME" }) {
			final String n = System.getenv(variable);
			if (n != null && !n.isBlank()) return n.trim();
		}
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (final IOException e) {
			return "localhost";
		}
	}
}
