package org.hourglass.imagej.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hourglass.api.Encoding;
import org.hourglass.api.Model;
import org.hourglass.api.ModelInfo;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.PredictOptions;
import org.hourglass.api.Progress;
import org.hourglass.api.image.ChannelNormalization;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.image.PlanePart;
import org.hourglass.api.image.Region;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.api.InvalidInputException;
import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ColorProcessor;

/**
 * Applying a model to images, with a stand-in model that upscales ×2 by repeating pixels (so that values say
 * where they came from, without an engine).
 */
class ModelApplicationTest {

	/** A ×2 model whose network halves the resolution twice (a down-sampling factor of 4). */
	private static final class RepeatingModel implements Model {

		final List<Plane> seen = new ArrayList<>();
		private final ModelInfo info = new ModelInfo(new ModelSpec("test", 1, NetworkSpec.unet(2, 4, true)
			.withUpscale(2), Loss.of(LossTerm.Kind.MSE), Normalization.none(), null), null, List.of(), null, 0, null);

		@Override
		public ModelInfo info() {
			return info;
		}

		@Override
		public Plane predict(final Plane input, final PredictOptions options, final Progress progress) {
			seen.add(input);
			final Plane out = new Plane(2 * input.width(), 2 * input.height());
			for (int y = 0; y < out.height(); y++) {
				for (int x = 0; x < out.width(); x++) out.set(x, y, input.get(x / 2, y / 2));
			}
			return out;
		}

		@Override
		public ChannelNormalization normalization(final Plane input) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Region inputFor(final int fullWidth, final int fullHeight, final Region wanted,
			final PredictOptions options)
		{
			throw new UnsupportedOperationException();
		}

		@Override
		public Plane predictPart(final Plane crop, final PlanePart part, final ChannelNormalization params,
			final PredictOptions options, final Progress progress)
		{
			throw new UnsupportedOperationException();
		}

		@Override
		public List<Plane> apply(final List<Plane> inputs, final int batchSize, final Progress progress) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<Encoding> encode(final List<Plane> inputs) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<Plane> decode(final List<float[]> codes) {
			throw new UnsupportedOperationException();
		}

		@Override
		public int[] codeShape() {
			throw new UnsupportedOperationException();
		}

		@Override
		public void save(final Path file) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void close() {}
	}

	private static ImagePlus grey(final int w, final int h) {
		final ImagePlus imp = IJ.createImage("grey", "32-bit ramp", w, h, 1);
		imp.getCalibration().pixelWidth = 0.4;
		imp.getCalibration().pixelHeight = 0.4;
		imp.getCalibration().setUnit("um");
		return imp;
	}

	@Test
	void anImageSmallerThanTheNetworksGridIsRefused() {
		final RepeatingModel model = new RepeatingModel();
		final ModelApplication app = new ModelApplication(model, PredictOptions.defaults(), false, "up");
		final String m = assertThrows(InvalidInputException.class, () -> app.apply(grey(8, 3), Progress.NONE))
			.getMessage();
		assertTrue(m.contains("'grey' is 8x3 pixels"), m);
		assertTrue(m.contains("the smallest image this model takes (4x4)"), m);
		assertTrue(model.seen.isEmpty(), "nothing was predicted");
		final ImagePlus out = app.apply(grey(4, 4), Progress.NONE);
		assertEquals(8, out.getWidth());
		assertEquals(0.2, out.getCalibration().pixelWidth, 1e-12, "calibration divided by the factor");
	}

	@Test
	void colourIsRefusedWithoutAStrategy() {
		final ModelApplication app = new ModelApplication(new RepeatingModel(), PredictOptions.defaults(), false, "up");
		final ImagePlus rgb = new ImagePlus("photo", new ColorProcessor(16, 16));
		final String m = assertThrows(InvalidInputException.class, () -> app.apply(rgb, Progress.NONE)).getMessage();
		assertTrue(m.contains("'photo' is an RGB colour image"), m);
	}

	@Test
	void aColourStrategyGetsTheColourImageAndTheGreyPath() {
		final RepeatingModel model = new RepeatingModel();
		final ImagePlus rgb = new ImagePlus("photo", new ColorProcessor(16, 12));
		final List<ImagePlus> greyResults = new ArrayList<>();
		final ModelApplication app = new ModelApplication(model, PredictOptions.defaults(), false, "up", (colour, grey,
			progress) -> {
			assertSame(rgb, colour);
			final ImagePlus g = grey.apply(grey(colour.getWidth(), colour.getHeight()), progress);
			greyResults.add(g);
			return g;
		});
		final ImagePlus out = app.apply(rgb, Progress.NONE);
		assertEquals(1, greyResults.size());
		assertSame(greyResults.get(0), out);
		assertEquals(32, out.getWidth());
		assertEquals(24, out.getHeight());
		assertEquals("grey-up", out.getTitle());
		assertEquals(1, model.seen.size());
		// a grey image still goes the usual way
		assertEquals(ImagePlus.GRAY32, app.apply(grey(8, 8), Progress.NONE).getType());
		assertEquals(2, model.seen.size());
		// and the colour path still checks the size first
		assertThrows(InvalidInputException.class, () -> app.apply(new ImagePlus("tiny", new ColorProcessor(2, 9)),
			Progress.NONE));
	}
}
