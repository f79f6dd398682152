package org.hourglass.runtime.command;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;

/** Opening and saving ImageJ images for the command line, without any window. */
public final class ImageFiles {

	private ImageFiles() {}

	/**
	 * Opens an image file with ImageJ. (A TIFF that is cut off, whose missing pixels ImageJ reads as zeros, is
	 * refused by the command it is given to: {@code org.hourglass.imagej.HourglassCommand}.)
	 *
	 * @throws UsageException if the file does not exist, ImageJ cannot read it, or it is too large for the memory
	 *           Hourglass has
	 */
	public static ImagePlus open(final String key, final Path file) {
		if (!Files.isRegularFile(file)) {
			throw new UsageException(key + ": no such image file: " + file);
		}
		final ImagePlus imp;
		try {
			imp = IJ.openImage(file.toString());
		}
		catch (final OutOfMemoryError e) {
			throw new UsageException(key + ": " + file + " is too large to open in the memory Hourglass has (" + Runtime
				.getRuntime().maxMemory() / (1 << 20) + " MB; more with -Xmx in HOURGLASS_OPTS)");
		}
		if (imp == null) {
			throw new UsageException(key + ": ImageJ cannot open " + file + " as an image");
		}
		return imp;
	}

	/** {@link #save(ImagePlus, Path, boolean)} that never replaces an existing file. */
	public static void save(final ImagePlus imp, final Path target) throws IOException {
		save(imp, target, false);
	}

	/**
	 * Saves {@code imp} at {@code target} atomically: written to a part file in the same folder ({@link PartFiles};
	 * stale ones of killed processes there are removed first), then moved into place, so the target is either the
	 * old file or the complete new one. A name ending in {@code .png} gives a PNG (single-plane images only),
	 * anything else a TIFF.
	 *
	 * @param replace whether an existing {@code target} may be replaced
	 * @throws FileAlreadyExistsException if {@code target} exists and {@code replace} is false
	 * @throws UsageException if a stack is to be a PNG
	 */
	public static void save(final ImagePlus imp, final Path target, final boolean replace) throws IOException {
		final boolean png = target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png");
		if (png && imp.getStackSize() > 1) {
			throw new UsageException(target + ": a stack of " + imp.getStackSize() + " planes cannot be a PNG; " +
				"name the file .tif");
		}
		final Path file = target.toAbsolutePath();
		PartFiles.removeStale(file.getParent());
		if (!replace && Files.exists(file)) throw new FileAlreadyExistsException(file.toString());
		final Path temp = PartFiles.create(file);
		try {
			final FileSaver saver = new FileSaver(imp);
			final boolean ok = png ? saver.saveAsPng(temp.toString()) : imp.getStackSize() > 1 ? saver
				.saveAsTiffStack(temp.toString()) : saver.saveAsTiff(temp.toString());
			if (!ok) throw new IOException("ImageJ could not write " + temp);
			if (replace) Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			else moveToNew(temp, file);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/** Moves {@code temp} to the new {@code file}: a hard link, which fails if it exists; else checked, then moved. */
	private static void moveToNew(final Path temp, final Path file) throws IOException {
		try {
			Files.createLink(file, temp);
			return;
		}
		catch (final FileAlreadyExistsException e) {
			throw e;
		}
		catch (final IOException | UnsupportedOperationException e) {
			// no hard links on this file system
		}
		if (Files.exists(file)) throw new FileAlreadyExistsException(file.toString());
		Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
	}
}
