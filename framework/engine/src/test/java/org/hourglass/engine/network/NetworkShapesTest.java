package org.hourglass.engine.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.hourglass.api.network.Activation;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.engine.Fixtures;
import org.hourglass.engine.TestRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NetworkShapesTest {

	@BeforeAll
	static void start() {
		TestRuntime.start();
	}

	private static long[] outputShape(final NetworkSpec spec, final int n, final int h, final int w) {
		final SameDiff sd = NetworkBuilder.build(spec, Loss.of(LossTerm.Kind.MSE), 1);
		final Map<String, INDArray> feed = new HashMap<>();
		feed.put(GraphNames.INPUT, Nd4j.rand(DataType.FLOAT, n, 1, h, w));
		if (spec.latent().kind() == Latent.Kind.GAUSSIAN) {
			feed.put(GraphNames.EPS, Nd4j.zeros(DataType.FLOAT, n, spec.latent().size()));
		}
		return sd.output(feed, GraphNames.OUTPUT).get(GraphNames.OUTPUT).shape();
	}

	@Test
	void convolutionalAutoencoderKeepsTheInputSize() {
		assertArrayEquals(new long[] { 2, 1, 24, 16 }, outputShape(Fixtures.tinyConv(), 2, 24, 16));
	}

	@Test
	void unetWithResidualKeepsTheInputSize() {
		assertArrayEquals(new long[] { 3, 1, 16, 32 }, outputShape(Fixtures.tinyUnet(), 3, 16, 32));
	}

	@Test
	void superResolutionScalesTheOutput() {
		final NetworkSpec x2 = NetworkSpec.encoderDecoder(new int[] { 4, 8 }, new int[] { 4 }).withSkips(true)
			.withOutput(true, Activation.LINEAR).withUpscale(2);
		assertArrayEquals(new long[] { 1, 1, 32, 48 }, outputShape(x2, 1, 16, 24));
		final NetworkSpec x4 = NetworkSpec.encoderDecoder(new int[] { 4 }, new int[] {}).withConvolutions(2, 3,
			Activation.RELU).withUpscale(4);
		assertArrayEquals(new long[] { 2, 1, 32, 40 }, outputShape(x4, 2, 8, 10));
	}

	@Test
	void denseLatentHasAVectorCodeAndADecoder() {
		final NetworkSpec spec = Fixtures.tinyVector(Latent.dense(5), 16);
		assertArrayEquals(new long[] { 2, 1, 16, 16 }, outputShape(spec, 2, 16, 16));
		final SameDiff sd = NetworkBuilder.build(spec, Loss.of(LossTerm.Kind.BCE), 1);
		final INDArray z = sd.output(Map.of(GraphNames.INPUT, Nd4j.rand(DataType.FLOAT, 2, 1, 16, 16)), GraphNames.Z)
			.get(GraphNames.Z);
		assertArrayEquals(new long[] { 2, 5 }, z.shape());
		final SameDiff decoder = NetworkBuilder.buildDecoder(spec);
		Weights.copyShared(sd, decoder);
		final INDArray out = decoder.output(Map.of(GraphNames.Z, z), GraphNames.OUTPUT).get(GraphNames.OUTPUT);
		final INDArray full = sd.output(Map.of(GraphNames.INPUT, Nd4j.rand(DataType.FLOAT, 2, 1, 16, 16)),
			GraphNames.OUTPUT).get(GraphNames.OUTPUT);
		assertArrayEquals(full.shape(), out.shape());
	}

	@Test
	void gaussianLatentSamplesAroundTheMean() {
		final NetworkSpec spec = Fixtures.tinyVector(Latent.gaussian(3), 8);
		final SameDiff sd = NetworkBuilder.build(spec, Loss.variational(LossTerm.Kind.BCE, 1, 0), 1);
		final INDArray input = Nd4j.rand(DataType.FLOAT, 2, 1, 8, 8);
		final Map<String, INDArray> feed = new HashMap<>();
		feed.put(GraphNames.INPUT, input);
		feed.put(GraphNames.EPS, Nd4j.zeros(DataType.FLOAT, 2, 3));
		final Map<String, INDArray> deterministic = sd.output(feed, GraphNames.Z, GraphNames.Z_MEAN,
			GraphNames.Z_LOG_SIGMA);
		assertEquals(deterministic.get(GraphNames.Z_MEAN), deterministic.get(GraphNames.Z));
		feed.put(GraphNames.EPS, Nd4j.ones(DataType.FLOAT, 2, 3));
		final Map<String, INDArray> sampled = sd.output(feed, GraphNames.Z, GraphNames.Z_MEAN, GraphNames.Z_LOG_SIGMA);
		final INDArray expected = sampled.get(GraphNames.Z_MEAN).add(Nd4j.math.exp(sampled.get(GraphNames.Z_LOG_SIGMA)));
		assertTrue(expected.equalsWithEps(sampled.get(GraphNames.Z), 1e-5));
		assertNotEquals(deterministic.get(GraphNames.Z), sampled.get(GraphNames.Z));
	}

	@Test
	void hiddenDenseLayersSitBetweenTheMapAndTheCodeOnBothSides() {
		final NetworkSpec spec = NetworkSpec.encoderDecoder(new int[] { 4, 8 }, new int[] { 4 }).withLatent(Latent
			.gaussian(3).withHidden(32, 16), 8).withOutput(false, Activation.SIGMOID);
		final SameDiff sd = NetworkBuilder.build(spec, Loss.variational(LossTerm.Kind.BCE, 1, 0), 1);
		final Map<String, INDArray> w = Weights.copy(sd);
		// the map 8 x 4 x 4 flattened -> 32 -> 16 -> z; z -> 16 -> 32 -> the map
		assertArrayEquals(new long[] { 128, 32 }, w.get("enc_dense0_W").shape());
		assertArrayEquals(new long[] { 32, 16 }, w.get("enc_dense1_W").shape());
		assertArrayEquals(new long[] { 16, 3 }, w.get("z_mean_W").shape());
		assertArrayEquals(new long[] { 3, 16 }, w.get("dec_dense1_W").shape());
		assertArrayEquals(new long[] { 16, 32 }, w.get("dec_dense0_W").shape());
		assertArrayEquals(new long[] { 32, 128 }, w.get("latent_out_W").shape());
		assertArrayEquals(new long[] { 2, 1, 8, 8 }, outputShape(spec, 2, 8, 8));
	}

	@Test
	void aDenseNetworkDecodesLikeItsFullGraph() {
		final NetworkSpec spec = NetworkSpec.dense(6, Latent.gaussian(2).withHidden(10)).withOutput(false,
			Activation.SIGMOID);
		final SameDiff sd = NetworkBuilder.build(spec, Loss.variational(LossTerm.Kind.BCE, 1, 0), 3);
		final long params = Weights.copy(sd).values().stream().mapToLong(INDArray::length).sum();
		// 36 -> 10 (weights + biases), 10 -> 2 twice, 2 -> 10, 10 -> 36: no convolution
		assertEquals(36 * 10 + 10 + 2 * (10 * 2 + 2) + 2 * 10 + 10 + 10 * 36 + 36, params);
		final Map<String, INDArray> feed = new HashMap<>();
		feed.put(GraphNames.INPUT, Nd4j.rand(DataType.FLOAT, 3, 1, 6, 6));
		feed.put(GraphNames.EPS, Nd4j.zeros(DataType.FLOAT, 3, 2));
		final Map<String, INDArray> full = sd.output(feed, GraphNames.Z, GraphNames.OUTPUT);
		final SameDiff decoder = NetworkBuilder.buildDecoder(spec);
		Weights.copyShared(sd, decoder);
		final INDArray decoded = decoder.output(Map.of(GraphNames.Z, full.get(GraphNames.Z)), GraphNames.OUTPUT).get(
			GraphNames.OUTPUT);
		assertArrayEquals(new long[] { 3, 1, 6, 6 }, decoded.shape());
		assertTrue(full.get(GraphNames.OUTPUT).equalsWithEps(decoded, 1e-5));
	}

	@Test
	void sameSeedSameWeights() {
		final Map<String, INDArray> a = Weights.copy(NetworkBuilder.build(Fixtures.tinyUnet(), null, 7));
		final Map<String, INDArray> b = Weights.copy(NetworkBuilder.build(Fixtures.tinyUnet(), null, 7));
		final Map<String, INDArray> c = Weights.copy(NetworkBuilder.build(Fixtures.tinyUnet(), null, 8));
		assertEquals(a, b);
		assertNotEquals(a, c);
	}

	@Test
	void maskedLossIgnoresUnmaskedPixels() {
		final SameDiff sd = NetworkBuilder.build(Fixtures.tinyConv(), Loss.of(LossTerm.Kind.MASKED_MSE), 1);
		final INDArray input = Nd4j.rand(DataType.FLOAT, 1, 1, 8, 8);
		final INDArray out = sd.output(Map.of(GraphNames.INPUT, input), GraphNames.OUTPUT).get(GraphNames.OUTPUT);
		final INDArray mask = Nd4j.zeros(DataType.FLOAT, 1, 1, 8, 8);
		mask.putScalar(new long[] { 0, 0, 2, 3 }, 1);
		mask.putScalar(new long[] { 0, 0, 5, 1 }, 1);
		// the target is the output except at unmasked pixels, where it is far off: the loss must be 0
		final INDArray target = out.dup();
		target.putScalar(new long[] { 0, 0, 0, 0 }, 100);
		target.putScalar(new long[] { 0, 0, 7, 7 }, -50);
		assertEquals(0, loss(sd, input, target, mask), 1e-9);
		// an error of 2 at one of the two masked pixels: 4 / 2
		target.putScalar(new long[] { 0, 0, 2, 3 }, out.getDouble(0, 0, 2, 3) + 2);
		assertEquals(2, loss(sd, input, target, mask), 1e-4);
	}

	private static double loss(final SameDiff sd, final INDArray input, final INDArray target, final INDArray mask) {
		return sd.output(Map.of(GraphNames.INPUT, input, GraphNames.TARGET, target, GraphNames.MASK, mask),
			GraphNames.LOSS).get(GraphNames.LOSS).getDouble(0);
	}

	@Test
	void referenceNetworkOfTheSpeedBenchmarkIsExpressible() {
		final NetworkSpec reference = NetworkSpec.encoderDecoder(new int[] { 32, 64, 64 }, new int[] { 32, 32 });
		final SameDiff sd = NetworkBuilder.build(reference, Loss.of(LossTerm.Kind.MSE), 1);
		final long params = Weights.copy(sd).values().stream().mapToLong(INDArray::length).sum();
		// conv(1->32) + conv(32->64) + conv(64->64) + conv(64->32) + conv(32->32) + conv(32->1), 3x3 with biases
		assertEquals(9L * (32 + 32 * 64 + 64 * 64 + 64 * 32 + 32 * 32 + 32) + 32 + 64 + 64 + 32 + 32 + 1, params);
		assertArrayEquals(new long[] { 1, 1, 64, 64 }, outputShape(reference, 1, 64, 64));
	}
}
