package org.hourglass.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.hourglass.api.Model;
import org.hourglass.api.PredictOptions;
import org.hourglass.api.Progress;
import org.hourglass.imagej.ImageFolder;

import ij.IJ;
import ij.ImagePlus;

/** What one machine makes of an image (the single-machine command's code), and the comparison with it. */
final class SingleMachine {

	/** The largest difference allowed between a result of the job and one machine's. */
	static final double TOLERANCE = 1e-4;

	private SingleMachine() {}

	/** The result of {@code image} with a model loaded on its own (not the job's), as Denoise or Upscale gives it. */
	static ImagePlus result(final Variant variant, final Path model, final Path image, final PredictOptions options) {
		try (Model m = TestData.MODELS.load(model, variant.id)) {
			return variant.application(m, options, false).apply(ImageFolder.open(image), Progress.NONE);
		}
	}

	/** Checks that the TIFF {@code file} has the dimensions, calibration and values of {@code expected}. */
	static void assertSame(final ImagePlus expected, final Path file) {
		final ImagePlus actual = IJ.openImage(file.toString());
		assertNotNull(actual, file + " is an image");
		assertEquals(expected.getWidth(), actual.getWidth(), file + " width");
		assertEquals(expected.getHeight(), actual.getHeight(), file + " height");
		assertEquals(expected.getStackSize(), actual.getStackSize(), file + " planes");
		assertEquals(expected.getBitDepth(), actual.getBitDepth(), file + " bit depth");
		assertEquals(expected.getCalibration().pixelWidth, actual.getCalibration().pixelWidth, 1e-9, file +
			" pixel size");
		double worst = 0;
		for (int i = 1; i <= expected.getStackSize(); i++) {
			final var e = expected.getStack().getProcessor(i);
			final var a = actual.getStack().getProcessor(i);
			for (int k = 0; k < e.getPixelCount(); k++) {
				if (expected.getBitDepth() != 24) worst = Math.max(worst, Math.abs(e.getf(k) - a.getf(k)));
				else for (int shift = 0; shift < 24; shift += 8) {
					worst = Math.max(worst, Math.abs((e.get(k) >> shift & 0xff) - (a.get(k) >> shift & 0xff)));
				}
			}
		}
		assertTrue(worst <= TOLERANCE, file + " differs from the single-machine result by " + worst);
	}
}
