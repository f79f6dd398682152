package org.hourglass.spark.zarr;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Writing a Zarr store's files so that each is there complete or not at all. */
final class ZarrFiles {

	private ZarrFiles() {}

	static void writeAtomically(final FileSystem fs, final Path file, final byte[] content) throws IOException {
		final Path part = new Path(file.getParent(), "." + file.getName() + ".part");
		try (OutputStream out = fs.create(part, true)) {
			out.write(content);
		}
		moveIntoPlace(fs, part, file);
	}

	/** Renames {@code part} to {@code target}, replacing it (Hadoop's rename does not replace). */
	static void moveIntoPlace(final FileSystem fs, final Path part, final Path target) throws IOException {
		if (fs.rename(part, target)) return;
		if (fs.exists(target)) {
			fs.delete(target, false);
			if (fs.rename(part, target)) return;
		}
		fs.delete(part, false);
		throw new IOException("cannot rename " + part + " to " + target);
	}
}
