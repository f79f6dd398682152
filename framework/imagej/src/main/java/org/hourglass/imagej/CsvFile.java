package org.hourglass.imagej;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.io.AtomicFiles;

/**
 * A CSV file a command writes beside its results table: the target checked before any work is done, the text
 * written atomically, never over an existing file unless asked.
 */
public final class CsvFile {

	private CsvFile() {}

	/**
	 * The CSV file asked for, checked: not a folder, in a folder that exists, new or allowed to be replaced.
	 *
	 * @param file the parameter's value; {@code null} or blank = no CSV file
	 * @param replaceLabel the dialog label of the command's overwrite parameter, named in the refusal
	 * @return its path, or {@code null} if none was asked for
	 * @throws InvalidInputException if it cannot be written
	 */
	public static Path target(final File file, final boolean overwrite, final String replaceLabel) {
		if (file == null || file.getPath().isBlank()) return null;
		final Path p = file.toPath();
		if (Files.isDirectory(p)) throw new InvalidInputException("Expected a CSV file name, but " + p + " is a folder.");
		final Path folder = p.toAbsolutePath().getParent();
		if (folder != null && !Files.isDirectory(folder)) {
			throw new InvalidInputException("The folder of the CSV file " + p + " does not exist: create it first.");
		}
		if (Files.exists(p) && !overwrite) {
			throw new InvalidInputException("The file " + p + " exists already. Choose another name, or replace it " +
				"(tick '" + replaceLabel + "', or overwrite=true).");
		}
		return p;
	}

	/**
	 * Writes {@code text} to {@code file}, atomically.
	 *
	 * @throws InvalidInputException if it exists and {@code overwrite} is false
	 * @throws UncheckedIOException if writing fails (nothing is left behind)
	 */
	public static void write(final Path file, final String text, final boolean overwrite) {
		try {
			AtomicFiles.writeString(file, text, overwrite);
		}
		catch (final FileAlreadyExistsException e) {
			throw new InvalidInputException("The file " + file + " exists already. Choose another name, or replace " +
				"it (overwrite=true).");
		}
		catch (final IOException e) {
			throw new UncheckedIOException(file + ": " + e.getMessage(), e);
		}
	}

	/** {@code s} as a CSV field: quoted when it holds a comma, a quote or a line break. */
	public static String field(final String s) {
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
		return '"' + s.replace("\"", "\"\"") + '"';
	}
}
