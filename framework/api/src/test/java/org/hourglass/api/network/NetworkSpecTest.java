package org.hourglass.api.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NetworkSpecTest {

	@Test
	void unetDoublesFiltersPerLevel() {
		final NetworkSpec net = NetworkSpec.unet(2, 32, false);
		assertArrayEquals(new int[] { 32, 64, 128 }, net.encoderFilters());
		assertArrayEquals(new int[] { 64, 32 }, net.decoderFilters());
		assertEquals(4, net.downsamplingFactor());
	}

	@Test
	void receptiveFieldOfTheReferenceNetwork() {
		// conv(r1) @1, pool(+1), conv @2 (+2), pool(+2), conv @4 (+4), up, conv @2 (+2), up, conv @1 (+1), out conv (+1)
		final NetworkSpec net = new NetworkSpec(1, 1, new int[] { 32, 64, 64 }, new int[] { 32, 32 }, 1, 3,
			Activation.RELU, false, Latent.convolutional(), 0, 1, false, Activation.LINEAR);
		assertEquals(1 + 1 + 2 + 2 + 4 + 2 + 1 + 1, net.receptiveFieldRadius());
	}

	@Test
	void arraysAreDefensivelyCopied() {
		final int[] enc = { 8, 16 };
		final NetworkSpec net = new NetworkSpec(1, 1, enc, new int[] { 8 }, 1, 3, Activation.RELU, true,
			Latent.convolutional(), 0, 1, false, Activation.LINEAR);
		enc[0] = 99;
		net.encoderFilters()[1] = 99;
		assertArrayEquals(new int[] { 8, 16 }, net.encoderFilters());
	}

	@Test
	void inconsistentDescriptionsAreRefusedWithTheReason() {
		final IllegalArgumentException noSize = assertThrows(IllegalArgumentException.class,
			() -> new NetworkSpec(1, 1, new int[] { 8, 16 }, new int[] { 8 }, 1, 3, Activation.RELU, false,
				Latent.gaussian(2), 0, 1, false, Activation.SIGMOID));
		assertTrue(noSize.getMessage().contains("fixed input size"), noSize.getMessage());
		final IllegalArgumentException even = assertThrows(IllegalArgumentException.class,
			() -> new NetworkSpec(1, 1, new int[] { 8 }, new int[0], 1, 4, Activation.RELU, false,
				Latent.convolutional(), 0, 1, false, Activation.LINEAR));
		assertTrue(even.getMessage().contains("odd"), even.getMessage());
		final IllegalArgumentException multiple = assertThrows(IllegalArgumentException.class,
			() -> new NetworkSpec(1, 1, new int[] { 8, 16, 32 }, new int[] { 16, 8 }, 1, 3, Activation.RELU, false,
				Latent.dense(4), 30, 1, false, Activation.LINEAR));
		assertTrue(multiple.getMessage().contains("multiple of 4"), multiple.getMessage());
	}
}
