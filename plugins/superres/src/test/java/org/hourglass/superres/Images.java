package org.hourglass.superres;

import java.util.SplittableRandom;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

/** Synthetic test images with structure at several scales, reproducible. */
final class Images {

	private Images() {}

	/** A {@code bitDepth} image of {@code w x h} with {@code c, z, t} planes: blobs, stripes, a little noise. */
	static ImagePlus image(final String title, final int w, final int h, final int c, final int z, final int t,
		final int bitDepth)
	{
		final ImagePlus imp = IJ.createHyperStack(title, w, h, c, z, t, bitDepth);
		final SplittableRandom r = new SplittableRandom(5);
		for (int i = 1; i <= imp.getStackSize(); i++) {
			final ImageProcessor ip = imp.getStack().getProcessor(i);
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) ip.putPixelValue(x, y, value(x, y, w, h, i) + 2 * r.nextGaussian());
			}
		}
		imp.getCalibration().pixelWidth = 0.5;
		imp.getCalibration().pixelHeight = 0.5;
		imp.getCalibration().setUnit("mm");
		return imp;
	}

	/** A single 32-bit plane. */
	static ImagePlus image(final String title, final int w, final int h) {
		return image(title, w, h, 1, 1, 1, 32);
	}

	/** An RGB image of the same pattern in three tints. */
	static ImagePlus rgb(final String title, final int w, final int h) {
		final ColorProcessor cp = new ColorProcessor(w, h);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				final int v = (int) Math.max(0, Math.min(255, value(x, y, w, h, 1)));
				cp.set(x, y, v << 16 | (255 - v) << 8 | (v / 2));
			}
		}
		return new ImagePlus(title, cp);
	}

	private static double value(final int x, final int y, final int w, final int h, final int plane) {
		return 60 + 120 * Math.exp(-((x - w / 3.0) * (x - w / 3.0) + (y - h / 2.0) * (y - h / 2.0)) / (2 * 6.0 * 6.0)) +
			40 * Math.sin(x / 2.5 + plane) * Math.cos(y / 3.5);
	}
}
