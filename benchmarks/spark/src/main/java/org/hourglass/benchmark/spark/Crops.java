package org.hourglass.benchmark.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hourglass.imagej.ImageFolder;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;

/** The benchmark's folder of images: the non-overlapping crops of one image, as TIFF files. */
final class Crops {

	private Crops() {}

	/**
	 * Writes every {@code size} × {@code size} crop of {@code image}'s first plane into the new {@code folder}.
	 *
	 * @return the files, in name order
	 */
	static List<Path> write(final Path image, final int size, final Path folder) throws IOException {
		final ImagePlus source = ImageFolder.open(image);
		Files.createDirectory(folder);
		final List<Path> files = new ArrayList<>();
		for (int y = 0; y + size <= source.getHeight(); y += size) {
			for (int x = 0; x + size <= source.getWidth(); x += size) {
				source.setRoi(x, y, size, size);
				final Path f = folder.resolve(String.format("crop-%05d-%05d.tif", y, x));
				final ImagePlus crop = source.crop();
				crop.setTitle(f.getFileName().toString());
				new FileSaver(crop).saveAsTiff(f.toString());
				files.add(f);
			}
		}
		if (files.isEmpty()) throw new IllegalArgumentException(image + " is smaller than one crop of " + size);
		return files;
	}

	/** The megapixels of all planes of the images. */
	static double megapixels(final List<Path> files) {
		double pixels = 0;
		for (final Path f : files) {
			final ImagePlus imp = IJ.openImage(f.toString());
			pixels += (double) imp.getWidth() * imp.getHeight() * imp.getStackSize();
		}
		return pixels / 1e6;
	}
}
