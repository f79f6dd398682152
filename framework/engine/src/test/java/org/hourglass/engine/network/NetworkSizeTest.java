package org.hourglass.engine.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hourglass.api.network.Activation;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.engine.Fixtures;
import org.hourglass.engine.TestRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;

/** The weights counted from a spec never exceed the weights the built network has. */
class NetworkSizeTest {

	@BeforeAll
	static void start() {
		TestRuntime.start();
	}

	@Test
	void theCountFromTheSpecIsALowerBoundOfTheBuiltNetwork() {
		final List<NetworkSpec> specs = List.of(Fixtures.tinyConv(), Fixtures.tinyUnet(), NetworkSpec.unet(3, 8, true),
			NetworkSpec.unet(1, 4, false).withConvolutions(3, 5, Activation.RELU), Fixtures.tinyVector(Latent.dense(6), 16),
			Fixtures.tinyVector(Latent.gaussian(5), 16), Fixtures.tinyUnet().withChannels(2, 2), NetworkSpec.encoderDecoder(new int[] { 4, 8 }, new int[] { 4 })
				.withSkips(true).withOutput(true, Activation.LINEAR).withUpscale(2), NetworkSpec.encoderDecoder(new int[] {
					4 }, new int[] {}).withConvolutions(1, 3, Activation.RELU).withUpscale(4));
		for (final NetworkSpec spec : specs) {
			final Loss loss = spec.latent().kind() == Latent.Kind.GAUSSIAN ? Loss.variational(LossTerm.Kind.MSE, 1, 0)
				: Loss.of(LossTerm.Kind.MSE);
			final SameDiff sd = NetworkBuilder.build(spec, loss, 1);
			long actual = 0;
			for (final SDVariable v : sd.variables()) {
				if (v.getVariableType() == VariableType.VARIABLE) actual += v.getArr().length();
			}
			final double bound = NetworkSize.minimumWeights(spec);
			assertTrue(bound > 0 && bound <= actual, spec + ": counted " + bound + ", built " + actual);
		}
	}

	@Test
	void hostileSpecsCountHugeWithoutOverflow() {
		final NetworkSpec convs = NetworkSpec.unet(1, 4, false).withConvolutions(Integer.MAX_VALUE, 3, Activation.RELU);
		assertTrue(NetworkSize.minimumWeights(convs) > 1e10);
		final NetworkSpec kernel = NetworkSpec.unet(1, 4, false).withConvolutions(2, Integer.MAX_VALUE, Activation.RELU);
		assertTrue(NetworkSize.minimumWeights(kernel) > 1e18);
		final NetworkSpec filters = NetworkSpec.encoderDecoder(new int[] { Integer.MAX_VALUE, 8 }, new int[] { 4 });
		assertTrue(NetworkSize.minimumWeights(filters) > 1e10);
	}
}
