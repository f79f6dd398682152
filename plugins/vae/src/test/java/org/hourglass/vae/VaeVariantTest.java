package org.hourglass.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.network.Activation;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.api.training.TrainingData;
import org.hourglass.imagej.codes.ImageSet;
import org.junit.jupiter.api.Test;

/** The variant's definitions without the engine: networks, loss, frames, normalisation, held-out images. */
class VaeVariantTest {

	@Test
	void theConvolutionalVaeHasAGaussianLatentAndASigmoidOutput() {
		final NetworkSpec net = VaeVariant.network(VaeVariant.Architecture.CONVOLUTIONAL, 28, 2, 16);
		assertEquals(Latent.Kind.GAUSSIAN, net.latent().kind());
		assertEquals(2, net.latent().size());
		assertEquals(28, net.inputSize());
		assertEquals(4, net.downsamplingFactor());
		assertArrayEquals(new int[] { 16, 32, 32 }, net.encoderFilters());
		assertArrayEquals(new int[] { 32, 16 }, net.decoderFilters());
		assertEquals(Activation.SIGMOID, net.outputActivation());
		assertFalse(net.skipConnections());
	}

	@Test
	void theDenseVaeHasNoConvolutions() {
		final NetworkSpec net = VaeVariant.network(VaeVariant.Architecture.DENSE, 28, 3, 64);
		assertTrue(net.isDense());
		assertEquals(List.of(64), net.latent().hidden());
		assertEquals(3, net.latent().size());
		assertEquals(Activation.SIGMOID, net.outputActivation());
	}

	@Test
	void theLossIsReconstructionPlusBetaTimesKl() {
		final var loss = VaeVariant.loss(VaeVariant.reconstruction("bce"), 0.5, 3);
		assertEquals(LossTerm.Kind.BCE, loss.reconstruction().kind());
		assertEquals(LossTerm.Reduction.SUM, loss.reconstruction().reduction());
		assertEquals(LossTerm.Kind.KL, loss.kl().kind());
		assertEquals(0.5, loss.kl().weight());
		assertEquals(0.5 / 3, loss.kl().weightAt(1), 1e-12);
		assertEquals(LossTerm.Kind.MSE, VaeVariant.reconstruction("MSE"));
		assertTrue(assertThrows(InvalidInputException.class, () -> VaeVariant.reconstruction("l1")).getMessage()
			.contains("expected bce"));
		assertThrows(InvalidInputException.class, () -> VaeVariant.loss(LossTerm.Kind.BCE, -1, 0));
		assertThrows(InvalidInputException.class, () -> VaeVariant.network(VaeVariant.Architecture.DENSE, 28, 0, 64));
	}

	@Test
	void imagesArePaddedToTheNetworkAndCroppedBack() {
		assertEquals(28, VaeVariant.side(VaeVariant.Architecture.CONVOLUTIONAL, 28, 28));
		assertEquals(32, VaeVariant.side(VaeVariant.Architecture.CONVOLUTIONAL, 30, 17));
		assertEquals(30, VaeVariant.side(VaeVariant.Architecture.DENSE, 30, 17));
		final ModelSpec spec = VaeVariant.spec(VaeVariant.Architecture.CONVOLUTIONAL, 30, 17, 32, 2, 4, VaeVariant.loss(
			LossTerm.Kind.BCE, 1, 0), Normalization.fixed(10, 20), 10);
		final ImageFrame frame = ImageFrame.of(spec);
		assertEquals(new ImageFrame(30, 17, 32, 10), frame);
		final float[] v = new float[30 * 17];
		for (int i = 0; i < v.length; i++) v[i] = 11 + i % 7;
		final Plane image = new Plane(30, 17, v);
		final Plane framed = frame.toNetwork(image, "'x'");
		assertEquals(32, framed.width());
		assertEquals(32, framed.height());
		assertEquals(10, framed.get(0, 0), "padded with the value that normalises to 0");
		assertEquals(image, frame.fromNetwork(framed));
		final InvalidInputException wrong = assertThrows(InvalidInputException.class, () -> frame.toNetwork(new Plane(28,
			28), "'digit'"));
		assertTrue(wrong.getMessage().contains("'digit' is 28x28") && wrong.getMessage().contains("30x17"), wrong
			.getMessage());
		final ModelSpec stranger = new ModelSpec(VaeVariant.ID, 1, spec.network(), spec.loss(), spec.normalization(),
			null);
		assertTrue(assertThrows(InvalidInputException.class, () -> ImageFrame.of(stranger)).getMessage().contains(
			"does not say which image size"));
	}

	@Test
	void normalisationMapsTheImagesIntoZeroToOne() {
		final List<ImageSet.Item> bytes = items(0, 255);
		assertEquals(Normalization.fixed(0, 255), VaeTraining.normalization("auto", bytes, true));
		assertEquals(Normalization.fixed(0, 255), VaeTraining.normalization("0-255", bytes, false));
		final List<ImageSet.Item> wide = items(-20, 3000);
		assertEquals(Normalization.fixed(-20, 3000), VaeTraining.normalization("auto", wide, false));
		final InvalidInputException over = assertThrows(InvalidInputException.class, () -> VaeTraining.normalization(
			"0-255", wide, false));
		assertTrue(over.getMessage().contains("range from -20 to 3000") && over.getMessage().contains(
			"normalization=auto"), over.getMessage());
		assertThrows(InvalidInputException.class, () -> VaeTraining.normalization("none", bytes, true));
		assertEquals(Normalization.none(), VaeTraining.normalization("none", items(0, 1), false));
		assertTrue(assertThrows(InvalidInputException.class, () -> VaeTraining.normalization("auto", items(5, 5),
			false)).getMessage().contains("nothing to learn"));
		assertThrows(InvalidInputException.class, () -> VaeTraining.normalization("percentile", bytes, true));
		assertEquals(-20, VaeTraining.padValue(Normalization.fixed(-20, 3000)), 1e-12);
	}

	@Test
	void wholeImagesAreHeldOutToValidate() {
		final List<ImageSet.Item> images = new ArrayList<>();
		for (int i = 0; i < 50; i++) images.add(new ImageSet.Item("s", i + 1, new Plane(8, 8)));
		final ImageFrame frame = new ImageFrame(8, 8, 8, 0);
		final TrainingData data = VaeTraining.data(images, List.of(), frame, 0.1, 42, "test");
		assertEquals(45, data.training().size());
		assertEquals(5, data.validation().size());
		final TrainingData again = VaeTraining.data(images, List.of(), frame, 0.1, 42, "test");
		assertEquals(data.validation().stream().map(s -> s.name()).toList(), again.validation().stream().map(s -> s
			.name()).toList(), "the same images are held out every time");
		assertEquals(List.of("s (slice 6)", "s (slice 12)", "s (slice 21)", "s (slice 32)", "s (slice 38)"), data
			.validation().stream().map(s -> s.name()).toList(), "the images the shipped models were validated on");
		assertEquals(1, VaeTraining.data(images.subList(0, 2), List.of(), frame, 0.1, 42, "t").validation().size());
		final TrainingData given = VaeTraining.data(images, images.subList(0, 3), frame, 0.1, 42, "t");
		assertEquals(50, given.training().size());
		assertEquals(3, given.validation().size());
		assertTrue(assertThrows(InvalidInputException.class, () -> VaeTraining.data(images.subList(0, 1), List.of(),
			frame, 0.1, 42, "t")).getMessage().contains("at least 2"));
	}

	private static List<ImageSet.Item> items(final float lo, final float hi) {
		return List.of(new ImageSet.Item("a", 1, new Plane(2, 1, new float[] { lo, hi })), new ImageSet.Item("a", 2,
			new Plane(2, 1, new float[] { hi, lo })));
	}
}
