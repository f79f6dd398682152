package org.hourglass.engine.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.engine.TestRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The graph's bicubic enlargement against bicubic interpolation written out pixel by pixel as MATLAB's
 * {@code imresize} defines it (Keys' kernel a = −0.5, {@code x = (n + ½)/s − ½}, symmetric edges).
 */
class BicubicUpsamplingTest {

	@BeforeAll
	static void start() {
		TestRuntime.start();
	}

	/** MATLAB's bicubic enlargement of one [h, w] plane by {@code s}. */
	private static double[][] reference(final double[][] in, final int s) {
		final int h = in.length;
		final int w = in[0].length;
		final double[][] rows = new double[h * s][w];
		for (int n = 0; n < h * s; n++) {
			final double x = (n + 0.5) / s - 0.5;
			for (int j = (int) Math.floor(x) - 1; j <= (int) Math.floor(x) + 2; j++) {
				final double k = BicubicUpsampling.kernel(x - j);
				for (int c = 0; c < w; c++) rows[n][c] += k * in[symmetric(j, h)][c];
			}
		}
		final double[][] out = new double[h * s][w * s];
		for (int n = 0; n < w * s; n++) {
			final double x = (n + 0.5) / s - 0.5;
			for (int j = (int) Math.floor(x) - 1; j <= (int) Math.floor(x) + 2; j++) {
				final double k = BicubicUpsampling.kernel(x - j);
				for (int r = 0; r < h * s; r++) out[r][n] += k * rows[r][symmetric(j, w)];
			}
		}
		return out;
	}

	private static int symmetric(final int j, final int n) {
		final int m = Math.floorMod(j, 2 * n);
		return m < n ? m : 2 * n - 1 - m;
	}

	@Test
	void tapsUndoPixelRepetition() {
		assertArrayEquals(new double[] { -0.0234375, -0.046875, 0.2734375, 0.59375, 0.2734375, -0.046875, -0.0234375 },
			BicubicUpsampling.taps(2), 1e-15);
		for (final int s : new int[] { 2, 4 }) {
			final double[] g = BicubicUpsampling.taps(s);
			assertEquals(3 * s + 1, g.length);
			final int r = g.length / 2;
			double sum = 0;
			for (final double v : g) sum += v;
			assertEquals(1, sum, 1e-12);
			// the box of pixel repetition convolved with g is the interpolation filter h, at every offset
			for (int m = -3 * s; m <= 3 * s; m++) {
				double boxed = 0;
				for (int i = 0; i < s; i++) {
					final int k = m - i + r;
					if (k >= 0 && k < g.length) boxed += g[k];
				}
				assertEquals(BicubicUpsampling.h(m, s), boxed, 1e-12, "x" + s + ", m = " + m);
			}
		}
	}

	@Test
	void theGraphEnlargesAsMatlabDoes() {
		final SplittableRandom random = new SplittableRandom(11);
		for (final int s : new int[] { 2, 4 }) {
			for (final int[] size : new int[][] { { 2, 2 }, { 5, 7 }, { 8, 3 } }) {
				final int h = size[0];
				final int w = size[1];
				final SameDiff sd = SameDiff.create();
				final SDVariable in = sd.placeHolder("in", DataType.FLOAT, -1, 2, -1, -1);
				final SDVariable out = sd.identity("out", BicubicUpsampling.apply(in, 2, s));
				final INDArray x = Nd4j.create(DataType.FLOAT, 3, 2, h, w);
				for (long i = 0; i < x.length(); i++) x.putScalar(i, random.nextDouble(-10, 250));
				final INDArray y = sd.output(Map.of("in", x), out.name()).get(out.name());
				assertArrayEquals(new long[] { 3, 2, h * s, w * s }, y.shape());
				for (int b = 0; b < 3; b++) {
					for (int c = 0; c < 2; c++) {
						final double[][] plane = new double[h][w];
						for (int r = 0; r < h; r++) {
							for (int q = 0; q < w; q++) plane[r][q] = x.getDouble(b, c, r, q);
						}
						final double[][] expected = reference(plane, s);
						for (int r = 0; r < h * s; r++) {
							for (int q = 0; q < w * s; q++) {
								assertEquals(expected[r][q], y.getDouble(b, c, r, q), 1e-3, "x" + s + " " + h + "x" + w + " at (" +
									q + ", " + r + ")");
							}
						}
					}
				}
			}
		}
	}

	@Test
	void aNetworkWithoutCorrectionOutputsItsBicubicResidual() {
		for (final int s : new int[] { 2, 4 }) {
			final NetworkSpec spec = NetworkSpec.unet(1, 4, true).withUpscale(s).withResidualUpsampling(
				NetworkSpec.Upsampling.BICUBIC);
			final SameDiff sd = NetworkBuilder.build(spec, Loss.of(LossTerm.Kind.MSE), 3);
			sd.getVariable("out_W").setArray(Nd4j.zeros(DataType.FLOAT, sd.getVariable("out_W").getShape()));
			final INDArray x = Nd4j.rand(DataType.FLOAT, 1, 1, 6, 10).muli(100);
			final Map<String, INDArray> feed = new HashMap<>();
			feed.put(GraphNames.INPUT, x);
			final INDArray y = sd.output(feed, GraphNames.OUTPUT).get(GraphNames.OUTPUT);
			final double[][] plane = new double[6][10];
			for (int r = 0; r < 6; r++) {
				for (int q = 0; q < 10; q++) plane[r][q] = x.getDouble(0, 0, r, q);
			}
			final double[][] expected = reference(plane, s);
			for (int r = 0; r < 6 * s; r++) {
				for (int q = 0; q < 10 * s; q++) assertEquals(expected[r][q], y.getDouble(0, 0, r, q), 1e-3);
			}
		}
	}
}
