package org.hourglass.engine.network;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * conv(concat(up(low), skip), w) + b for ×2 nearest up-sampling {@code up} and a k×k 'same' convolution, NHWC,
 * computed without up-sampling. By {@link PhaseKernels}, the output rows of parity a are a convolution of
 * {@code low} (zero-padded by rl rows) with kernels of n rows, and within such a row pair the two column
 * parities are 2·out channels of that one convolution, which in NHWC memory already is the interleaved
 * [N, H, 2W, out] row; concatenating the two row parities along the width puts each row 2i before row 2i + 1 in
 * memory, so one reshape gives [N, 2H, 2W, out]. The skip input's share is an ordinary convolution with its
 * slice of {@code w}.
 * <p>
 * Why: ND4J 1.0.0-M2.1's up-sampling computes its NHWC gradient wrongly and is slow in NCHW between two
 * transpositions; this form has neither and convolves a quarter of the pixels (a third fewer multiply-adds for
 * k = 3). Same weights and function as the up-sample-then-convolve form; UpConvolutionTest compares values and
 * gradients.
 */
final class UpConvolution {

	private UpConvolution() {}

	/**
	 * @param low NHWC [N, H, W, lowChannels]
	 * @param skip NHWC [N, 2H, 2W, w's input channels − lowChannels], or null
	 * @param w [k, k, in, out] weights of the convolution on the up-sampled (and concatenated) input
	 * @param b [out] bias
	 * @return [N, 2H, 2W, out], before any activation
	 */
	static SDVariable apply(final SDVariable low, final int lowChannels, final SDVariable skip, final SDVariable w,
		final SDVariable b)
	{
		final SameDiff sd = low.getSameDiff();
		final long[] ws = w.getShape();
		final int k = (int) ws[0], in = (int) ws[2], out = (int) ws[3];
		final PhaseKernels phases = PhaseKernels.of(k);
		final int kl = phases.lowSize(), rl = kl / 2, r = k / 2;

		final SDVariable wLow = skip == null ? w : w.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, lowChannels),
			SDIndex.all());
		// [kl, kl, lowChannels, (a, b, out)]
		final SDVariable wPhase = sd.constant(phases.matrix()).mmul(wLow.reshape(k * k, lowChannels * out))
			.reshape(kl, kl, 2, 2, lowChannels, out).permute(0, 1, 4, 2, 3, 5).reshape(kl, kl, lowChannels, 4 * out);
		final SDVariable pairBias = skip == null ? sd.concat(0, b, b) : null;

		final SDVariable[] rows = new SDVariable[2];
		for (int a = 0; a < 2; a++) {
			// image rows i + lo .. i + hi feed output row 2i + a: a convolution with rl zero rows on each side gives
			// H + 2 rl − n + 1 rows, of which those from lo + rl on are the H wanted
			final int lo = Math.floorDiv(a - r, 2), hi = Math.floorDiv(a + r, 2);
			final int n = hi - lo + 1, first = lo + rl, extra = 2 * rl - n + 1;
			final SDVariable wa = wPhase.get(SDIndex.interval(first, first + n), SDIndex.all(), SDIndex.all(),
				SDIndex.interval(a * 2 * out, (a + 1) * 2 * out));
			final Conv2DConfig padded = Conv2DConfig.builder().kH(n).kW(kl).sH(1).sW(1).dH(1).dW(1).pH(rl).pW(rl)
				.paddingMode(PaddingMode.VALID).dataFormat("NHWC").build();
			final SDVariable all = sd.cnn.conv2d(low, wa, pairBias, padded);
			final int every = 1 | 4 | 8; // every index on the batch, column and channel axes
			rows[a] = extra == 0 ? all : sd.stridedSlice(all, new long[] { 0, first, 0, 0 },
				new long[] { 0, first - extra, 0, 0 }, new long[] { 1, 1, 1, 1 }, every,
				every | (first == extra ? 2 : 0), 0, 0, 0);
		}
		// [N, H, 2W, 2·out]: per (n, i), output row 2i's 2W·out values, then row 2i + 1's (ND4J's reshape copies,
		// so the parities are not reshaped on their own)
		final SDVariable shape = low.shape();
		final SDVariable fullShape = sd.concat(0, shape.get(SDIndex.interval(0, 1)), shape.get(SDIndex.interval(1, 3))
			.mul(2), sd.constant(Nd4j.createFromArray((long) out)));
		final SDVariable up = sd.concat(2, rows[0], rows[1]).reshape(fullShape);
		if (skip == null) return up;
		final SDVariable wSkip = w.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(lowChannels, in), SDIndex.all());
		final Conv2DConfig same = Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1).dH(1).dW(1)
			.paddingMode(PaddingMode.SAME).dataFormat("NHWC").build();
		return up.add(sd.cnn.conv2d(skip, wSkip, b, same));
	}
}
