package org.hourglass.engine.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.hourglass.engine.TestRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 * The graph's NHWC layout and its one-channel convolution as depth-wise convolution plus sum must give the
 * gradients of the plain NCHW network, at the sizes where oneDNN picks its real kernels (up-sampling here runs in
 * NCHW: ND4J 1.0.0-M2.1 gets the NHWC up-sampling gradient wrong; the graph itself folds up-sampling into the
 * next convolution, see UpConvolutionTest).
 */
class GradientCheckTest {

	private static final int B = 8, C = 16, S = 32;

	@BeforeAll
	static void runtime() {
		TestRuntime.start();
	}

	/** A small U-Net step (conv, relu, pool, conv, upsample, concat, conv to 1), NCHW or NHWC inside. */
	private static Map<String, INDArray> grads(final boolean nhwc, final boolean depthwise) {
		Nd4j.getRandom().setSeed(1);
		final SameDiff sd = SameDiff.create();
		final SDVariable in = sd.var("in", Nd4j.rand(DataType.FLOAT, B, 1, S, S));
		final SDVariable w1 = sd.var("w1", Nd4j.rand(DataType.FLOAT, 3, 3, 1, C).subi(0.5));
		final SDVariable b1 = sd.var("b1", Nd4j.rand(DataType.FLOAT, C).subi(0.5));
		final SDVariable w2 = sd.var("w2", Nd4j.rand(DataType.FLOAT, 3, 3, C, C).subi(0.5).muli(0.3));
		final SDVariable b2 = sd.var("b2", Nd4j.rand(DataType.FLOAT, C).subi(0.5));
		final SDVariable w3 = sd.var("w3", Nd4j.rand(DataType.FLOAT, 3, 3, 2 * C, 1).subi(0.5).muli(0.3));
		final SDVariable b3 = sd.var("b3", Nd4j.rand(DataType.FLOAT, 1));
		final INDArray target = Nd4j.rand(DataType.FLOAT, B, 1, S, S);
		final String f = nhwc ? "NHWC" : "NCHW";
		final int axis = nhwc ? 3 : 1;
		final Conv2DConfig c = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).dH(1).dW(1).paddingMode(PaddingMode.SAME)
			.dataFormat(f).build();
		final Pooling2DConfig p = Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).paddingMode(PaddingMode.VALID)
			.type(Pooling2D.Pooling2DType.MAX).isNHWC(nhwc).build();
		final SDVariable x = nhwc ? in.permute(0, 2, 3, 1) : in;
		final SDVariable h1 = sd.nn.relu(sd.cnn.conv2d(x, w1, b1, c), 0);
		final SDVariable h2 = sd.nn.relu(sd.cnn.conv2d(sd.cnn.maxPooling2d(h1, p), w2, b2, c), 0);
		final SDVariable up = sd.concat(axis, nhwc ? sd.cnn.upsampling2d(h2.permute(0, 3, 1, 2), 2, 2, true).permute(0,
			2, 3, 1) : sd.cnn.upsampling2d(h2, 2, 2, true), h1);
		final SDVariable y = depthwise ? sd.cnn.depthWiseConv2d(up, w3, c).sum(true, axis).add(b3) : sd.cnn.conv2d(up,
			w3, b3, c);
		final SDVariable out = (nhwc ? y.permute(0, 3, 1, 2) : y).add(in);
		sd.math.square(out.sub(sd.constant("t", target))).mean().rename("loss");
		sd.setLossVariables("loss");
		return sd.calculateGradients(Map.of(), "in", "w1", "b1", "w2", "b2", "w3", "b3");
	}

	@Test
	void nhwcAndDepthwiseGiveTheGradientsOfTheNchwNetwork() {
		final Map<String, INDArray> ref = grads(false, false);
		final StringBuilder bad = new StringBuilder();
		for (final boolean nhwc : new boolean[] { false, true }) {
			for (final boolean dw : new boolean[] { false, true }) {
				final Map<String, INDArray> g = grads(nhwc, dw);
				for (final String v : ref.keySet()) {
					final double err = g.get(v).sub(ref.get(v)).norm2Number().doubleValue() / ref.get(v).norm2Number()
						.doubleValue();
					bad.append(err < 1e-4 ? "" : "nhwc=" + nhwc + " dw=" + dw + ": gradient of " + v + " off by " + err + "; ");
				}
			}
		}
		assertTrue(bad.length() == 0, bad.toString());
	}
}
