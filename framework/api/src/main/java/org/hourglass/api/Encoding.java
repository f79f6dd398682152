package org.hourglass.api;

import java.util.Arrays;

/**
 * The latent code of one image.
 *
 * @param mean the code ({@code z_mean} for a Gaussian latent), flattened in {@code shape}'s order (C order)
 * @param logSigma {@code z_log_sigma} for a Gaussian latent, {@code null} otherwise
 * @param shape the code's shape: {@code [size]} for a vector code, {@code [channels, height, width]} for a
 *          convolutional one
 */
public record Encoding(float[] mean, float[] logSigma, int[] shape) {

	public Encoding {
		if (mean == null || shape == null) throw new IllegalArgumentException("a code needs values and a shape");
		long n = 1;
		for (final int s : shape) n *= s;
		if (n != mean.length || logSigma != null && logSigma.length != mean.length) {
			throw new IllegalArgumentException("a code of shape " + Arrays.toString(shape) + " has " + n + " values, got " +
				mean.length);
		}
		shape = shape.clone();
	}

	/** A vector code without {@code z_log_sigma}. */
	public static Encoding of(final float[] z) {
		return new Encoding(z, null, new int[] { z.length });
	}

	/** Number of values. */
	public int size() {
		return mean.length;
	}

	@Override
	public int[] shape() {
		return shape.clone();
	}

	/** The shape as text, e.g. {@code 8x4x4}. */
	public String shapeText() {
		final StringBuilder sb = new StringBuilder();
		for (final int s : shape) sb.append(sb.length() == 0 ? "" : "x").append(s);
		return sb.toString();
	}
}
