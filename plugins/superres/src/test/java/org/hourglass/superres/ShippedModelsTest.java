package org.hourglass.superres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.image.Plane;
import org.hourglass.api.metrics.Metrics;
import org.hourglass.imagej.ImagePlanes;
import org.hourglass.imagej.RgbPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.hourglass.imagej.HourglassCommand;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleService;

import ij.IJ;
import ij.ImagePlus;

/**
 * The shipped models load, upscale the bundled sample (real microscopy, never seen in training) through the
 * Upscale command, and do better than bicubic interpolation on it: the sample's central 256×256 is downscaled
 * bicubically, upscaled, and compared with itself.
 */
class ShippedModelsTest {

	private static final Path MODELS = Path.of("../../samples/models");
	private static final Path SAMPLE = Path.of("../../samples/images/nuclei-2d.tif");

	private static Context context;

	@BeforeAll
	static void setUp() {
		context = new Context();
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	private static HourglassCommand upscale(final Path model, final int factor, final ImagePlus image) {
		final Map<String, Object> inputs = new HashMap<>();
		inputs.put("model", model.toString());
		inputs.put("factor", factor);
		inputs.put("input", image);
		inputs.put("tileSize", 0);
		inputs.put("batchSize", 4);
		inputs.put("augment", false);
		inputs.put("convertToInputType", false);
		try {
			return (HourglassCommand) context.service(ModuleService.class).run(context.service(CommandService.class).getCommand(UpscaleCommand.class), false, inputs).get();
		}
		catch (final InterruptedException | ExecutionException e) {
			throw new AssertionError(e);
		}
	}

	@ParameterizedTest(name = "x{0}")
	@ValueSource(ints = { 2, 4 })
	void theShippedModelUpscalesTheSampleBetterThanBicubic(final int factor) {
		final ImagePlus sample = IJ.openImage(SAMPLE.toString());
		final Plane whole = ImagePlanes.plane(sample, 1, RgbPolicy.REFUSE).plane();
		final Plane truth = whole.crop(128, 128, 256, 256);
		final Path file = MODELS.resolve(SuperResVariant.sampleModel(factor) + ".zip");
		assertTrue(Files.isRegularFile(file), file + " ships");
		try (Model m = context.service(ModelService.class).load(file, SuperResVariant.ID)) {
			assertEquals(factor, SuperResVariant.factorOf(m));
			assertEquals(1, m.info().spec().network().inputChannels());
		}
		// the whole sample, as a user would
		final HourglassCommand run = upscale(file, factor, sample);
		assertFalse(run.isCanceled(), run.getCancelReason());
		final ImagePlus out = (ImagePlus) run.getOutput("output");
		assertEquals(factor * sample.getWidth(), out.getWidth());
		assertEquals(factor * sample.getHeight(), out.getHeight());
		assertFalse(ImagePlanes.plane(out, 1, RgbPolicy.REFUSE).plane().hasNonFinite());

		// quality against the truth
		final Plane low = Bicubic.downscale(truth, factor);
		final ImagePlus lowImage = new ImagePlus("low", new ij.process.FloatProcessor(low.width(), low.height(), low
			.data()));
		final ImagePlus up = (ImagePlus) upscale(file, factor, lowImage).getOutput("output");
		final Plane model = ImagePlanes.plane(up, 1, RgbPolicy.REFUSE).plane();
		final Plane bicubic = Bicubic.upscale(low, factor);
		final int b = factor;
		final int side = 256 - 2 * b;
		final double range = 235;
		final double psnrModel = Metrics.psnr(model.crop(b, b, side, side), truth.crop(b, b, side, side), range);
		final double psnrBicubic = Metrics.psnr(bicubic.crop(b, b, side, side), truth.crop(b, b, side, side), range);
		assertTrue(psnrModel > psnrBicubic, "x" + factor + ": model " + psnrModel + " dB, bicubic " + psnrBicubic +
			" dB");
	}
}
