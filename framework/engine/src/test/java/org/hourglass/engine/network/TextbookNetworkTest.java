package org.hourglass.engine.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.hourglass.api.network.Activation;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.engine.TestRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
 * The graph {@link NetworkBuilder} makes against the same convolutional network written the textbook way, NCHW,
 * layer by layer: convolution, activation, max pooling, nearest up-sampling (concatenating the skip), convolution,
 * one-channel output convolution, residual. With the builder's weights copied over by name, the loss and the
 * gradient of every weight must agree. This covers what the builder does differently for speed: NHWC inside,
 * pooling before a level's activation, up-sampling folded into the next convolution, the one-channel output as
 * a depth-wise convolution plus a sum.
 */
class TextbookNetworkTest {

	private static final int N = 3, SIZE = 16;

	@BeforeAll
	static void runtime() {
		TestRuntime.start();
	}

	@ParameterizedTest(name = "{0}, {1} convolution(s) per level, skips {2}")
	@CsvSource({ "RELU,1,false", "RELU,2,false", "LEAKY_RELU,1,false", "TANH,2,false", "RELU,1,true" })
	void sameLossAndGradientsAsTheTextbookNetwork(final Activation activation, final int convsPerLevel,
		final boolean skips)
	{
		final NetworkSpec spec = NetworkSpec.encoderDecoder(new int[] { 4, 6, 6 }, new int[] { 5, 4 }).withConvolutions(
			convsPerLevel, 3, activation).withSkips(skips).withOutput(skips, Activation.LINEAR);
		final SameDiff built = NetworkBuilder.build(spec, Loss.of(LossTerm.Kind.MSE), 7);
		Nd4j.getRandom().setSeed(3);
		// inputs with ties and negative stretches, where pooling and activation order would show
		final INDArray input = Nd4j.rand(DataType.FLOAT, N, 1, SIZE, SIZE).subi(0.5).muli(4);
		final INDArray target = Nd4j.rand(DataType.FLOAT, N, 1, SIZE, SIZE);
		final Map<String, INDArray> feed = Map.of(GraphNames.INPUT, input, GraphNames.TARGET, target);
		final String[] weights = built.variables().stream().filter(v -> v.getVariableType().name().equals("VARIABLE"))
			.map(SDVariable::name).toArray(String[]::new);

		final SameDiff textbook = textbook(spec, built);
		final Map<String, INDArray> expected = gradientsAndLoss(textbook, feed, weights);
		final Map<String, INDArray> actual = gradientsAndLoss(built, feed, weights);
		assertTrue(weights.length >= 12, "weights found: " + weights.length);
		for (final String name : expected.keySet()) {
			final INDArray e = expected.get(name);
			final double err = actual.get(name).sub(e).norm2Number().doubleValue() / e.norm2Number().doubleValue();
			assertTrue(err < 1e-5, name + " off by " + err);
		}
	}

	private static Map<String, INDArray> gradientsAndLoss(final SameDiff sd, final Map<String, INDArray> feed,
		final String[] weights)
	{
		final Map<String, INDArray> result = new HashMap<>(sd.calculateGradients(feed, weights));
		result.put(GraphNames.LOSS, sd.output(feed, GraphNames.LOSS).get(GraphNames.LOSS));
		return result;
	}

	/** The network of {@code spec} in the textbook order, NCHW, with {@code weights}' values. */
	private static SameDiff textbook(final NetworkSpec spec, final SameDiff weights) {
		final SameDiff sd = SameDiff.create();
		final SDVariable input = sd.placeHolder(GraphNames.INPUT, DataType.FLOAT, -1, 1, -1, -1);
		final SDVariable target = sd.placeHolder(GraphNames.TARGET, DataType.FLOAT, -1, 1, -1, -1);
		final java.util.List<SDVariable> levels = new java.util.ArrayList<>();
		SDVariable x = input;
		for (int level = 0; level < spec.encoderFilters().length; level++) {
			if (level > 0) x = sd.cnn.maxPooling2d(x, Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2)
				.paddingMode(PaddingMode.VALID).type(Pooling2D.Pooling2DType.MAX).isNHWC(false).build());
			for (int i = 0; i < spec.convsPerLevel(); i++) {
				x = activate(sd, conv(sd, weights, "enc" + level + "_conv" + i, x), spec.activation());
			}
			levels.add(x);
		}
		for (int level = 0; level < spec.decoderFilters().length; level++) {
			x = sd.cnn.upsampling2d(x, 2, 2, true);
			if (spec.skipConnections()) x = sd.concat(1, x, levels.get(levels.size() - 2 - level));
			for (int i = 0; i < spec.convsPerLevel(); i++) {
				x = activate(sd, conv(sd, weights, "dec" + level + "_conv" + i, x), spec.activation());
			}
		}
		SDVariable out = conv(sd, weights, "out", x);
		if (spec.residual()) out = out.add(input);
		sd.math.square(out.sub(target)).mean().rename(GraphNames.LOSS);
		sd.setLossVariables(GraphNames.LOSS);
		return sd;
	}

	private static SDVariable conv(final SameDiff sd, final SameDiff weights, final String name, final SDVariable x) {
		final SDVariable w = sd.var(name + "_W", weights.getVariable(name + "_W").getArr().dup());
		final SDVariable b = sd.var(name + "_b", weights.getVariable(name + "_b").getArr().dup());
		final int k = (int) w.getShape()[0];
		return sd.cnn.conv2d(x, w, b, Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1).dH(1).dW(1)
			.paddingMode(PaddingMode.SAME).dataFormat("NCHW").build());
	}

	private static SDVariable activate(final SameDiff sd, final SDVariable x, final Activation activation) {
		return switch (activation) {
			case LINEAR -> x;
			case RELU -> sd.nn.relu(x, 0);
			case LEAKY_RELU -> sd.nn.leakyRelu(x, 0.01);
			case SIGMOID -> sd.nn.sigmoid(x);
			case TANH -> sd.nn.tanh(x);
		};
	}
}
