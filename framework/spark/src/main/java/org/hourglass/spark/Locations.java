package org.hourglass.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.hourglass.api.InvalidInputException;
import org.hourglass.imagej.ImageFolder;

/** Paths on Hadoop file systems: qualified, compared, listed, read. */
final class Locations {

	/** The largest model file read: far above any Hourglass model, below what one array holds. */
	private static final long MAX_MODEL_BYTES = 1L << 30;

	private Locations() {}

	/** {@code path} fully qualified (scheme, authority, absolute path) on its file system. */
	static Path qualified(final String path, final Configuration conf) throws IOException {
		final Path p = new Path(path);
		return p.getFileSystem(conf).makeQualified(p);
	}

	/**
	 * The file system of {@code path}; for local paths the raw one, which writes no {@code .crc} files beside
	 * the results.
	 */
	static FileSystem fileSystem(final Path path, final Configuration conf) throws IOException {
		final FileSystem fs = path.getFileSystem(conf);
		return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
	}

	/** True if {@code inner} is {@code outer} or lies somewhere inside it (both qualified). */
	static boolean within(final Path inner, final Path outer) {
		for (Path p = inner; p != null; p = p.getParent()) {
			if (p.equals(outer)) return true;
		}
		return false;
	}

	/**
	 * The names of the image files directly in {@code folder} ({@link ImageFolder#isImageName}), sorted.
	 *
	 * @throws InvalidInputException if there is none
	 */
	static List<String> images(final FileSystem fs, final Path folder) throws IOException {
		final List<String> names = new ArrayList<>();
		int others = 0;
		for (final FileStatus s : fs.listStatus(folder)) {
			if (!s.isFile()) continue;
			if (ImageFolder.isImageName(s.getPath().getName())) names.add(s.getPath().getName());
			else others++;
		}
		if (names.isEmpty()) {
			throw new InvalidInputException("Folder " + folder + " contains no images (expected files ending in " +
				String.join(", ", ImageFolder.EXTENSIONS) + "); found " + (others == 0 ? "no files" : others +
					" other file" + (others == 1 ? "" : "s")) + ".");
		}
		names.sort(null);
		return names;
	}

	/**
	 * The content of a model file.
	 *
	 * @throws InvalidInputException if it is not there, is a folder, or is far too large for a model
	 */
	static byte[] readModel(final Path file, final Configuration conf) throws IOException {
		final FileSystem fs = fileSystem(file, conf);
		final FileStatus status;
		try {
			status = fs.getFileStatus(file);
		}
		catch (final FileNotFoundException e) {
			throw new InvalidInputException("The model file " + file + " is not there.");
		}
		if (!status.isFile()) throw new InvalidInputException("Expected a model file (.zip), but " + file +
			" is a folder.");
		if (status.getLen() > MAX_MODEL_BYTES) {
			throw new InvalidInputException("The model file " + file + " has " + status.getLen() + " bytes: far more " +
				"than any Hourglass model.");
		}
		try (InputStream in = fs.open(file)) {
			return in.readAllBytes();
		}
	}
}
