package org.hourglass.denoise;

import java.util.SplittableRandom;

import org.hourglass.api.image.Plane;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ImageProcessor;

/** Synthetic test images: smooth blobs with Gaussian noise, reproducible; planes whose values are their indices. */
final class Images {

	private Images() {}

	/** A {@code bitDepth} image of {@code w x h} with {@code c, z, t} planes: blobs plus noise of {@code sigma}. */
	static ImagePlus noisy(final String title, final int w, final int h, final int c, final int z, final int t,
		final int bitDepth, final double sigma, final long seed)
	{
		final ImagePlus imp = IJ.createHyperStack(title, w, h, c, z, t, bitDepth);
		final SplittableRandom r = new SplittableRandom(seed);
		for (int i = 1; i <= imp.getStackSize(); i++) {
			final ImageProcessor ip = imp.getStack().getProcessor(i);
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					final double clean = 60 + 120 * Math.exp(-((x - w / 3.0) * (x - w / 3.0) + (y - h / 2.0) * (y - h /
						2.0)) / (2 * 8.0 * 8.0)) + 40 * Math.sin(x / 5.0 + i);
					ip.putPixelValue(x, y, Math.max(0, Math.min(255, clean + sigma * r.nextGaussian())));
				}
			}
		}
		imp.getCalibration().pixelWidth = 0.5;
		imp.getCalibration().pixelHeight = 0.5;
		imp.getCalibration().setUnit("mm");
		return imp;
	}

	static ImagePlus noisy(final String title, final int w, final int h) {
		return noisy(title, w, h, 1, 1, 1, 32, 15, 7);
	}

	/** Every pixel's value is its index ({@code y * w + x}), so a value says where it came from. */
	static Plane indexed(final int w, final int h) {
		final float[] v = new float[w * h];
		for (int i = 0; i < v.length; i++) v[i] = i;
		return new Plane(w, h, v);
	}
}
