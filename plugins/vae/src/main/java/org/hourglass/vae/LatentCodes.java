package org.hourglass.vae;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Latent vectors to decode: draws from the prior, a regular grid over two dimensions, and the straight path
 * between two codes. Plain arrays of {@code d} values; no model needed.
 */
public final class LatentCodes {

	private LatentCodes() {}

	/**
	 * {@code n} draws from {@code N(0, temperature² I)} in {@code d} dimensions: the same seed gives the same
	 * draws; the first {@code k} draws of a larger {@code n} are the same as those of {@code n = k}.
	 */
	public static List<float[]> prior(final int n, final int d, final double temperature, final long seed) {
		final SplittableRandom random = new SplittableRandom(seed);
		final List<float[]> out = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			final float[] z = new float[d];
			for (int j = 0; j < d; j++) z[j] = (float) (temperature * random.nextGaussian());
			out.add(z);
		}
		return out;
	}

	/**
	 * A grid over dimensions {@code dimX} and {@code dimY} of a {@code d}-dimensional space, every other
	 * dimension at {@code centre}'s value: row by row from the top, whose {@code dimY} is the largest value of
	 * {@code ys}, each row from the smallest {@code xs} on the left; so the montage reads like a plot with
	 * {@code dimX} to the right and {@code dimY} upwards.
	 *
	 * @param centre the values of the other dimensions (length {@code d})
	 * @throws IllegalArgumentException if a dimension is out of range or the two are the same
	 */
	public static List<float[]> grid(final float[] centre, final int dimX, final int dimY, final double[] xs,
		final double[] ys)
	{
		final int d = centre.length;
		if (dimX < 0 || dimX >= d || dimY < 0 || dimY >= d || dimX == dimY) {
			throw new IllegalArgumentException("grid dimensions " + dimX + " and " + dimY + " of " + d);
		}
		final List<float[]> out = new ArrayList<>(xs.length * ys.length);
		for (int row = 0; row < ys.length; row++) {
			for (final double x : xs) {
				final float[] z = centre.clone();
				z[dimX] = (float) x;
				z[dimY] = (float) ys[ys.length - 1 - row];
				out.add(z);
			}
		}
		return out;
	}

	/** {@code steps} codes evenly spaced on the straight line from {@code a} to {@code b}, both included. */
	public static List<float[]> path(final float[] a, final float[] b, final int steps) {
		if (a.length != b.length) throw new IllegalArgumentException("codes of " + a.length + " and " + b.length);
		if (steps < 2) throw new IllegalArgumentException("a path needs at least 2 steps, got " + steps);
		final List<float[]> out = new ArrayList<>(steps);
		for (int i = 0; i < steps; i++) {
			final double t = i / (double) (steps - 1);
			final float[] z = new float[a.length];
			for (int j = 0; j < z.length; j++) z[j] = (float) (a[j] + t * (b[j] - a[j]));
			out.add(z);
		}
		return out;
	}
}
