package org.hourglass.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.network.Activation;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.api.training.TrainingData;
import org.hourglass.imagej.codes.ImageSet;
import org.hourglass.imagej.variant.NormalizationChoice;
import org.junit.jupiter.api.Test;

/** The variant's network, choices, canvas and split, without the engine. */
class NetworkTest {

	@Test
	void theDefaultIsTheLessonsNetworkForDigits() {
		final Canvas canvas = Canvas.fit(28, 28, 3);
		assertEquals(32, canvas.side(), "28x28 digits on 32x32 for three poolings");
		final NetworkSpec net = AutoencoderVariant.network(AutoencoderVariant.filters(AutoencoderVariant.DEFAULT_FILTERS),
			AutoencoderVariant.LATENT_CONVOLUTIONAL, AutoencoderVariant.DEFAULT_CODE_SIZE, canvas.side(),
			LossTerm.Kind.BCE);
		assertArrayEquals(new int[] { 16, 8, 8, 8 }, net.encoderFilters(), "three conv+pool levels, then the code");
		assertArrayEquals(new int[] { 8, 8, 16 }, net.decoderFilters(), "the mirror-image decoder");
		assertEquals(8, net.downsamplingFactor());
		assertEquals(Latent.convolutional(), net.latent());
		assertArrayEquals(new int[] { 8, 4, 4 }, net.codeShape(32, 32), "the lesson's 4x4x8 code");
		assertEquals(Activation.SIGMOID, net.outputActivation(), "BCE ends in a sigmoid");
		assertEquals(1, net.convsPerLevel());
		assertEquals(3, net.kernelSize());
		assertEquals(3, AutoencoderVariant.levels(net));
	}

	@Test
	void aDenseCodeOfDValues() {
		final NetworkSpec net = AutoencoderVariant.network(new int[] { 16, 8, 8 }, AutoencoderVariant.LATENT_DENSE, 2,
			32, LossTerm.Kind.MSE);
		assertEquals(Latent.dense(2), net.latent());
		assertArrayEquals(new int[] { 16, 8, 8, 8 }, net.encoderFilters());
		assertArrayEquals(new int[] { 2 }, net.codeShape(32, 32));
		assertEquals(Activation.LINEAR, net.outputActivation());
	}

	@Test
	void choicesAreCheckedWithMessagesForPeople() {
		assertTrue(assertThrows(InvalidInputException.class, () -> AutoencoderVariant.checkCode("dense", 0))
			.getMessage().contains("at least 1 (values of the dense code), got 0"));
		assertTrue(assertThrows(InvalidInputException.class, () -> AutoencoderVariant.checkCode("convolutional", 0))
			.getMessage().contains("channels of the convolutional code"));
		assertTrue(assertThrows(InvalidInputException.class, () -> AutoencoderVariant.filters("16,x,8")).getMessage()
			.contains("got 'x'"));
		assertTrue(assertThrows(InvalidInputException.class, () -> AutoencoderVariant.filters("")).getMessage()
			.contains("1 to 6 levels"));
		assertTrue(assertThrows(InvalidInputException.class, () -> AutoencoderVariant.loss("l1")).getMessage()
			.contains("expected mse or bce"));
		assertTrue(assertThrows(InvalidInputException.class, () -> NormalizationChoice.forBitDepth("0-255", 16))
			.getMessage().contains("meant for 8-bit images"));
		assertEquals(Normalization.fixed(0, 255), NormalizationChoice.forBitDepth("auto", 8));
		assertEquals(Normalization.percentile(), NormalizationChoice.forBitDepth("auto", 16));
		assertTrue(assertThrows(InvalidInputException.class, () -> AutoencoderVariant.checkLoss(LossTerm.Kind.BCE,
			Normalization.percentile())).getMessage().contains("choose loss=mse"));
	}

	@Test
	void theCanvasPadsWithTheImagesMinimumAndCutsBack() {
		final Canvas c = Canvas.fit(3, 2, 2);
		assertEquals(4, c.side());
		final Plane p = new Plane(3, 2, new float[] { 5, 6, 7, 8, 9, 10 });
		final Plane padded = c.pad(p);
		assertEquals(4, padded.width());
		assertEquals(5f, padded.get(3, 3), "filled with the minimum");
		assertEquals(p, c.unpad(padded));
		assertEquals(16, Canvas.fit(16, 9, 2).side());
		assertEquals(20, Canvas.fit(17, 17, 2).side());
	}

	@Test
	void aTenthOfTheImagesIsHeldOutTheSameEveryTime() {
		final List<ImageSet.Item> items = new ArrayList<>();
		for (int i = 0; i < 30; i++) items.add(new ImageSet.Item("s", i + 1, new Plane(4, 4)));
		final TrainingData data = WholeImageTraining.data(items, Canvas.fit(4, 4, 2));
		assertEquals(27, data.training().size());
		assertEquals(List.of("s 2", "s 4", "s 21"), data.validation().stream().map(s -> s.name()).toList(),
			"the images the sample models were validated on");
	}
}
