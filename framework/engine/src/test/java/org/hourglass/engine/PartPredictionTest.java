package org.hourglass.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.PredictOptions;
import org.hourglass.api.Progress;
import org.hourglass.api.image.ChannelNormalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.image.PlanePart;
import org.hourglass.api.image.Region;
import org.hourglass.api.network.NetworkSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scijava.Context;

/**
 * Parts of a plane predicted from the pixels {@link Model#inputFor} asks for, with the whole plane's
 * normalisation, against the whole plane's prediction: the same values, with and without the 8 symmetries and
 * when the network enlarges the image.
 */
class PartPredictionTest {

	private Context context;
	private ModelService service;

	@BeforeEach
	void setUp() {
		context = new Context(ModelService.class);
		service = context.service(ModelService.class);
	}

	@AfterEach
	void tearDown() {
		context.dispose();
	}

	@Test
	void partsOfAPlaneEqualTheWholePlanesResult() {
		try (Model model = service.create(Fixtures.spec(Fixtures.tinyUnet()))) {
			assertPartsEqualWhole(model, Fixtures.image(50, 38, 3), PredictOptions.defaults().withTileSize(12)
				.withBatchSize(3));
		}
	}

	@Test
	void partsEqualTheWholeUnderTheEightSymmetries() {
		try (Model model = service.create(Fixtures.spec(Fixtures.tinyUnet()))) {
			// 126 and 98 are no multiples of the down-sampling factor 4: flipped copies sit on another grid
			assertPartsEqualWhole(model, Fixtures.image(126, 98, 5), PredictOptions.defaults().withTileSize(32)
				.withAugment(true));
		}
	}

	@Test
	void partsOfAnUpscaledPlaneEqualTheWhole() {
		final NetworkSpec net = Fixtures.tinyUnet().withUpscale(2);
		try (Model model = service.create(Fixtures.spec(net))) {
			assertPartsEqualWhole(model, Fixtures.image(105, 82, 9), PredictOptions.defaults().withTileSize(24));
		}
	}

	@Test
	void aCropWithoutThePixelsThePartNeedsIsRefused() {
		try (Model model = service.create(Fixtures.spec(Fixtures.tinyUnet()))) {
			final Plane image = Fixtures.image(60, 40, 1);
			final PredictOptions options = PredictOptions.defaults().withTileSize(12);
			final Region wanted = new Region(20, 12, 16, 16);
			final Region need = model.inputFor(60, 40, wanted, options);
			assertTrue(need.contains(wanted) && !need.equals(wanted), "a halo around the part: " + need);
			final Region short1 = new Region(need.x() + 1, need.y(), need.width() - 1, need.height());
			final String m = assertThrows(InvalidInputException.class, () -> model.predictPart(crop(image, short1),
				new PlanePart(60, 40, short1, wanted), model.normalization(image), options, Progress.NONE)).getMessage();
			assertTrue(m.contains("needs its pixels " + need), m);
		}
	}

	/** Cuts the plane into uneven parts; each, predicted from its crop, must equal its region of the whole. */
	private static void assertPartsEqualWhole(final Model model, final Plane image, final PredictOptions options) {
		final Plane whole = model.predict(image, options, Progress.NONE);
		final ChannelNormalization params = model.normalization(image);
		final int up = whole.width() / image.width();
		final int[] xs = { 0, 13, image.width() / 2 + 3, image.width() };
		final int[] ys = { 0, image.height() / 2 - 5, image.height() };
		double worst = 0;
		int smaller = 0;
		for (int j = 0; j + 1 < ys.length; j++) {
			for (int i = 0; i + 1 < xs.length; i++) {
				final Region wanted = new Region(xs[i], ys[j], xs[i + 1] - xs[i], ys[j + 1] - ys[j]);
				final Region need = model.inputFor(image.width(), image.height(), wanted, options);
				if (need.width() < image.width() || need.height() < image.height()) smaller++;
				final Plane part = model.predictPart(crop(image, need), new PlanePart(image.width(), image.height(), need,
					wanted), params, options, Progress.NONE);
				assertEquals(wanted.width() * up, part.width());
				assertEquals(wanted.height() * up, part.height());
				worst = Math.max(worst, Fixtures.maxAbsDiff(part, crop(whole, new Region(wanted.x() * up, wanted.y() * up,
					part.width(), part.height()))));
			}
		}
		assertTrue(smaller > 0, "some parts read less than the whole plane");
		assertEquals(0, worst, "largest difference from the whole plane's result");
	}

	private static Plane crop(final Plane p, final Region r) {
		return p.crop(r.x(), r.y(), r.width(), r.height());
	}
}
