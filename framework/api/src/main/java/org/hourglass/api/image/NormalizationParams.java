package org.hourglass.api.image;

/**
 * A fitted normalisation: {@code normalised = (value - offset) / scale}, and its exact inverse.
 *
 * @param offset subtracted first
 * @param scale divided by next; never 0
 */
public record NormalizationParams(double offset, double scale) {

	public static final NormalizationParams IDENTITY = new NormalizationParams(0, 1);

	public NormalizationParams {
		if (!(scale != 0 && Double.isFinite(scale) && Double.isFinite(offset))) {
			throw new IllegalArgumentException("normalisation needs a finite offset and a finite non-zero scale, got " +
				offset + " and " + scale);
		}
	}

	/** Maps {@code low} to 0 and {@code high} to 1; equal bounds give scale 1. */
	public static NormalizationParams between(final double low, final double high) {
		final double spread = high - low;
		return new NormalizationParams(low, spread > 0 ? spread : 1);
	}

	/** A new plane with normalised values (every channel with these parameters); the input is unchanged. */
	public Plane apply(final Plane in) {
		final float[] dst = in.data().clone();
		applyInPlace(dst);
		return new Plane(in.width(), in.height(), in.channels(), dst);
	}

	/** Normalises in place. */
	public void applyInPlace(final float[] values) {
		final double inv = 1 / scale;
		for (int i = 0; i < values.length; i++) {
			values[i] = (float) ((values[i] - offset) * inv);
		}
	}

	/** The inverse of {@link #applyInPlace}, in place. */
	public void invertInPlace(final float[] values) {
		for (int i = 0; i < values.length; i++) {
			values[i] = (float) (values[i] * scale + offset);
		}
	}
}
