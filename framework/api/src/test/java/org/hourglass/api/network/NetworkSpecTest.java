package org.hourglass.api.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
		final NetworkSpec net = NetworkSpec.encoderDecoder(new int[] { 32, 64, 64 }, new int[] { 32, 32 });
		assertEquals(1 + 1 + 2 + 2 + 4 + 2 + 1 + 1, net.receptiveFieldRadius());
	}

	@Test
	void theReceptiveFieldCountsTheSuperResolutionLevels() {
		final NetworkSpec net = NetworkSpec.encoderDecoder(new int[] { 32, 64, 64 }, new int[] { 32, 32 });
		// one convolution of radius 1 per ×2 level, counted at input pixels
		assertEquals(net.receptiveFieldRadius() + 2, net.withUpscale(4).receptiveFieldRadius());
	}

	@Test
	void theResidualsUpsamplingIsPixelRepetitionUnlessAskedAndSurvivesCopies() {
		final NetworkSpec nearest = NetworkSpec.unet(2, 8, true).withUpscale(4);
		assertEquals(NetworkSpec.Upsampling.NEAREST, nearest.residualUpsampling());
		final NetworkSpec bicubic = nearest.withResidualUpsampling(NetworkSpec.Upsampling.BICUBIC);
		assertEquals(NetworkSpec.Upsampling.BICUBIC, bicubic.residualUpsampling());
		assertNotEquals(nearest, bicubic);
		assertEquals(NetworkSpec.Upsampling.BICUBIC, bicubic.withUpscale(2).withChannels(2, 2).withOutput(true,
			Activation.LINEAR).residualUpsampling());
		assertEquals(nearest.receptiveFieldRadius(), bicubic.receptiveFieldRadius());
		// a network that sees less than the 2 pixels bicubic interpolation reads still gets a halo of 2
		final NetworkSpec point = NetworkSpec.encoderDecoder(new int[] { 1 }, new int[] {}).withConvolutions(1, 1,
			Activation.RELU).withUpscale(2).withOutput(true, Activation.LINEAR);
		assertEquals(0, point.receptiveFieldRadius());
		assertEquals(2, point.withResidualUpsampling(NetworkSpec.Upsampling.BICUBIC).receptiveFieldRadius());
	}

	@Test
	void codeShapes() {
		final NetworkSpec conv = NetworkSpec.encoderDecoder(new int[] { 8, 16, 4 }, new int[] { 16, 8 });
		assertArrayEquals(new int[] { 4, 5, 8 }, conv.codeShape(32, 20));
		final NetworkSpec dense = conv.withLatent(Latent.dense(2), 32);
		assertArrayEquals(new int[] { 2 }, dense.codeShape(32, 32));
	}

	@Test
	void channelsAndUpscaleCopies() {
		final NetworkSpec net = NetworkSpec.unet(2, 8, true).withChannels(3, 3).withUpscale(2);
		assertEquals(3, net.inputChannels());
		assertEquals(3, net.outputChannels());
		assertEquals(2, net.upscale());
		assertTrue(net.residual());
		assertThrows(IllegalArgumentException.class, () -> NetworkSpec.unet(2, 8, true).withChannels(2, 1));
	}

	@Test
	void arraysAreDefensivelyCopied() {
		final int[] enc = { 8, 16 };
		final NetworkSpec net = NetworkSpec.encoderDecoder(enc, new int[] { 8 }).withSkips(true);
		enc[0] = 99;
		net.encoderFilters()[1] = 99;
		assertArrayEquals(new int[] { 8, 16 }, net.encoderFilters());
	}

	@Test
	void inconsistentDescriptionsAreRefusedWithTheReason() {
		final IllegalArgumentException noSize = assertThrows(IllegalArgumentException.class,
			() -> NetworkSpec.encoderDecoder(new int[] { 8, 16 }, new int[] { 8 }).withLatent(Latent.gaussian(2), 0));
		assertTrue(noSize.getMessage().contains("fixed input size"), noSize.getMessage());
		final IllegalArgumentException even = assertThrows(IllegalArgumentException.class,
			() -> NetworkSpec.encoderDecoder(new int[] { 8 }, new int[0]).withConvolutions(1, 4, Activation.RELU));
		assertTrue(even.getMessage().contains("odd"), even.getMessage());
		final IllegalArgumentException multiple = assertThrows(IllegalArgumentException.class,
			() -> NetworkSpec.encoderDecoder(new int[] { 8, 16, 32 }, new int[] { 16, 8 }).withLatent(Latent.dense(4), 30));
		assertTrue(multiple.getMessage().contains("multiple of 4"), multiple.getMessage());
	}

	@Test
	void aDenseNetworkHasNoConvolutionLevels() {
		final NetworkSpec net = NetworkSpec.dense(28, Latent.gaussian(2).withHidden(512));
		assertTrue(net.isDense());
		assertEquals(1, net.downsamplingFactor());
		assertEquals(1, net.codeChannels());
		assertArrayEquals(new int[] { 2 }, net.codeShape(28, 28));
		assertEquals(java.util.List.of(512), net.latent().hidden());
		final IllegalArgumentException conv = assertThrows(IllegalArgumentException.class,
			() -> NetworkSpec.dense(28, Latent.gaussian(2)).withLatent(Latent.convolutional(), 0));
		assertTrue(conv.getMessage().contains("vector latent"), conv.getMessage());
		final IllegalArgumentException upscale = assertThrows(IllegalArgumentException.class,
			() -> NetworkSpec.dense(28, Latent.dense(4)).withUpscale(2));
		assertTrue(upscale.getMessage().contains("dense network"), upscale.getMessage());
	}

	@Test
	void hiddenDenseLayersBelongToVectorLatents() {
		assertEquals(java.util.List.of(), Latent.gaussian(2).hidden());
		assertEquals(Latent.gaussian(2).withHidden(16, 8), new Latent(Latent.Kind.GAUSSIAN, 2, java.util.List.of(16,
			8)));
		assertThrows(IllegalArgumentException.class, () -> new Latent(Latent.Kind.CONVOLUTIONAL, 0, java.util.List.of(
			4)));
		assertThrows(IllegalArgumentException.class, () -> Latent.dense(2).withHidden(0));
	}
}
