package org.hourglass.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hourglass.api.ModelService;
import org.hourglass.api.Progress;
import org.hourglass.api.analysis.NearestNeighbours;
import org.hourglass.imagej.codes.ImageSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.hourglass.imagej.HourglassCommand;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleService;

import ij.IJ;
import ij.ImagePlus;

/**
 * The shipped digit models load, and their codes of the bundled sample digits carry what the digits are: a
 * 5-nearest-neighbour vote among the codes of the first 500 sample digits names the digit of the other 500 far
 * more often than chance (10 %), as the benchmark measures on all of MNIST's test digits.
 */
class SampleModelTest {

	private static final Path MODELS = Path.of("../../samples/models");
	private static final Path DIGITS = Path.of("../../samples/images/digits-test-1000.tif");

	private static Context context;
	private static ImagePlus digits;

	@BeforeAll
	static void setUp() {
		context = new Context();
		digits = IJ.openImage(DIGITS.toString());
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	/** kNN accuracy of the second half of the sample digits classified by the codes of the first half. */
	private static double accuracy(final String model, final int[] expectedShape) {
		try (Autoencoder ae = Autoencoder.load(context.service(ModelService.class), MODELS.resolve(model + ".zip")
			.toString()))
		{
			assertArrayEquals(expectedShape, ae.codeShape());
			assertEquals(new Canvas(28, 28, 32), ae.canvas());
			final List<ImageSet.Item> items = ImageSet.of(digits);
			final List<float[]> codes = ae.encode(items, Progress.NONE);
			assertEquals(1000, codes.size());
			final int[] labels = new int[1000];
			for (int i = 0; i < 1000; i++) labels[i] = Integer.parseInt(digits.getStack().getSliceLabel(i + 1));
			final NearestNeighbours nn = new NearestNeighbours(codes.subList(0, 500));
			return nn.accuracy(codes.subList(500, 1000), java.util.Arrays.copyOfRange(labels, 500, 1000), java.util.Arrays
				.copyOfRange(labels, 0, 500), 5);
		}
	}

	@Test
	void theTwoValueCodeSeparatesTheDigits() {
		final double a = accuracy(AutoencoderVariant.SAMPLE_MODEL, new int[] { 2 });
		assertTrue(a > 0.4, "kNN accuracy of the 2-value codes: " + a);
	}

	@Test
	void theSixteenValueCodeNamesMostDigits() {
		final double a = accuracy(AutoencoderVariant.SAMPLE_MODEL_16, new int[] { 16 });
		assertTrue(a > 0.85, "kNN accuracy of the 16-value codes: " + a);
	}

	@Test
	void theMapCommandRunsOnTheSampleWithTheShippedModel() {
		final Map<String, Object> in = new HashMap<>();
		in.put("model", MODELS.resolve(AutoencoderVariant.SAMPLE_MODEL + ".zip").toString());
		in.put("input", digits);
		in.put("thumbnails", 50);
		try {
			final HourglassCommand m = (HourglassCommand) context.service(ModuleService.class).run(context.service(CommandService.class).getCommand(EmbeddingMapCommand.class), false, in).get();
			assertFalse(m.isCanceled(), m.getCancelReason());
			final EmbeddingMapCommand c = (EmbeddingMapCommand) m.getDelegateObject();
			assertEquals(10, new java.util.HashSet<>(c.labels()).size(), "coloured by the ten digits");
			assertEquals(1000, m.getOutput("images"));
		}
		catch (final Exception e) {
			throw new AssertionError(e);
		}
	}
}
