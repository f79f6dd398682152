package org.hourglass.engine.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.hourglass.engine.TestRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link UpConvolution} against the form it replaces, built independently in NCHW with ND4J's own up-sampling,
 * concatenation and convolution: same output and same gradients for every input, kernel sizes 1, 3 and 5, with
 * and without a skip input, on odd image sizes (borders).
 */
class UpConvolutionTest {

	private static final int N = 2, H = 5, W = 7, LOW = 6, OUT = 4;

	@BeforeAll
	static void runtime() {
		TestRuntime.start();
	}

	/** Output (NHWC) and gradients of sum(output · r), by the phase form or the reference form. */
	private static Map<String, INDArray> run(final boolean phases, final int k, final int skipChannels) {
		Nd4j.getRandom().setSeed(11);
		final SameDiff sd = SameDiff.create();
		final int in = LOW + skipChannels;
		final SDVariable low = sd.var("low", Nd4j.rand(DataType.FLOAT, N, H, W, LOW).subi(0.5));
		final SDVariable skip = skipChannels == 0 ? null : sd.var("skip", Nd4j.rand(DataType.FLOAT, N, 2 * H, 2 * W,
			skipChannels).subi(0.5));
		final SDVariable w = sd.var("w", Nd4j.rand(DataType.FLOAT, k, k, in, OUT).subi(0.5));
		final SDVariable b = sd.var("b", Nd4j.rand(DataType.FLOAT, OUT).subi(0.5));
		final INDArray r = Nd4j.rand(DataType.FLOAT, N, 2 * H, 2 * W, OUT);
		final SDVariable y;
		if (phases) {
			y = UpConvolution.apply(low, LOW, skip, w, b);
		}
		else {
			SDVariable x = sd.cnn.upsampling2d(low.permute(0, 3, 1, 2), 2, 2, true);
			if (skip != null) x = sd.concat(1, x, skip.permute(0, 3, 1, 2));
			final Conv2DConfig c = Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1).dH(1).dW(1)
				.paddingMode(PaddingMode.SAME).dataFormat("NCHW").build();
			y = sd.cnn.conv2d(x, w, b, c).permute(0, 2, 3, 1);
		}
		y.rename("y");
		y.mul(sd.constant(r)).sum().rename("loss");
		sd.setLossVariables("loss");
		final String[] vars = skip == null ? new String[] { "low", "w", "b" } : new String[] { "low", "skip", "w", "b" };
		final Map<String, INDArray> result = new java.util.HashMap<>(sd.calculateGradients(Map.of(), vars));
		result.put("y", sd.output(Map.of(), "y").get("y"));
		return result;
	}

	@ParameterizedTest(name = "k={0}, skip channels={1}")
	@CsvSource({ "1,0", "3,0", "3,5", "5,0", "5,3" })
	void sameValuesAndGradientsAsUpSamplingThenConvolving(final int k, final int skipChannels) {
		final Map<String, INDArray> expected = run(false, k, skipChannels);
		final Map<String, INDArray> actual = run(true, k, skipChannels);
		assertArrayEquals(new long[] { N, 2 * H, 2 * W, OUT }, actual.get("y").shape());
		for (final String name : expected.keySet()) {
			final INDArray e = expected.get(name);
			final double err = actual.get(name).sub(e).norm2Number().doubleValue() / e.norm2Number().doubleValue();
			assertTrue(err < 1e-5, name + " off by " + err);
		}
	}

	@Test
	void evenKernelsAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> PhaseKernels.of(4));
	}
}
