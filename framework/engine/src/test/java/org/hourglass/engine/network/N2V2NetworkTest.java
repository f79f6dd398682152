package org.hourglass.engine.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.engine.TestRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** N2V2's network options: max-blur pooling, and a U-Net without its full-resolution skip. */
class N2V2NetworkTest {

	private static final int SIZE = 64;

	@BeforeAll
	static void start() {
		TestRuntime.start();
	}

	private static INDArray output(final NetworkSpec spec, final INDArray input) {
		final SameDiff sd = NetworkBuilder.build(spec, Loss.of(LossTerm.Kind.MSE), 3);
		return sd.output(Map.of(GraphNames.INPUT, input), GraphNames.OUTPUT).get(GraphNames.OUTPUT);
	}

	/** How far from an impulse at the centre of a constant image the output changes (Chebyshev distance). */
	private static int reach(final NetworkSpec spec) {
		final INDArray flat = Nd4j.zeros(DataType.FLOAT, 1, 1, SIZE, SIZE).addi(0.3);
		final INDArray impulse = flat.dup();
		impulse.putScalar(new long[] { 0, 0, SIZE / 2, SIZE / 2 }, 5f);
		final INDArray a = output(spec, flat);
		final INDArray b = output(spec, impulse);
		int reach = 0;
		for (int y = 0; y < SIZE; y++) {
			for (int x = 0; x < SIZE; x++) {
				if (Math.abs(a.getFloat(0, 0, y, x) - b.getFloat(0, 0, y, x)) > 1e-6) {
					reach = Math.max(reach, Math.max(Math.abs(x - SIZE / 2), Math.abs(y - SIZE / 2)));
				}
			}
		}
		return reach;
	}

	private static long weights(final NetworkSpec spec) {
		return NetworkBuilder.build(spec, null, 1).variables().stream().filter(v -> v.getVariableType().name().equals(
			"VARIABLE")).mapToLong(v -> v.getArr().length()).sum();
	}

	@Test
	void maxBlurPoolingKeepsTheShapeAndStaysWithinTheReceptiveFieldItDeclares() {
		final NetworkSpec max = NetworkSpec.unet(2, 4, false);
		final NetworkSpec blur = max.withPooling(NetworkSpec.Pooling.MAX_BLUR);
		assertArrayEquals(new long[] { 2, 1, 32, 48 }, output(blur, Nd4j.rand(DataType.FLOAT, 2, 1, 32, 48)).shape());
		final int reach = reach(blur);
		assertTrue(reach <= blur.receptiveFieldRadius(), reach + " > " + blur.receptiveFieldRadius());
		assertTrue(reach > reach(max), "the blur widens what an output pixel sees: " + reach + " vs " + reach(max));
		assertTrue(blur.receptiveFieldRadius() > max.receptiveFieldRadius());
		// the same weights, another pooling: another output
		final INDArray in = Nd4j.rand(DataType.FLOAT, 1, 1, 32, 32);
		assertNotEquals(output(max, in), output(blur, in));
	}

	@Test
	void withoutTheFullResolutionSkipTheLastLevelReadsOnlyTheDecoder() {
		final NetworkSpec all = NetworkSpec.unet(2, 4, false);
		final NetworkSpec n2v2 = all.withSkips(NetworkSpec.Skips.BELOW_FULL_RESOLUTION);
		assertNotEquals(all, n2v2);
		assertTrue(n2v2.skipConnections());
		assertArrayEquals(new long[] { 1, 1, 32, 32 }, output(n2v2, Nd4j.rand(DataType.FLOAT, 1, 1, 32, 32)).shape());
		// the full-resolution level's first convolution reads the 4 channels of the skip fewer: 3 x 3 x 4 x 4 weights
		assertEquals(weights(all) - 3 * 3 * 4 * 4, weights(n2v2));
		// without a pooling there is nothing below full resolution
		assertThrows(IllegalArgumentException.class, () -> NetworkSpec.unet(0, 4, false).withSkips(
			NetworkSpec.Skips.BELOW_FULL_RESOLUTION));
	}
}
