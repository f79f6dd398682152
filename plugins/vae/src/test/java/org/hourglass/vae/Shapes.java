package org.hourglass.vae;

import java.util.SplittableRandom;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;

/**
 * Tiny synthetic training images for fast tests: 8-bit squares of two sizes at random places on a black
 * background, reproducible from a seed, each slice labelled "small" or "large".
 */
final class Shapes {

	private Shapes() {}

	static ImagePlus stack(final String title, final int n, final int size, final long seed) {
		final SplittableRandom r = new SplittableRandom(seed);
		final ImageStack stack = new ImageStack(size, size);
		for (int i = 0; i < n; i++) {
			final boolean large = i % 2 == 1;
			final int side = large ? size / 2 : size / 4;
			final int x0 = r.nextInt(size - side + 1);
			final int y0 = r.nextInt(size - side + 1);
			final ByteProcessor bp = new ByteProcessor(size, size);
			for (int y = y0; y < y0 + side; y++) {
				for (int x = x0; x < x0 + side; x++) bp.set(x, y, 200 + r.nextInt(56));
			}
			stack.addSlice(large ? "large" : "small", bp);
		}
		return new ImagePlus(title, stack);
	}
}
