package org.hourglass.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hourglass.api.Encoding;
import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.ChannelNormalization;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.engine.network.GraphNames;
import org.hourglass.engine.network.NetworkBuilder;
import org.hourglass.engine.network.Weights;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model's latent codes: encoding images in batches (the deterministic code: {@code z_mean} for a Gaussian
 * latent), and decoding codes with a decoder-only graph built once and given the model's weights again only
 * when they have changed.
 */
final class Codes {

	/** Images or codes per batch. */
	static final int BATCH = 64;

	private final Nd4jModel model;
	private final Inference inference;
	private SameDiff decoder;
	private long decoderVersion = -1;

	Codes(final Nd4jModel model, final Inference inference) {
		this.model = model;
		this.inference = inference;
	}

	List<Encoding> encode(final List<Plane> inputs) {
		model.checkOpen();
		final NetworkSpec net = model.network();
		if (net.skipConnections()) {
			throw new InvalidInputException("this model's skip connections bypass its code (a U-Net): it has no latent " +
				"code to encode");
		}
		if (inputs.isEmpty()) return List.of();
		final Plane first = inputs.get(0);
		for (final Plane p : inputs) {
			if (p.width() != first.width() || p.height() != first.height()) {
				throw new InvalidInputException("images encoded together must have one size, got " + first.width() + "x" +
					first.height() + " and " + p.width() + "x" + p.height());
			}
			Inference.check(p, net);
		}
		final int f = net.downsamplingFactor();
		if (first.width() % f != 0 || first.height() % f != 0) {
			throw new InvalidInputException("this network encodes images whose sides are a multiple of " + f +
				" pixels, got " + first.width() + "x" + first.height());
		}
		final int[] shape = net.codeShape(first.width(), first.height());
		final boolean gaussian = net.latent().kind() == Latent.Kind.GAUSSIAN;
		final String code = net.latent().isVector() ? gaussian ? GraphNames.Z_MEAN : GraphNames.Z : GraphNames.CODE;
		final int values = first.data().length;
		final List<Encoding> out = new ArrayList<>(inputs.size());
		for (int start = 0; start < inputs.size(); start += BATCH) {
			final int n = Math.min(BATCH, inputs.size() - start);
			final float[] blocks = new float[n * values];
			for (int b = 0; b < n; b++) {
				final Plane p = inputs.get(start + b);
				System.arraycopy(inference.params(p).apply(p).data(), 0, blocks, b * values, values);
			}
			final float[] means;
			float[] logSigmas = null;
			synchronized (model.lock()) {
				model.checkOpen();
				try (INDArray in = Nd4j.create(blocks, new long[] { n, net.inputChannels(), first.height(), first
					.width() }, 'c'); INDArray eps = Nd4j.zeros(DataType.FLOAT, n, Math.max(1, net.latent().size())))
				{
					final Map<String, INDArray> feed = new HashMap<>();
					feed.put(GraphNames.INPUT, in);
					if (gaussian) feed.put(GraphNames.EPS, eps);
					final Map<String, INDArray> result = gaussian ? model.graph().output(feed, GraphNames.Z_MEAN,
						GraphNames.Z_LOG_SIGMA) : model.graph().output(feed, code);
					means = Inference.values(result.get(code));
					if (gaussian) logSigmas = Inference.values(result.get(GraphNames.Z_LOG_SIGMA));
				}
			}
			inference.collectNow();
			final int size = means.length / n;
			for (int b = 0; b < n; b++) {
				out.add(new Encoding(Arrays.copyOfRange(means, b * size, (b + 1) * size), logSigmas == null ? null : Arrays
					.copyOfRange(logSigmas, b * size, (b + 1) * size), shape));
			}
		}
		return out;
	}

	List<Plane> decode(final List<float[]> codes) {
		model.checkOpen();
		final NetworkSpec net = model.network();
		final int[] shape = shape();
		final int size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
		for (final float[] z : codes) {
			if (z == null || z.length != size) {
				throw new InvalidInputException("a code of this model has " + size + " values (" + Arrays.toString(shape) +
					"), got " + (z == null ? "none" : z.length));
			}
		}
		final int side = net.inputSize() * net.upscale();
		final int outValues = side * side * net.outputChannels();
		final ChannelNormalization fixed = fixedNormalization();
		final List<Plane> out = new ArrayList<>(codes.size());
		for (int start = 0; start < codes.size(); start += BATCH) {
			final int n = Math.min(BATCH, codes.size() - start);
			final float[] in = new float[n * size];
			for (int b = 0; b < n; b++) System.arraycopy(codes.get(start + b), 0, in, b * size, size);
			final float[] result;
			synchronized (model.lock()) {
				model.checkOpen();
				final SameDiff d = decoder();
				try (INDArray z = Nd4j.create(in, new long[] { n, size }, 'c')) {
					result = Inference.values(d.output(Map.of(GraphNames.Z, z), GraphNames.OUTPUT).get(GraphNames.OUTPUT));
				}
			}
			inference.collectNow();
			for (int b = 0; b < n; b++) {
				final float[] o = Arrays.copyOfRange(result, b * outValues, (b + 1) * outValues);
				if (fixed != null) fixed.invertInPlace(o, side * side, net.outputChannels());
				out.add(new Plane(side, side, net.outputChannels(), o));
			}
		}
		return out;
	}

	int[] shape() {
		final NetworkSpec net = model.network();
		if (!NetworkBuilder.hasFixedCode(net)) {
			throw new InvalidInputException(net.skipConnections()
				? "this model's skip connections bypass its code (a U-Net): it has no latent code to decode"
				: "this model's code size depends on the image size (it takes images of any size), so codes cannot be " +
					"decoded without one");
		}
		return net.codeShape(net.inputSize(), net.inputSize());
	}

	void close() {
		Nd4jModel.release(decoder);
		decoder = null;
	}

	/** The decoder graph with the model's current weights; call holding the model's lock. */
	private SameDiff decoder() {
		if (decoder == null) decoder = NetworkBuilder.buildDecoder(model.network());
		if (decoderVersion != model.weightsVersion()) {
			Weights.copyShared(model.graph(), decoder);
			decoderVersion = model.weightsVersion();
		}
		return decoder;
	}

	/** The normalisation a decoded image is mapped back with; {@code null} under per-image percentiles. */
	private ChannelNormalization fixedNormalization() {
		final Normalization rule = model.info().spec().normalization();
		return switch (rule.mode()) {
			case PERCENTILE -> null;
			case MEAN_STD -> model.info().fittedNormalization();
			case FIXED, NONE -> ChannelNormalization.of(rule.fit(null));
		};
	}
}
