package org.hourglass.engine.network;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.hourglass.api.network.Activation;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns a {@link NetworkSpec} and a {@link Loss} into a SameDiff graph: NCHW float32 at its boundary (NHWC inside), 'same' convolutions,
 * 2×2 max (or max-blur) pooling, ×2 nearest up-sampling (folded into the convolution after it), optional U-Net skips, vector or Gaussian latents
 * with hidden dense layers, dense networks without convolutions, residual output (for super-resolution, the input enlarged by
 * pixel repetition or {@link BicubicUpsampling bicubic interpolation}), and the training loss. Weights are He-normal, drawn from a seeded generator, so a spec and a seed
 * always give the same network.
 * <p>
 * The full graph reads {@link GraphNames#INPUT} (and {@link GraphNames#EPS} for a Gaussian latent: the
 * sampling noise, zeros for a deterministic prediction) and computes {@link GraphNames#OUTPUT} and
 * {@link GraphNames#LOSS} (which reads {@link GraphNames#TARGET} and, for a masked loss,
 * {@link GraphNames#MASK}); each term of the loss is a variable of its own ({@link GraphNames#term}), weighted by
 * a scalar constant the trainer may change between epochs ({@link GraphNames#weight}). Without skip
 * connections the code is {@link GraphNames#Z} for a vector latent and {@link GraphNames#CODE} (NCHW) for a
 * convolutional one. The decoder graph ({@link #buildDecoder}) reads {@link GraphNames#Z} (a convolutional code
 * flattened in NCHW order) and has the same variable names as the full graph's decoder, so weights copy over
 * by name.
 */
public final class NetworkBuilder {

	private final NetworkSpec spec;
	private final SplittableRandom random;
	private SameDiff sd;

	private NetworkBuilder(final NetworkSpec spec, final long seed) {
		this.spec = spec;
		this.random = new SplittableRandom(seed);
	}

	/** The full network with its loss. */
	public static SameDiff build(final NetworkSpec spec, final Loss loss, final long seed) {
		return new NetworkBuilder(spec, seed).full(loss);
	}

	/** Only the decoder of a network with a fixed-size code (no skip connections), reading {@link GraphNames#Z}. */
	public static SameDiff buildDecoder(final NetworkSpec spec) {
		if (!hasFixedCode(spec)) throw new IllegalArgumentException("this network has no fixed-size code to decode");
		return new NetworkBuilder(spec, 0).decoderOnly();
	}

	/** True if the network has a code of a fixed size: a vector latent, or a convolutional one of a fixed input size. */
	public static boolean hasFixedCode(final NetworkSpec spec) {
		return !spec.skipConnections() && (spec.latent().isVector() || spec.inputSize() > 0);
	}

	// -- Graphs --

	private SameDiff full(final Loss loss) {
		sd = SameDiff.create();
		final SDVariable input = sd.placeHolder(GraphNames.INPUT, DataType.FLOAT, -1, spec.inputChannels(), -1, -1);
		final List<SDVariable> skips = new ArrayList<>();
		SDVariable x = toInternal(input);
		final int[] enc = spec.encoderFilters();
		int channels = spec.inputChannels();
		for (int level = 0; level < enc.length; level++) {
			final boolean pooled = level < enc.length - 1;
			// Max pooling commutes with a monotone (non-decreasing) activation, values and gradients alike, so a
			// level's output that only feeds the pooling is pooled before its activation: a quarter of the work.
			final boolean poolFirst = pooled && !spec.skipConnections() && nonDecreasing(spec.activation()) &&
				spec.pooling() == NetworkSpec.Pooling.MAX;
			for (int i = 0; i < spec.convsPerLevel(); i++) {
				final boolean last = i == spec.convsPerLevel() - 1;
				x = conv("enc" + level + "_conv" + i, x, channels, enc[level], spec.kernelSize(),
					last && poolFirst ? Activation.LINEAR : spec.activation());
				channels = enc[level];
			}
			skips.add(x);
			if (pooled) x = poolFirst ? activate(pool(x, channels), spec.activation()) : pool(x, channels);
		}
		SDVariable kl = null;
		final Latent latent = spec.latent();
		if (!latent.isVector() && !spec.skipConnections()) sd.identity(GraphNames.CODE, toBoundary(x));
		if (latent.isVector()) {
			final int side = spec.inputSize() / spec.downsamplingFactor();
			final int flat = channels * side * side;
			SDVariable flattened = x.reshape(-1, flat);
			int width = flat;
			for (int i = 0; i < latent.hidden().size(); i++) {
				flattened = dense("enc_dense" + i, flattened, width, latent.hidden().get(i), spec.activation());
				width = latent.hidden().get(i);
			}
			final SDVariable z;
			if (latent.kind() == Latent.Kind.DENSE) {
				z = dense(GraphNames.Z, flattened, width, latent.size(), Activation.LINEAR);
			}
			else {
				final SDVariable mean = dense(GraphNames.Z_MEAN, flattened, width, latent.size(), Activation.LINEAR);
				final SDVariable logSigma = dense(GraphNames.Z_LOG_SIGMA, flattened, width, latent.size(),
					Activation.LINEAR);
				final SDVariable eps = sd.placeHolder(GraphNames.EPS, DataType.FLOAT, -1, latent.size());
				z = sd.identity(GraphNames.Z, mean.add(sd.math.exp(logSigma).mul(eps)));
				// KL(N(mean, sigma) || N(0, 1)) per latent dimension: [batch, size]
				kl = sd.math.square(mean).add(sd.math.exp(logSigma.mul(2))).sub(1).sub(logSigma.mul(2)).mul(0.5);
			}
			x = latentToMap(z, channels, side);
		}
		x = decoder(x, channels, skips, input);
		final SDVariable output = x;
		if (loss != null) addLoss(loss, output, kl);
		return sd;
	}

	private SameDiff decoderOnly() {
		sd = SameDiff.create();
		final int channels = spec.codeChannels();
		final int side = spec.inputSize() / spec.downsamplingFactor();
		final SDVariable x;
		if (spec.latent().isVector()) {
			x = latentToMap(sd.placeHolder(GraphNames.Z, DataType.FLOAT, -1, spec.latent().size()), channels, side);
		}
		else {
			final SDVariable z = sd.placeHolder(GraphNames.Z, DataType.FLOAT, -1, (long) channels * side * side);
			x = toInternal(z.reshape(-1, channels, side, side));
		}
		// the encoder's weights are not part of this graph, but the random stream must not matter: weights are
		// copied from the full graph by name
		decoder(x, channels, List.of(), null);
		return sd;
	}

	/**
	 * The decoder's dense layers: the hidden ones in reverse order, then one to a {@code side}×{@code side} map
	 * (NHWC) of {@code channels} channels with the network's activation, or for a dense network to the output's
	 * channels without activation (the output activation follows).
	 */
	private SDVariable latentToMap(final SDVariable z, final int channels, final int side) {
		final List<Integer> hidden = spec.latent().hidden();
		SDVariable x = z;
		int width = spec.latent().size();
		for (int i = hidden.size() - 1; i >= 0; i--) {
			x = dense("dec_dense" + i, x, width, hidden.get(i), spec.activation());
			width = hidden.get(i);
		}
		final int c = spec.isDense() ? spec.outputChannels() : channels;
		final SDVariable back = dense("latent_out", x, width, c * side * side, spec.isDense() ? Activation.LINEAR : spec
			.activation());
		return back.reshape(-1, side, side, c);
	}

	/** Decoder levels, super-resolution levels, output convolution and residual; returns the output. */
	private SDVariable decoder(SDVariable x, int channels, final List<SDVariable> skips, final SDVariable input) {
		final int[] dec = spec.decoderFilters();
		for (int level = 0; level < dec.length; level++) {
			final int from = skips.size() - 2 - level;
			final SDVariable skip = spec.skipsAt(from) ? skips.get(from) : null;
			final int skipChannels = skip == null ? 0 : spec.encoderFilters()[from];
			for (int i = 0; i < spec.convsPerLevel(); i++) {
				final String name = "dec" + level + "_conv" + i;
				x = i == 0 ? upConv(name, x, channels, skip, skipChannels, dec[level], spec.activation())
					: conv(name, x, channels, dec[level], spec.kernelSize(), spec.activation());
				channels = dec[level];
			}
		}
		for (int level = 0; (1 << level) < spec.upscale(); level++) {
			for (int i = 0; i < spec.convsPerLevel(); i++) {
				final String name = "up" + level + "_conv" + i;
				x = i == 0 ? upConv(name, x, channels, null, 0, channels, spec.activation())
					: conv(name, x, channels, channels, spec.kernelSize(), spec.activation());
			}
		}
		// a dense network's last dense layer is its output layer
		SDVariable out = toBoundary(spec.isDense() ? x : conv("out", x, channels, spec.outputChannels(), spec
			.kernelSize(), Activation.LINEAR));
		if (spec.residual() && input != null) {
			out = out.add(spec.upscale() == 1 ? input : spec.residualUpsampling() == NetworkSpec.Upsampling.BICUBIC
				? BicubicUpsampling.apply(input, spec.inputChannels(), spec.upscale())
				: sd.cnn.upsampling2d(input, spec.upscale(), spec.upscale(), true));
		}
		sd.identity(GraphNames.LOGITS, out);
		return sd.identity(GraphNames.OUTPUT, activate(out, spec.outputActivation()));
	}

	// -- Loss --

	private void addLoss(final Loss loss, final SDVariable output, final SDVariable klPerDimension) {
		final SDVariable target = sd.placeHolder(GraphNames.TARGET, DataType.FLOAT, -1, spec.outputChannels(), -1, -1);
		final LossTerm rec = loss.reconstruction();
		final SDVariable perValue = switch (rec.kind()) {
			case MSE -> sd.math.square(output.sub(target));
			case MAE -> sd.math.abs(output.sub(target));
			case BCE -> binaryCrossEntropy(output, target);
			case MASKED_MSE -> null;
			case KL -> throw new IllegalArgumentException("KL is not a reconstruction term");
		};
		final SDVariable reconstruction;
		if (perValue == null) {
			final SDVariable mask = sd.placeHolder(GraphNames.MASK, DataType.FLOAT, -1, spec.outputChannels(), -1, -1);
			final SDVariable weighted = sd.math.square(output.sub(target)).mul(mask).sum();
			reconstruction = weighted.div(sd.math.max(mask.sum(), sd.constant(Nd4j.scalar(1f))));
		}
		else {
			reconstruction = reduce(perValue, rec.reduction(), 1, 2, 3);
		}
		final List<SDVariable> terms = new ArrayList<>();
		terms.add(reconstruction);
		final LossTerm klTerm = loss.kl();
		if (klTerm != null) {
			if (klPerDimension == null) throw new IllegalArgumentException("a KL term needs a Gaussian latent");
			terms.add(reduce(klPerDimension, klTerm.reduction(), 1));
		}
		SDVariable total = null;
		for (int i = 0; i < terms.size(); i++) {
			final LossTerm t = loss.terms().get(i);
			// a term alone with weight 1 is the loss itself: no extra ops in the training step
			if (terms.size() == 1 && t.weight() == 1 && t.warmupEpochs() == 0) {
				total = terms.get(i);
				break;
			}
			terms.get(i).rename(GraphNames.term(t.name()));
			final SDVariable weighted = terms.get(i).mul(sd.constant(GraphNames.weight(t.name()), Nd4j.scalar((float) t
				.weight())));
			total = total == null ? weighted : total.add(weighted);
		}
		// the loss is the output of the last computing op, not of an identity op: SameDiff reports a training step's
		// loss value only for an op that computes it
		total.rename(GraphNames.LOSS);
		sd.setLossVariables(GraphNames.LOSS);
	}

	/** MEAN over every value; SUM over {@code perImage} axes, then the mean over the batch. */
	private static SDVariable reduce(final SDVariable values, final LossTerm.Reduction reduction,
		final int... perImage)
	{
		return reduction == LossTerm.Reduction.MEAN ? values.mean() : values.sum(perImage).mean();
	}

	/** Per value; on a sigmoid output computed from the logits, which is exact and never takes log(0). */
	private SDVariable binaryCrossEntropy(final SDVariable output, final SDVariable target) {
		if (spec.outputActivation() == Activation.SIGMOID) {
			final SDVariable logits = sd.getVariable(GraphNames.LOGITS);
			// max(x, 0) - x t + log(1 + exp(-|x|))
			return sd.nn.relu(logits, 0).sub(logits.mul(target)).add(sd.math.log1p(sd.math.exp(sd.math.abs(logits)
				.neg())));
		}
		final SDVariable p = sd.math.clipByValue(output, 1e-7, 1 - 1e-7);
		return target.mul(sd.math.log(p)).add(target.rsub(1).mul(sd.math.log(p.rsub(1)))).neg();
	}

	// -- Layout --

	/**
	 * Inside the graph activations are NHWC: oneDNN's fastest convolutions on AVX-512 read and write NHWC, so
	 * with NCHW every convolution paid for a reorder of its input and output. Inputs, outputs and targets stay
	 * NCHW at the graph's boundary; for the usual single channel the transposition moves no data.
	 */
	private static final int CHANNEL_AXIS = 3;

	static SDVariable toInternal(final SDVariable nchw) {
		return nchw.permute(0, 2, 3, 1);
	}

	static SDVariable toBoundary(final SDVariable nhwc) {
		return nhwc.permute(0, 3, 1, 2);
	}

	// -- Layers --

	private SDVariable conv(final String name, final SDVariable x, final int in, final int out, final int k,
		final Activation activation)
	{
		final SDVariable w = sd.var(name + "_W", heNormal(new long[] { k, k, in, out }, k * k * in));
		final SDVariable b = sd.var(name + "_b", Nd4j.zeros(DataType.FLOAT, out));
		final Conv2DConfig config = Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1).dH(1).dW(1)
			.paddingMode(PaddingMode.SAME).dataFormat("NHWC").build();
		if (out == 1 && in > 1) {
			// The same sum of products as a convolution to one channel, with the same weights [k, k, in, 1]: a
			// depth-wise convolution, then the sum over channels. oneDNN pads a one-channel convolution to 16
			// channels and its gradient became the slowest operation of a training step.
			final SDVariable perChannel = sd.cnn.depthWiseConv2d(x, w, config);
			return activate(perChannel.sum(true, CHANNEL_AXIS).add(b), activation);
		}
		return activate(sd.cnn.conv2d(x, w, b, config), activation);
	}

	/**
	 * A convolution (with activation) of the ×2 nearest up-sampled {@code low}, concatenated with {@code skip} if
	 * there is one: weights [k, k, lowChannels + skipChannels, out] as for {@link #conv}, computed by
	 * {@link UpConvolution} without up-sampling.
	 */
	private SDVariable upConv(final String name, final SDVariable low, final int lowChannels, final SDVariable skip,
		final int skipChannels, final int out, final Activation activation)
	{
		final int k = spec.kernelSize();
		final int in = lowChannels + skipChannels;
		final SDVariable w = sd.var(name + "_W", heNormal(new long[] { k, k, in, out }, k * k * in));
		final SDVariable b = sd.var(name + "_b", Nd4j.zeros(DataType.FLOAT, out));
		return activate(UpConvolution.apply(low, lowChannels, skip, w, b), activation);
	}

	private SDVariable pool(final SDVariable x, final int channels) {
		if (spec.pooling() == NetworkSpec.Pooling.MAX_BLUR) return maxBlurPool(x, channels);
		final Pooling2DConfig config = Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2)
			.paddingMode(PaddingMode.VALID).type(Pooling2D.Pooling2DType.MAX).isNHWC(true).build();
		return sd.cnn.maxPooling2d(x, config);
	}

	/**
	 * {@link NetworkSpec.Pooling#MAX_BLUR}: the 2×2 maximum at stride 1 ('valid': one row and column fewer), then
	 * the fixed binomial 3×3 blur, channel by channel, at stride 2 with 'same' padding (one zero row and column on
	 * each side), so output {@code j} reads inputs {@code 2j − 1 … 2j + 2}: centred on {@code 2j + ½} as 2×2 max
	 * pooling's output, which keeps the decoder's up-sampling aligned.
	 */
	private SDVariable maxBlurPool(final SDVariable x, final int channels) {
		final Pooling2DConfig max = Pooling2DConfig.builder().kH(2).kW(2).sH(1).sW(1)
			.paddingMode(PaddingMode.VALID).type(Pooling2D.Pooling2DType.MAX).isNHWC(true).build();
		final float[] taps = { 0.25f, 0.5f, 0.25f };
		final float[] w = new float[9 * channels];
		for (int ky = 0; ky < 3; ky++) {
			for (int kx = 0; kx < 3; kx++) {
				for (int c = 0; c < channels; c++) w[(ky * 3 + kx) * channels + c] = taps[ky] * taps[kx];
			}
		}
		final SDVariable kernel = sd.constant(Nd4j.create(w, new long[] { 3, 3, channels, 1 }, 'c'));
		final Conv2DConfig blur = Conv2DConfig.builder().kH(3).kW(3).sH(2).sW(2).dH(1).dW(1)
			.paddingMode(PaddingMode.SAME).dataFormat("NHWC").build();
		return sd.cnn.depthWiseConv2d(sd.cnn.maxPooling2d(x, max), kernel, blur);
	}

	private SDVariable dense(final String name, final SDVariable x, final int in, final int out,
		final Activation activation)
	{
		final SDVariable w = sd.var(name + "_W", heNormal(new long[] { in, out }, in));
		final SDVariable b = sd.var(name + "_b", Nd4j.zeros(DataType.FLOAT, 1, out));
		final SDVariable y = activate(x.mmul(w).add(b), activation);
		return name.startsWith("z") ? sd.identity(name, y) : y;
	}

	private SDVariable activate(final SDVariable x, final Activation activation) {
		return switch (activation) {
			case LINEAR -> x;
			case RELU -> sd.nn.relu(x, 0);
			case LEAKY_RELU -> sd.nn.leakyRelu(x, 0.01);
			case SIGMOID -> sd.nn.sigmoid(x);
			case TANH -> sd.nn.tanh(x);
		};
	}

	/** Whether max(f(a), f(b)) = f(max(a, b)): then max pooling and {@code activation} may swap places. */
	private static boolean nonDecreasing(final Activation activation) {
		return switch (activation) {
			case LINEAR, RELU, LEAKY_RELU, SIGMOID, TANH -> true;
		};
	}

	private INDArray heNormal(final long[] shape, final int fanIn) {
		long n = 1;
		for (final long s : shape) n *= s;
		final float[] values = new float[(int) n];
		final double std = Math.sqrt(2.0 / fanIn);
		for (int i = 0; i < values.length; i++) values[i] = (float) (random.nextGaussian() * std);
		return Nd4j.create(values, shape, 'c');
	}
}
