package org.hourglass.runtime.command;

import java.io.IOException;
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
	 * Opens an image file with ImageJ.
	 *
	 * @throws UsageException if the file does not exist or ImageJ cannot read it
	 */
	public static ImagePlus open(final String key, final Path file) {
		if (!Files.isRegularFile(file)) {
			throw new UsageException(key + ": no such image file: " + file);
		}
		final ImagePlus imp = IJ.openImage(file.toString());
		if (imp == null) {
			throw new UsageException(key + ": ImageJ cannot open " + file + " as an image");
		}
		return imp;
	}

	/**
	 * Saves {@code imp} at {@code target} atomically: written to a temporary file in the same folder, then
	 * moved into place, so the target is either the old file or the complete new one. A name ending in
	 * {@code .png} gives a PNG (single-plane images only), anything else a TIFF.
	 */
	public static void save(final ImagePlus imp, final Path target) throws IOException {
		final boolean png = target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png");
		if (png && imp.getStackSize() > 1) {
			throw new UsageException(target + ": a stack of " + imp.getStackSize() + " planes cannot be a PNG; " +
				"name the file .tif");
		}
		final Path dir = target.toAbsolutePath().getParent();
		// not createTempFile: its owner-only permissions would stay on the result
		final Path temp = Files.createFile(dir.resolve("." + target.getFileName() + "." + System.nanoTime() + ".part"));
		try {
			final FileSaver saver = new FileSaver(imp);
			final boolean ok = png ? saver.saveAsPng(temp.toString()) : imp.getStackSize() > 1 ? saver
				.saveAsTiffStack(temp.toString()) : saver.saveAsTiff(temp.toString());
			if (!ok) throw new IOException("ImageJ could not write " + temp);
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}
}
