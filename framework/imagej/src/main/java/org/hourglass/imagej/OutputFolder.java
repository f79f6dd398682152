package org.hourglass.imagej;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hourglass.api.InvalidInputException;

import ij.ImagePlus;
import ij.io.FileSaver;
import org.hourglass.api.io.AtomicFiles;

/**
 * A folder that results are written to. It is never one of the input folders, nothing in it is
 * overwritten unless asked for ({@code overwrite=true}), and every file appears complete or not at all (written to
 * a part file in the same folder, then moved into place atomically; part files that killed processes left there
 * are removed). The folder itself is created only when the first file is written.
 */
public final class OutputFolder {

	private final Path folder;
	private final boolean replace;

	/**
	 * An output folder in which nothing is replaced.
	 *
	 * @param folder where results go
	 * @param inputFolders folders that are read; {@code folder} must not be one of them
	 * @throws InvalidInputException if {@code folder} is missing, an input folder, or an existing file
	 */
	public OutputFolder(final Path folder, final Collection<Path> inputFolders) {
		this(folder, inputFolders, false);
	}

	/**
	 * @param replace whether files that exist in the folder may be replaced (never an input: the folder is none)
	 * @see #OutputFolder(Path, Collection)
	 */
	public OutputFolder(final Path folder, final Collection<Path> inputFolders, final boolean replace) {
		if (folder == null) throw new InvalidInputException("No output folder was given.");
		if (Files.exists(folder) && !Files.isDirectory(folder)) {
			throw new InvalidInputException("Expected an output folder, but " + folder + " is a file.");
		}
		for (final Path in : inputFolders) {
			if (in != null && same(in, folder)) {
				throw new InvalidInputException("The output folder must differ from the input folder " + in +
					": Hourglass never writes over its inputs. Choose another output folder.");
			}
		}
		this.folder = folder;
		this.replace = replace;
	}

	public Path folder() {
		return folder;
	}

	/**
	 * The TIFF file name for the result of {@code input}: its base name with {@code .tif}.
	 */
	public static String tiffName(final Path input) {
		return ImageFolder.baseName(input) + ".tif";
	}

	/**
	 * Checks that all {@code names} are distinct and (unless files may be replaced) none exists in the folder yet,
	 * before anything is written.
	 *
	 * @throws InvalidInputException naming the first clashes
	 */
	public void requireFree(final List<String> names) {
		final Set<String> seen = new HashSet<>();
		final List<String> clashes = new ArrayList<>();
		for (final String n : names) {
			if (!seen.add(n) || !replace && Files.exists(folder.resolve(n))) clashes.add(n);
		}
		if (!clashes.isEmpty()) {
			throw new InvalidInputException("Expected new file names in " + folder + ", but " + String.join(", ",
				clashes.size() > 5 ? clashes.subList(0, 5) : clashes) + (clashes.size() > 5 ? " and " + (clashes
					.size() - 5) + " more" : "") + (clashes.size() == 1 ? " exists" : " exist") +
				" already or would be written twice. Choose an empty output folder" + (replace ? "" : ", or replace them " +
					"(overwrite=true)") + ".");
		}
	}

	/**
	 * Writes {@code image} as TIFF to {@code name} in the folder, atomically.
	 *
	 * @return the file written
	 * @throws InvalidInputException if the file exists already and may not be replaced
	 * @throws UncheckedIOException if writing fails (nothing is left behind)
	 */
	public Path writeTiff(final ImagePlus image, final String name) {
		final Path target = folder.resolve(name);
		if (!replace && Files.exists(target)) throw exists(target);
		try {
			AtomicFiles.write(target, replace, temp -> {
				final FileSaver saver = new FileSaver(image);
				final boolean ok = image.getStackSize() > 1 ? saver.saveAsTiffStack(temp.toString()) : saver
					.saveAsTiff(temp.toString());
				if (!ok) throw new IOException("ImageJ could not write " + temp);
			});
		}
		catch (final FileAlreadyExistsException e) {
			throw exists(target);
		}
		catch (final IOException e) {
			throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
		}
		return target;
	}

	private static InvalidInputException exists(final Path target) {
		return new InvalidInputException(target + " exists already; choose another output folder, or replace it " +
			"(overwrite=true).");
	}

	private static boolean same(final Path a, final Path b) {
		try {
			if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
		}
		catch (final IOException e) {
			// fall through to the path comparison
		}
		return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
	}
}
