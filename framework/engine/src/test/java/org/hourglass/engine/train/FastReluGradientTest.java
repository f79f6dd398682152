package org.hourglass.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.hourglass.api.network.Activation;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.engine.Fixtures;
import org.hourglass.engine.TestRuntime;
import org.hourglass.engine.network.GraphNames;
import org.hourglass.engine.network.NetworkBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FastReluGradientTest {

	@BeforeAll
	static void runtime() {
		TestRuntime.start();
	}

	private static Map<String, INDArray> feed() {
		Nd4j.getRandom().setSeed(3);
		return Map.of(GraphNames.INPUT, Nd4j.rand(DataType.FLOAT, 4, 1, 32, 32).subi(0.5).muli(4),
			GraphNames.TARGET, Nd4j.rand(DataType.FLOAT, 4, 1, 32, 32));
	}

	private static List<String> weights(final SameDiff sd) {
		return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
			.map(SDVariable::name).toList();
	}

	private static long opsNamed(final SameDiff sd, final String opName) {
		return sd.getFunction("grad").getOps().values().stream().map(SameDiffOp::getOp)
			.filter(op -> op.opName().equals(opName)).count();
	}

	@Test
	void everyReluGradientIsSwappedAndGivesTheSameGradients() {
		final SameDiff reference = NetworkBuilder.build(Fixtures.tinyUnet(), Loss.of(LossTerm.Kind.MSE), 7);
		reference.createGradFunction();
		final SameDiff fast = NetworkBuilder.build(Fixtures.tinyUnet(), Loss.of(LossTerm.Kind.MSE), 7);
		QuietGradients.ensure(fast);

		// tinyUnet: three encoder and two decoder convolutions with ReLU
		assertEquals(5, opsNamed(reference, "thresholdedrelu_bp"));
		assertEquals(0, opsNamed(fast, "thresholdedrelu_bp"));
		assertEquals(5, opsNamed(fast, "relu_bp"));

		final String[] names = weights(reference).toArray(String[]::new);
		final Map<String, INDArray> expected = reference.calculateGradients(feed(), names);
		final Map<String, INDArray> actual = fast.calculateGradients(feed(), names);
		for (final String name : names) {
			final INDArray e = expected.get(name);
			assertTrue(e.norm2Number().doubleValue() > 0, name + " has a gradient");
			final double err = actual.get(name).sub(e).norm2Number().doubleValue() / e.norm2Number().doubleValue();
			assertTrue(err < 1e-6, "gradient of " + name + " off by " + err);
		}
	}

	@Test
	void aGraphWithoutGradientsOrWithoutReluIsLeftAlone() {
		final SameDiff none = NetworkBuilder.build(Fixtures.tinyUnet(), Loss.of(LossTerm.Kind.MSE), 7);
		assertEquals(0, FastReluGradient.apply(none));
		final NetworkSpec tanhUnet = NetworkSpec.encoderDecoder(new int[] { 4, 8, 8 }, new int[] { 8, 4 })
			.withConvolutions(1, 3, Activation.TANH).withSkips(true).withOutput(true, Activation.LINEAR);
		final SameDiff tanh = NetworkBuilder.build(tanhUnet, Loss.of(LossTerm.Kind.MSE), 7);
		tanh.createGradFunction();
		assertEquals(0, FastReluGradient.apply(tanh));
	}
}
