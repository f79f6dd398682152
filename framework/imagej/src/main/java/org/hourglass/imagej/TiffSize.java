package org.hourglass.imagej;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.TiffDecoder;

/**
 * What an uncompressed TIFF declares against what it holds, read from its headers before ImageJ reads its pixels:
 * ImageJ fills the pixels of a cut-off file with zeros without a word, and allocates whatever a header declares.
 * Image folders check each file before ImageJ reads it ({@link ImageFolder#open}); every {@link HourglassCommand}
 * checks the file behind each image it is given ({@link #problem(ImagePlus)}), however that image was opened: by
 * Fiji, a macro or the command line.
 */
final class TiffSize {

	/** Pixel types of whole bytes per pixel, whose size the header gives exactly. */
	private static final java.util.Set<Integer> PLAIN = java.util.Set.of(FileInfo.GRAY8, FileInfo.COLOR8,
		FileInfo.GRAY16_SIGNED, FileInfo.GRAY16_UNSIGNED, FileInfo.GRAY32_INT, FileInfo.GRAY32_UNSIGNED,
		FileInfo.GRAY32_FLOAT, FileInfo.GRAY64_FLOAT, FileInfo.RGB, FileInfo.RGB48);

	private TiffSize() {}

	/**
	 * Why {@code image} should not be used: it was read from a TIFF that is cut off, so ImageJ filled what is missing
	 * with zeros; {@code null} if it may be (also for an image not read from a file, or from a file that is gone).
	 */
	static String problem(final ImagePlus image) {
		final FileInfo fi = image == null ? null : image.getOriginalFileInfo();
		if (fi == null || fi.directory == null || fi.fileName == null || fi.directory.isEmpty()) return null;
		try {
			final Path file = Path.of(fi.directory, fi.fileName);
			return Files.isRegularFile(file) ? problem(file) : null;
		}
		catch (final java.nio.file.InvalidPathException e) {
			return null;
		}
	}

	/**
	 * Why ImageJ should not read {@code file}, or {@code null} if it may (also for any file that is not a TIFF, or
	 * a compressed one: ImageJ judges those itself).
	 */
	static String problem(final Path file) {
		final FileInfo[] infos;
		try {
			final Path dir = file.toAbsolutePath().getParent();
			infos = new TiffDecoder(dir.toString() + java.io.File.separator, file.getFileName().toString()).getTiffInfo();
			if (infos == null || infos.length == 0) return null;
			final long length = Files.size(file);
			long end = 0;
			long pixels = 0;
			for (final FileInfo fi : infos) {
				if (fi.compression != FileInfo.COMPRESSION_NONE && fi.compression != FileInfo.COMPRESSION_UNKNOWN || !PLAIN
					.contains(fi.fileType)) return null;
				final long planes = Math.max(1, fi.nImages);
				pixels += (long) fi.width * fi.height * planes;
				if (fi.stripOffsets != null && fi.stripLengths != null && planes == 1) {
					// strips may lie anywhere in the file: each must be in it, and together hold every pixel
					long held = 0;
					for (int i = 0; i < Math.min(fi.stripOffsets.length, fi.stripLengths.length); i++) {
						end = Math.max(end, (fi.stripOffsets[i] & 0xffffffffL) + (fi.stripLengths[i] & 0xffffffffL));
						held += fi.stripLengths[i] & 0xffffffffL;
					}
					final long needed = (long) fi.width * fi.height * fi.getBytesPerPixel();
					if (held < needed && end <= length) {
						return file + " is incomplete: its header declares " + describe(infos) + " (" + needed + " bytes), but " +
							"its strips hold " + held + " bytes";
					}
				}
				else {
					final long bytes = (long) fi.width * fi.height * fi.getBytesPerPixel() * planes + fi.getGap() * (planes -
						1);
					end = Math.max(end, fi.getOffset() + bytes);
				}
			}
			if (end > length) {
				return file + " is cut off: its header declares " + describe(infos) + ", " + end + " bytes with the " +
					"header, but the file holds " + length + " bytes";
			}
			if (4 * pixels > Runtime.getRuntime().maxMemory()) {
				return file + " declares " + describe(infos) + ", more than fits in memory";
			}
			return null;
		}
		catch (final IOException | RuntimeException e) {
			return null; // not a TIFF ImageJ's decoder reads; ImageJ says so when it opens it
		}
	}

	private static String describe(final FileInfo[] infos) {
		final FileInfo fi = infos[0];
		final long planes = infos.length == 1 ? Math.max(1, fi.nImages) : infos.length;
		return fi.width + "x" + fi.height + " pixels" + (planes > 1 ? " x " + planes + " planes" : "") + " of " + 8 * fi
			.getBytesPerPixel() + " bits";
	}
}
