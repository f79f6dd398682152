package org.hourglass.autoencoder;

import java.util.SplittableRandom;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

/** Synthetic test stacks: a bright blob on the left or on the right of each slice, with noise, labelled so. */
final class Images {

	private Images() {}

	/** {@code n} 8-bit slices of {@code w}×{@code h}; odd slices "left", even ones "right". */
	static ImagePlus blobs(final String title, final int w, final int h, final int n, final long seed) {
		return blobs(title, w, h, n, seed, 8);
	}

	/** The same in 8 or 16 bits (16-bit: values ×100). */
	static ImagePlus blobs(final String title, final int w, final int h, final int n, final long seed,
		final int bitDepth)
	{
		final ImageStack stack = new ImageStack(w, h);
		final SplittableRandom r = new SplittableRandom(seed);
		for (int i = 1; i <= n; i++) {
			final boolean left = i % 2 == 1;
			final ImageProcessor ip = bitDepth == 16 ? new ShortProcessor(w, h) : new ByteProcessor(w, h);
			final double cx = (left ? 0.3 : 0.7) * w + r.nextDouble() - 0.5;
			final double cy = 0.5 * h + r.nextDouble() - 0.5;
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					final double v = 200 * Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / 6.0) + 10 * r.nextDouble();
					ip.putPixelValue(x, y, Math.min(255, v) * (bitDepth == 16 ? 100 : 1));
				}
			}
			stack.addSlice(left ? "left" : "right", ip);
		}
		return new ImagePlus(title, stack);
	}
}
