package org.hourglass.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.image.Plane;
import org.hourglass.api.network.Latent;
import org.hourglass.imagej.codes.ImageSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.hourglass.imagej.HourglassCommand;
import org.scijava.Context;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;

/**
 * The shipped model, {@code samples/models/vae-digits.zip}, on the shipped digits,
 * {@code samples/images/digits-test-1000.tif}: it loads, generates, draws its grid and map, and it has learnt
 * digits (a digit's own code rebuilds it far better than the code of another digit does).
 */
class ShippedModelTest {

	static final Path MODEL = Path.of("../../samples/models/" + VaeVariant.SAMPLE_MODEL + ".zip");
	static final Path DIGITS = Path.of("../../samples/images/digits-test-1000.tif");

	private static Context context;
	private static ImagePlus digits;

	@BeforeAll
	static void setUp() {
		assertTrue(Files.isRegularFile(MODEL), MODEL.toAbsolutePath() + " ships with the project");
		context = new Context();
		final ImagePlus all = IJ.openImage(DIGITS.toString());
		// the first 200 digits are enough and keep the test fast
		final ImageStack first = new ImageStack(28, 28);
		for (int i = 1; i <= 200; i++) first.addSlice(all.getStack().getSliceLabel(i), all.getStack().getProcessor(i));
		digits = new ImagePlus("digits-test-200.tif", first);
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	@Test
	void theShippedModelIsATwoDimensionalVaeOfDigits() {
		try (Model m = context.service(ModelService.class).load(MODEL, VaeVariant.ID)) {
			assertEquals(Latent.Kind.GAUSSIAN, m.info().spec().network().latent().kind());
			assertArrayEquals(new int[] { 2 }, m.codeShape());
			assertEquals(new ImageFrame(28, 28, 28, 0), ImageFrame.of(m.info().spec()));
			assertTrue(m.info().isTrained());
			// a digit's own code reconstructs it much better than a code drawn for another digit
			final List<ImageSet.Item> items = ImageSet.of(digits);
			final List<float[]> codes = Encodings.means(Encodings.rows(m, ImageFrame.of(m.info().spec()), items));
			final List<Plane> own = m.decode(codes);
			double ownError = 0;
			double otherError = 0;
			for (int i = 0; i < items.size(); i++) {
				ownError += mse(items.get(i).plane(), own.get(i));
				otherError += mse(items.get(i).plane(), own.get((i + 1) % items.size()));
			}
			assertTrue(ownError < 0.5 * otherError, "own " + ownError + " vs other " + otherError);
		}
	}

	@Test
	void generateGridAndMapWorkOutOfTheBox() {
		final HourglassCommand g = CommandsTest.run(context, GenerateCommand.class, "model", MODEL.toString(), "count", 9,
			"seed", 3L);
		assertFalse(g.isCanceled(), g.getCancelReason());
		final ImagePlus generated = (ImagePlus) g.getOutput("generated");
		assertEquals(9, generated.getStackSize());
		assertEquals(28, generated.getWidth());
		// digit-like: a dark background with a bright stroke covering roughly a tenth to a third of the image
		for (int i = 1; i <= 9; i++) {
			final float[] v = (float[]) generated.getStack().getPixels(i);
			int bright = 0;
			for (final float x : v) if (x > 128) bright++;
			assertTrue(bright > 784 / 25 && bright < 784 / 2, "slice " + i + ": " + bright + " bright pixels");
			assertTrue(v[0] < 30 && v[783] < 30, "dark corners");
		}
		final HourglassCommand grid = CommandsTest.run(context, LatentGridCommand.class, "model", MODEL.toString(), "steps",
			10);
		assertFalse(grid.isCanceled(), grid.getCancelReason());
		assertEquals(280, ((ImagePlus) grid.getOutput("montage")).getWidth());
		final HourglassCommand map = CommandsTest.run(context, LatentMapCommand.class, "model", MODEL.toString(), "input",
			digits);
		assertFalse(map.isCanceled(), map.getCancelReason());
		assertEquals(ImagePlus.COLOR_RGB, ((ImagePlus) map.getOutput("map")).getType());
	}

	private static double mse(final Plane a, final Plane b) {
		double s = 0;
		for (int i = 0; i < a.data().length; i++) {
			final double d = a.data()[i] - b.data()[i];
			s += d * d;
		}
		return s / a.data().length;
	}
}
