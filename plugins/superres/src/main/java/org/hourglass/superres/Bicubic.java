package org.hourglass.superres;

import org.hourglass.api.image.Plane;

/**
 * Bicubic resampling as the super-resolution literature does it: MATLAB's {@code imresize(..., 'bicubic')}.
 * Keys' cubic convolution kernel with {@code a = −0.5}; when downscaling, the kernel is stretched by the
 * factor (antialiasing), so a downscaled pixel averages {@code 4 × factor} input pixels along each axis;
 * pixel centres are aligned as {@code x_in = (x_out + ½) / scale − ½}; the image is extended beyond its
 * edges by mirroring with the edge pixel repeated ({@code symmetric}); each output pixel's weights are
 * normalised to sum to 1. Rows are resampled first, then columns. ImageJ's own bicubic resize differs (no
 * antialiasing, another kernel), which is why low-resolution inputs made with it do not match published
 * baselines.
 * <p>
 * Computed in double precision per output value, stored as float. Thread-safe: it has no state.
 */
public final class Bicubic {

	/** Keys' parameter; −0.5 makes the kernel reproduce quadratic functions. */
	public static final double A = -0.5;

	private static final double KERNEL_WIDTH = 4;

	private Bicubic() {}

	/** Keys' cubic convolution kernel with {@code a = −0.5}: 1 at 0, 0 at every other integer, 0 beyond ±2. */
	public static double kernel(final double x) {
		final double t = Math.abs(x);
		final double t2 = t * t;
		final double t3 = t2 * t;
		if (t <= 1) return (A + 2) * t3 - (A + 3) * t2 + 1;
		if (t < 2) return A * t3 - 5 * A * t2 + 8 * A * t - 4 * A;
		return 0;
	}

	/**
	 * {@code plane} made {@code factor} times smaller on each side: {@code ceil(width / factor)} ×
	 * {@code ceil(height / factor)}, every channel, with antialiasing.
	 */
	public static Plane downscale(final Plane plane, final int factor) {
		requireFactor(factor);
		return resize(plane, 1.0 / factor, ceilDiv(plane.width(), factor), ceilDiv(plane.height(), factor));
	}

	/** {@code plane} made {@code factor} times larger on each side, every channel. */
	public static Plane upscale(final Plane plane, final int factor) {
		requireFactor(factor);
		return resize(plane, factor, Math.multiplyExact(plane.width(), factor), Math.multiplyExact(plane.height(),
			factor));
	}

	/**
	 * {@code plane} resampled by {@code scale} (the same along both axes) to {@code width} × {@code height}.
	 *
	 * @param scale output size ÷ input size; below 1 the kernel is widened (antialiasing)
	 */
	public static Plane resize(final Plane plane, final double scale, final int width, final int height) {
		if (!(scale > 0) || !Double.isFinite(scale) || width < 1 || height < 1) {
			throw new IllegalArgumentException("cannot resize by " + scale + " to " + width + "x" + height);
		}
		final Weights rows = Weights.of(plane.height(), height, scale);
		final Weights columns = Weights.of(plane.width(), width, scale);
		final int w = plane.width();
		final int h = plane.height();
		final float[] src = plane.data();
		final float[] out = new float[Math.multiplyExact(Math.multiplyExact(width, height), plane.channels())];
		final float[] tmp = new float[Math.multiplyExact(height, w)];
		final double[] acc = new double[w];
		for (int c = 0; c < plane.channels(); c++) {
			final int in = c * w * h;
			// rows first: every output row is a weighted sum of input rows
			for (int y = 0; y < height; y++) {
				java.util.Arrays.fill(acc, 0);
				for (int k = 0; k < rows.taps; k++) {
					final double wt = rows.weight(y, k);
					if (wt == 0) continue;
					final int row = in + rows.index(y, k) * w;
					for (int x = 0; x < w; x++) acc[x] += wt * src[row + x];
				}
				for (int x = 0; x < w; x++) tmp[y * w + x] = (float) acc[x];
			}
			// then columns
			final int o = c * width * height;
			for (int y = 0; y < height; y++) {
				final int row = y * w;
				for (int x = 0; x < width; x++) {
					double s = 0;
					for (int k = 0; k < columns.taps; k++) s += columns.weight(x, k) * tmp[row + columns.index(x, k)];
					out[o + y * width + x] = (float) s;
				}
			}
		}
		return new Plane(width, height, plane.channels(), out);
	}

	/**
	 * The contributions of input pixels to the output pixels of one axis: output pixel {@code u} is
	 * {@code Σ_k weight(u, k) · in[index(u, k)]}.
	 */
	static final class Weights {

		final int taps;
		private final int[] indices;
		private final double[] weights;

		private Weights(final int taps, final int[] indices, final double[] weights) {
			this.taps = taps;
			this.indices = indices;
			this.weights = weights;
		}

		/** The weights of resampling an axis of {@code in} pixels to {@code out} pixels by {@code scale}. */
		static Weights of(final int in, final int out, final double scale) {
			final boolean antialias = scale < 1;
			final double width = antialias ? KERNEL_WIDTH / scale : KERNEL_WIDTH;
			final int taps = (int) Math.ceil(width) + 2;
			final int[] indices = new int[out * taps];
			final double[] weights = new double[out * taps];
			for (int u = 0; u < out; u++) {
				// MATLAB's coordinates count from 1: output pixel u + 1 sits at input position x
				final double x = (u + 1) / scale + 0.5 * (1 - 1 / scale);
				final long left = (long) Math.floor(x - width / 2);
				double sum = 0;
				for (int k = 0; k < taps; k++) {
					final double d = x - (left + k);
					final double wt = antialias ? scale * kernel(scale * d) : kernel(d);
					weights[u * taps + k] = wt;
					indices[u * taps + k] = symmetric(left + k, in);
					sum += wt;
				}
				for (int k = 0; k < taps; k++) weights[u * taps + k] /= sum;
			}
			return new Weights(taps, indices, weights);
		}

		double weight(final int u, final int k) {
			return weights[u * taps + k];
		}

		/** The input pixel, from 0. */
		int index(final int u, final int k) {
			return indices[u * taps + k];
		}
	}

	/** The 0-based pixel for 1-based position {@code j} of an axis of {@code n} pixels mirrored with its edges. */
	static int symmetric(final long j, final int n) {
		final long m = Math.floorMod(j - 1, 2L * n);
		return (int) (m < n ? m : 2L * n - 1 - m);
	}

	private static void requireFactor(final int factor) {
		if (factor < 1) throw new IllegalArgumentException("the factor must be at least 1, got " + factor);
	}

	private static int ceilDiv(final int a, final int b) {
		return (a + b - 1) / b;
	}
}
