package org.hourglass.engine.network;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bicubic enlargement by 2 or 4 inside the graph, exactly as MATLAB's {@code imresize} (Keys' kernel with
 * a = −0.5, pixel centres aligned, edges mirrored with the edge pixel repeated), for the residual of a
 * super-resolution network.
 * <p>
 * How: bicubic interpolation by {@code s} is a filter {@code h} on the image with zeros inserted between its
 * pixels; each of its {@code s} phases sums to 1, so {@code h} is divisible by the box of pixel repetition, and
 * bicubic = pixel repetition followed by a fixed symmetric filter {@code g} of {@code 3s + 1} taps
 * ({@link #taps}), separable, applied per channel. The image is first mirrored by 2 pixels on each side (what
 * the cubic kernel reads beyond the edge), and the margin is cropped at the end. No weights: nothing here is
 * trained.
 */
final class BicubicUpsampling {

	/** Pixels the cubic kernel reads beyond an image's edge. */
	static final int MARGIN = 2;

	private BicubicUpsampling() {}

	/** Keys' cubic convolution kernel, a = −0.5. */
	static double kernel(final double x) {
		final double t = Math.abs(x);
		if (t <= 1) return (1.5 * t - 2.5) * t * t + 1;
		if (t < 2) return ((-0.5 * t + 2.5) * t - 4) * t + 2;
		return 0;
	}

	/**
	 * The filter that turns pixel repetition by {@code factor} into bicubic interpolation: {@code 3·factor + 1}
	 * taps, centred. Output pixel {@code n} of interpolation sits at input position {@code (n + ½)/s − ½}, so
	 * its weight for input pixel {@code j} depends on {@code m = n − s·j} only: {@code h[m] = k((m + ½)/s − ½)};
	 * pixel repetition is the box {@code b = 1} on {@code m = 0 … s−1}, and {@code g = h / b}.
	 */
	static double[] taps(final int factor) {
		if (factor < 2) throw new IllegalArgumentException("bicubic enlargement needs a factor >= 2, got " + factor);
		final int r = (3 * factor) / 2;
		final int first = -r;
		final double[] g = new double[2 * r + 1];
		for (int m = first; m <= r; m++) {
			double v = h(m, factor);
			for (int i = 1; i < factor; i++) {
				if (m - i >= first) v -= g[m - i - first];
			}
			g[m - first] = v;
		}
		return g;
	}

	/** The weight of interpolation by {@code factor} for offset {@code m} (see {@link #taps}). */
	static double h(final int m, final int factor) {
		return kernel((m + 0.5) / factor - 0.5);
	}

	/**
	 * @param nchw [N, C, H, W], H and W at least 2
	 * @return [N, C, factor·H, factor·W]
	 */
	static SDVariable apply(final SDVariable nchw, final int channels, final int factor) {
		final SameDiff sd = nchw.getSameDiff();
		final SDVariable padded = mirror(mirror(nchw, 2), 3);
		final SDVariable repeated = sd.cnn.upsampling2d(padded, factor, factor, true);
		final double[] g = taps(factor);
		final int t = g.length;
		final INDArray alongW = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, t, channels, 1);
		final INDArray alongH = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, t, 1, channels, 1);
		for (int k = 0; k < t; k++) {
			for (int c = 0; c < channels; c++) {
				alongW.putScalar(new long[] { 0, k, c, 0 }, g[k]);
				alongH.putScalar(new long[] { k, 0, c, 0 }, g[k]);
			}
		}
		final SDVariable rows = sd.cnn.depthWiseConv2d(repeated, sd.constant(alongW), valid(1, t));
		final SDVariable both = sd.cnn.depthWiseConv2d(rows, sd.constant(alongH), valid(t, 1));
		// the filter already took t / 2 pixels from each side; the rest of the margin goes now
		final int crop = MARGIN * factor - t / 2;
		final int every = 1 | 2; // batch and channel axes whole
		return sd.stridedSlice(both, new long[] { 0, 0, crop, crop }, new long[] { 0, 0, -crop, -crop },
			new long[] { 1, 1, 1, 1 }, every, every, 0, 0, 0);
	}

	private static Conv2DConfig valid(final int kh, final int kw) {
		return Conv2DConfig.builder().kH(kh).kW(kw).sH(1).sW(1).dH(1).dW(1).paddingMode(PaddingMode.VALID)
			.dataFormat("NCHW").build();
	}

	/** {@code x} with {@link #MARGIN} pixels mirrored on both sides of {@code axis} (2 or 3): b a | a b … y z | z y. */
	private static SDVariable mirror(final SDVariable x, final int axis) {
		final SameDiff sd = x.getSameDiff();
		return sd.concat(axis, slice(x, axis, 1, 2), slice(x, axis, 0, 1), x, slice(x, axis, -1, 0), slice(x, axis, -2,
			-1));
	}

	/** Positions {@code [from, to)} of {@code axis}; {@code to = 0} means to the end, negative counts from the end. */
	private static SDVariable slice(final SDVariable x, final int axis, final int from, final int to) {
		final long[] begin = new long[4];
		final long[] end = new long[4];
		begin[axis] = from;
		end[axis] = to;
		final int others = 0b1111 & ~(1 << axis);
		return x.getSameDiff().stridedSlice(x, begin, end, new long[] { 1, 1, 1, 1 }, others, others | (to == 0 ? 1 <<
			axis : 0), 0, 0, 0);
	}
}
