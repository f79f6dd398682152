package org.hourglass.benchmark.denoise;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.Plane;
import org.hourglass.api.metrics.Metrics;
import org.hourglass.imagej.ImageFolder;
import org.hourglass.imagej.ImagePlanes;
import org.hourglass.imagej.InputChecks;
import org.hourglass.imagej.RgbPolicy;

import ij.ImagePlus;

/**
 * The clean images of a benchmark set: every image of a folder, in file-name order, each a single 8-bit
 * grey plane at least as large as the SSIM window.
 *
 * @param files the image files, sorted by name
 * @param clean their values (0–255), in the same order
 */
public record BenchmarkImages(List<Path> files, List<Plane> clean) {

	public BenchmarkImages {
		files = List.copyOf(files);
		clean = List.copyOf(clean);
		if (files.size() != clean.size() || files.isEmpty()) {
			throw new IllegalArgumentException("one plane per file expected, got " + files.size() + " files and " +
				clean.size() + " planes");
		}
	}

	/**
	 * Reads and checks every image of {@code folder}.
	 *
	 * @throws InvalidInputException if the folder is missing or has no image, or an image is not a single
	 *           8-bit grey plane of at least 11×11 pixels
	 */
	public static BenchmarkImages load(final Path folder) {
		final List<Path> files = ImageFolder.list(folder);
		final List<Plane> planes = new ArrayList<>(files.size());
		for (final Path f : files) planes.add(plane(f, true));
		return new BenchmarkImages(files, planes);
	}

	/**
	 * The one grey plane of an image file, checked: a single 2-D plane at least as large as the SSIM window,
	 * without NaN or infinite values, and 8-bit if {@code eightBit}.
	 *
	 * @throws InvalidInputException if it is not
	 */
	public static Plane plane(final Path f, final boolean eightBit) {
		final ImagePlus image = ImageFolder.open(f);
		InputChecks.requireGrey(image);
		if (eightBit && image.getBitDepth() != 8) {
			throw new InvalidInputException("Expected clean 8-bit grey images (the benchmark measures PSNR on the " +
				"0-255 scale), but " + f.getFileName() + " is " + image.getBitDepth() + "-bit.");
		}
		if (image.getStackSize() != 1) {
			throw new InvalidInputException("Expected one 2-D image per file, but " + f.getFileName() + " has " +
				image.getStackSize() + " planes (" + InputChecks.shape(image) + ").");
		}
		InputChecks.requireAtLeast(image, Metrics.SSIM_WINDOW, "the SSIM window");
		InputChecks.requireFinite(image);
		return ImagePlanes.plane(image, 1, RgbPolicy.REFUSE).plane();
	}

	public int size() {
		return files.size();
	}

	/** The file names, e.g. {@code test001.png}. */
	public List<String> names() {
		return files.stream().map(f -> f.getFileName().toString()).toList();
	}
}
