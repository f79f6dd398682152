package org.hourglass.superres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.metrics.Metrics;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingConfig;
import org.hourglass.api.training.TrainingData;
import org.hourglass.api.training.TrainingListener;
import org.hourglass.api.training.TrainingSource;
import org.hourglass.imagej.ImagePlanes;
import org.hourglass.imagej.RgbPolicy;
import org.hourglass.imagej.StackPlane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.hourglass.imagej.HourglassCommand;
import org.hourglass.imagej.testing.CommandRuns;
import org.scijava.Context;
import org.scijava.command.Command;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

/**
 * The Upscale commands through a real SciJava context with the ND4J engine: tiny networks trained for a few
 * steps on tiny synthetic images (shapes, files and messages are checked here, quality in
 * {@link ShippedModelsTest}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandsTest {

	@TempDir
	static Path dir;

	private static Context context;
	private static Path x2;
	private static Path x4;

	@BeforeAll
	static void setUp() {
		context = new Context();
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	private static HourglassCommand run(final Class<? extends Command> command, final Object... keyValues) {
		return CommandRuns.run(context, command, keyValues);
	}

	/** A depth-1, 4-filter network, 16x16 high-resolution patches, 2 epochs of 3 steps. */
	private static Object[] tiny(final Path model, final Object... more) {
		final Object[] base = { "factor", 2, "patchSize", 16, "batchSize", 4, "epochs", 2, "stepsPerEpoch", 3, "depth",
			1, "filters", 4, "learningRate", 1e-3, "normalization", "percentile", "downscaling", "bicubic", "noise", 0.0,
			"seed", 1L, "modelFile", model.toFile(), "overwrite", false };
		final Object[] all = new Object[base.length + more.length];
		System.arraycopy(base, 0, all, 0, base.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}

	private static Object[] upscale(final Path model, final Object... more) {
		final Object[] base = { "model", model.toString(), "factor", 2, "tileSize", 0, "batchSize", 2, "augment", false,
			"convertToInputType", false };
		final Object[] all = new Object[base.length + more.length];
		System.arraycopy(base, 0, all, 0, base.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}

	private static void assertRefused(final HourglassCommand m, final String... parts) {
		assertTrue(m.isCanceled(), "the command should refuse");
		for (final String p : parts) {
			assertTrue(m.getCancelReason().contains(p), "'" + p + "' in: " + m.getCancelReason());
		}
	}

	private static void assertDone(final HourglassCommand m) {
		assertFalse(m.isCanceled(), m.getCancelReason());
	}

	private static List<Path> files(final Path folder) throws IOException {
		if (!Files.exists(folder)) return List.of();
		try (Stream<Path> s = Files.list(folder)) {
			return s.sorted().toList();
		}
	}

	private static Model load(final Path file) {
		return context.service(ModelService.class).load(file, SuperResVariant.ID);
	}

	// -- training --

	@Test
	@Order(1)
	void trainFromAHighResolutionImageWritesAx2Model() {
		x2 = dir.resolve("x2.zip");
		final HourglassCommand m = run(UpscaleTrainCommand.class, tiny(x2, "input", Images.image("cells", 48, 48)));
		assertDone(m);
		assertEquals(x2.toString(), m.getOutput("modelPath"));
		assertTrue(Double.isFinite((Double) m.getOutput("validationLoss")));
		assertNotNull(m.getOutput("lossCurve"));
		try (Model model = load(x2)) {
			final ModelSpec spec = model.info().spec();
			assertEquals(2, spec.network().upscale());
			assertTrue(spec.network().residual());
			assertEquals(SuperResVariant.FROM_DOWNSCALING, spec.properties().get(SuperResVariant.PROP_TRAINING));
			assertEquals("bicubic downscaling x2", spec.properties().get(SuperResVariant.PROP_PAIRS));
			assertEquals("16", spec.properties().get(SuperResVariant.PROP_PATCH));
			assertEquals(2, model.info().history().size());
		}
	}

	@Test
	@Order(1)
	void trainX4ByAreaAveragingWithNoiseAndAValidationImage() {
		x4 = dir.resolve("x4.zip");
		final HourglassCommand m = run(UpscaleTrainCommand.class, tiny(x4, "factor", 4, "downscaling", "area", "noise",
			3.0, "input", Images.image("train", 48, 48, 1, 2, 1, 16), "validation", Images.image("check", 32, 32, 1, 1,
				1, 16)));
		assertDone(m);
		try (Model model = load(x4)) {
			assertEquals(4, model.info().spec().network().upscale());
			assertEquals("area downscaling x4 + gaussian noise sigma=3.0", model.info().spec().properties().get(
				SuperResVariant.PROP_PAIRS));
			assertTrue(model.info().trainingData().contains("2 planes"), model.info().trainingData());
		}
	}

	@Test
	@Order(1)
	void trainFromRealPairsOfImagesAndOfFolders() throws IOException {
		final ImagePlus high = Images.image("field", 64, 48, 1, 1, 1, 16);
		final Plane small = AreaAverage.downscale(ImagePlanes.plane(high, 1, RgbPolicy.REFUSE).plane(), 2);
		final ImagePlus low = new ImagePlus("field-low", new FloatProcessor(32, 24, small.data()));
		final Path pairs = dir.resolve("pairs.zip");
		final HourglassCommand m = run(UpscaleTrainCommand.class, tiny(pairs, "low", low, "high", high));
		assertDone(m);
		try (Model model = load(pairs)) {
			assertEquals(SuperResVariant.FROM_PAIRS, model.info().spec().properties().get(
				SuperResVariant.PROP_TRAINING));
			assertTrue(model.info().trainingData().contains("real pairs"));
		}
		final Path lows = Files.createDirectories(dir.resolve("pairs-low"));
		final Path highs = Files.createDirectories(dir.resolve("pairs-high"));
		new FileSaver(low).saveAsTiff(lows.resolve("a.tif").toString());
		new FileSaver(high).saveAsTiff(highs.resolve("a.tif").toString());
		final Path folders = dir.resolve("folder-pairs.zip");
		assertDone(run(UpscaleTrainCommand.class, tiny(folders, "lowFolder", lows.toFile(), "highFolder", highs
			.toFile())));
		assertTrue(Files.isRegularFile(folders));
	}

	@Test
	@Order(2)
	void fineTuningKeepsTheStartModelAndItsFactor() throws IOException {
		final byte[] before = Files.readAllBytes(x2);
		final Path tuned = dir.resolve("tuned.zip");
		assertDone(run(UpscaleTrainCommand.class, tiny(tuned, "input", Images.image("more", 48, 48), "initialModel", x2
			.toString(), "epochs", 1)));
		try (Model model = load(tuned)) {
			assertEquals(3, model.info().history().size(), "2 epochs before, 1 more");
		}
		assertArrayEquals(before, Files.readAllBytes(x2));
		final Path wrong = dir.resolve("tuned-x4.zip");
		assertRefused(run(UpscaleTrainCommand.class, tiny(wrong, "factor", 4, "input", Images.image("more", 48, 48),
			"initialModel", x2.toString())), "The model to start from upscales x2, but factor=4 was asked for");
		assertFalse(Files.exists(wrong));
	}

	// -- upscaling --

	@Test
	@Order(3)
	void upscaleAnImageAStackAndEachChannelWithCalibrationDividedByTheFactor() {
		final ImagePlus plane = Images.image("plane.tif", 20, 14);
		final HourglassCommand m = run(UpscaleCommand.class, upscale(x2, "input", plane));
		assertDone(m);
		final ImagePlus out = (ImagePlus) m.getOutput("output");
		assertEquals("plane-upscaled", out.getTitle());
		assertEquals(40, out.getWidth());
		assertEquals(28, out.getHeight());
		assertEquals(ImagePlus.GRAY32, out.getType());
		assertEquals(0.25, out.getCalibration().pixelWidth, 1e-12);
		assertEquals(0.25, out.getCalibration().pixelHeight, 1e-12);
		assertEquals("mm", out.getCalibration().getUnit());
		assertNull(m.getOutput("filesWritten"));

		final ImagePlus hyper = Images.image("cells", 18, 12, 2, 3, 1, 16);
		final HourglassCommand h = run(UpscaleCommand.class, upscale(x2, "input", hyper, "convertToInputType", true));
		assertDone(h);
		final ImagePlus up = (ImagePlus) h.getOutput("output");
		assertArrayEquals(new int[] { 36, 24, 2, 3, 1 }, up.getDimensions());
		assertEquals(ImagePlus.GRAY16, up.getType());
		assertEquals(0.25, up.getCalibration().pixelWidth, 1e-12);
		// every channel and slice on its own: the same plane gives the same result wherever it is
		final List<StackPlane> in = ImagePlanes.planes(hyper, RgbPolicy.REFUSE);
		final ImagePlus single = (ImagePlus) run(UpscaleCommand.class, upscale(x2, "input", ImagePlanes.toImage("one",
			List.of(in.get(3).plane()), Images.image("like", 18, 12)), "convertToInputType", false)).getOutput("output");
		final float[] expected = (float[]) single.getProcessor().getPixels();
		final short[] got = (short[]) up.getStack().getProcessor(4).getPixels();
		for (int i = 0; i < expected.length; i++) {
			assertEquals(Math.max(0, Math.min(65535, Math.round(expected[i]))), got[i] & 0xffff, "pixel " + i);
		}
	}

	@Test
	@Order(3)
	void tilesLeaveNoSeams() {
		final ImagePlus image = Images.image("big", 60, 44);
		final ImagePlus whole = (ImagePlus) run(UpscaleCommand.class, upscale(x2, "input", image)).getOutput("output");
		final ImagePlus tiled = (ImagePlus) run(UpscaleCommand.class, upscale(x2, "input", image, "tileSize", 8))
			.getOutput("output");
		final float[] a = (float[]) whole.getProcessor().getPixels();
		final float[] b = (float[]) tiled.getProcessor().getPixels();
		double worst = 0;
		for (int i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
		assertTrue(worst < 1e-2, "tiles of 8x8 differ from one tile by at most " + worst);
	}

	@Test
	@Order(3)
	void rgbIsUpscaledAsLuminanceThroughTheModelAndColourByBicubic() {
		final ImagePlus rgb = Images.rgb("photo.png", 24, 16);
		final HourglassCommand m = run(UpscaleCommand.class, upscale(x2, "input", rgb));
		assertDone(m);
		final ImagePlus out = (ImagePlus) m.getOutput("output");
		assertEquals(ImagePlus.COLOR_RGB, out.getType());
		assertEquals("photo-upscaled", out.getTitle());
		assertEquals(48, out.getWidth());
		assertEquals(32, out.getHeight());
		// exactly: the model's luminance, the colour enlarged bicubically, back to RGB
		final Plane[] in = YCbCr.fromRgb((int[]) rgb.getProcessor().getPixels(), 24, 16);
		final ImagePlus y = (ImagePlus) run(UpscaleCommand.class, upscale(x2, "input", ImagePlanes.toImage("y", List.of(
			in[0]), Images.image("like", 24, 16)))).getOutput("output");
		final Plane modelY = new Plane(48, 32, (float[]) y.getProcessor().getPixels());
		assertArrayEquals(YCbCr.toRgb(modelY, Bicubic.upscale(in[1], 2), Bicubic.upscale(in[2], 2)), (int[]) out
			.getProcessor().getPixels());
		assertEquals(0.5, out.getCalibration().pixelWidth, 1e-12, "pixel size divided by the factor");
	}

	@Test
	@Order(4)
	void upscaleAFolderWritesOneTiffPerImageNeverOverwriting() throws IOException {
		final Path in = Files.createDirectories(dir.resolve("in"));
		new FileSaver(Images.image("a", 16, 12, 1, 1, 1, 8)).saveAsTiff(in.resolve("a.tif").toString());
		new FileSaver(Images.image("b", 12, 12, 1, 2, 1, 16)).saveAsTiffStack(in.resolve("b.tif").toString());
		new FileSaver(Images.rgb("c", 12, 10)).saveAsPng(in.resolve("c.png").toString());
		final List<Path> before = files(in);
		final Path out = dir.resolve("out");
		final HourglassCommand m = run(UpscaleCommand.class, upscale(x2, "inputFolder", in.toFile(), "outputFolder", out
			.toFile()));
		assertDone(m);
		assertEquals(3, m.getOutput("filesWritten"));
		assertEquals(List.of(out.resolve("a.tif"), out.resolve("b.tif"), out.resolve("c.tif")), files(out));
		final ImagePlus b = IJ.openImage(out.resolve("b.tif").toString());
		assertEquals(24, b.getWidth());
		assertEquals(2, b.getStackSize());
		assertEquals(ImagePlus.COLOR_RGB, IJ.openImage(out.resolve("c.tif").toString()).getType());
		assertEquals(before, files(in));

		final byte[] a = Files.readAllBytes(out.resolve("a.tif"));
		assertRefused(run(UpscaleCommand.class, upscale(x2, "inputFolder", in.toFile(), "outputFolder", out.toFile())),
			"exist already");
		assertArrayEquals(a, Files.readAllBytes(out.resolve("a.tif")));
		assertRefused(run(UpscaleCommand.class, upscale(x2, "inputFolder", in.toFile(), "outputFolder", in.toFile())),
			"must differ from the input folder");
		assertEquals(before, files(in));
	}

	// -- evaluating and downscaling --

	@Test
	@Order(5)
	void evaluateMeasuresTheResultAndBicubicInOneTable() {
		final ImagePlus original = Images.image("original", 40, 32, 1, 2, 1, 8);
		final ImagePlus small = (ImagePlus) run(DownscaleCommand.class, "input", original, "factor", 2, "method",
			"bicubic").getOutput("output");
		final ImagePlus upscaled = (ImagePlus) run(UpscaleCommand.class, upscale(x2, "input", small)).getOutput(
			"output");
		final HourglassCommand m = run(EvaluateCommand.class, "input", upscaled, "original", original, "factor", 2,
			"cropBorder", true, "dataRange", 0.0);
		assertDone(m);
		assertEquals(255.0, m.getOutput("rangeUsed"), "8-bit originals are measured on 0-255");
		assertEquals(4, ((EvaluateCommand) m.getDelegateObject()).table().size(), "two planes, two methods");
		// bicubic by hand: the original downscaled, upscaled, 2 pixels cropped, PSNR on 0-255
		double psnr = 0;
		for (final StackPlane sp : ImagePlanes.planes(original, RgbPolicy.REFUSE)) {
			final Plane truth = sp.plane();
			final Plane bic = Bicubic.upscale(Bicubic.downscale(truth, 2), 2);
			psnr += Metrics.psnr(bic.crop(2, 2, 36, 28), truth.crop(2, 2, 36, 28), 255) / 2;
		}
		assertEquals(psnr, (Double) m.getOutput("bicubicPsnr"), 1e-9);
		final double model = (Double) m.getOutput("psnr");
		assertTrue(Double.isFinite(model) && model > 10, "PSNR " + model);
		assertEquals(model - psnr, (Double) m.getOutput("gain"), 1e-9);

		// the same with the low-resolution image given
		final HourglassCommand given = run(EvaluateCommand.class, "input", upscaled, "original", original,
			"lowResolution", small, "factor", 2, "cropBorder", true, "dataRange", 0.0);
		assertDone(given);
		assertEquals(psnr, (Double) given.getOutput("bicubicPsnr"), 1e-4);
	}

	@Test
	@Order(5)
	void downscaleGreyAndRgb() {
		final ImagePlus grey = Images.image("g.tif", 32, 24, 1, 1, 1, 8);
		final HourglassCommand m = run(DownscaleCommand.class, "input", grey, "factor", 4, "method", "area");
		assertDone(m);
		final ImagePlus out = (ImagePlus) m.getOutput("output");
		assertEquals("g-downscaled", out.getTitle());
		assertEquals(8, out.getWidth());
		assertEquals(6, out.getHeight());
		assertEquals(ImagePlus.GRAY32, out.getType());
		assertEquals(2.0, out.getCalibration().pixelWidth, 1e-12);
		final Plane expected = AreaAverage.downscale(ImagePlanes.plane(grey, 1, RgbPolicy.REFUSE).plane(), 4);
		assertArrayEquals(expected.data(), (float[]) out.getProcessor().getPixels());

		final ImagePlus rgb = Images.rgb("c", 16, 8);
		final ImagePlus small = (ImagePlus) run(DownscaleCommand.class, "input", rgb, "factor", 2, "method", "bicubic")
			.getOutput("output");
		assertEquals(ImagePlus.COLOR_RGB, small.getType());
		assertEquals(8, small.getWidth());
		final float[] red = new float[16 * 8];
		final int[] px = (int[]) rgb.getProcessor().getPixels();
		for (int i = 0; i < red.length; i++) red[i] = (px[i] >> 16) & 0xff;
		final Plane r = Bicubic.downscale(new Plane(16, 8, red), 2);
		assertEquals(Math.round(r.get(3, 2)), (((ColorProcessor) small.getProcessor()).get(3, 2) >> 16) & 0xff);
	}

	// -- bad input: one clear message, nothing written --

	@Test
	@Order(10)
	void aModelOfAnotherFactorIsRefused() {
		final HourglassCommand m = run(UpscaleCommand.class, upscale(x4, "input", Images.image("n", 16, 16)));
		assertRefused(m, "upscales x4, but factor=2 was asked for", "upscale-x2");
		assertNull(m.getOutput("output"));
		assertRefused(run(UpscaleCommand.class, upscale(x2, "input", Images.image("n", 16, 16), "factor", 3)),
			"The factor must be 2 or 4, got 3.");
	}

	@Test
	@Order(10)
	void aModelOfAnotherVariantIsRefused() {
		final ModelService models = context.service(ModelService.class);
		final Path other = dir.resolve("denoise.zip");
		try (Model model = models.create(new ModelSpec("denoise", 1, NetworkSpec.unet(1, 4, true), Loss.of(
			LossTerm.Kind.MSE), Normalization.percentile(), null)))
		{
			models.train(model, TrainingData.of(List.of(TrainingSource.of(ImagePlanes.plane(Images.image("x", 32, 32), 1,
				RgbPolicy.REFUSE).plane(), "x")), "x"), PairMaker.IDENTITY, TrainingConfig.defaults().withPatchSize(16)
					.withBatchSize(2).withEpochs(1).withStepsPerEpoch(1), TrainingListener.NONE);
			model.save(other);
		}
		final HourglassCommand m = run(UpscaleCommand.class, upscale(other, "input", Images.image("n", 16, 16)));
		assertRefused(m, "is a 'denoise' model; this command needs a 'upscale' model");
		assertNull(m.getOutput("output"));
		final Path file = dir.resolve("from-denoise.zip");
		assertRefused(run(UpscaleTrainCommand.class, tiny(file, "input", Images.image("t", 48, 48), "initialModel",
			other.toString())), "'denoise' model");
		assertFalse(Files.exists(file));
	}

	@Test
	@Order(10)
	void imagesSmallerThanTheNetworkNeedsAreRefused() {
		assertRefused(run(UpscaleCommand.class, upscale(x2, "input", Images.image("sliver", 9, 1))),
			"'sliver' is 9x1 pixels", "the smallest image this model takes (2x2)");
		final Path file = dir.resolve("small.zip");
		assertRefused(run(UpscaleTrainCommand.class, tiny(file, "input", Images.image("small", 12, 40))),
			"'small' is 12x40 pixels", "one training patch (16x16)");
		assertFalse(Files.exists(file));
	}

	@Test
	@Order(10)
	void pairsWhoseSizesDoNotMatchTheFactorAreRefused() throws IOException {
		final Path file = dir.resolve("bad-pairs.zip");
		final ImagePlus low = Images.image("low", 16, 16);
		assertRefused(run(UpscaleTrainCommand.class, tiny(file, "low", low, "high", Images.image("high", 30, 32))),
			"exactly 2 times larger", "expected 'high' to be 32x32", "but it is 30x32");
		assertRefused(run(UpscaleTrainCommand.class, tiny(file, "factor", 4, "low", low, "high", Images.image("high",
			32, 32))), "exactly 4 times larger", "expected 'high' to be 64x64");
		assertRefused(run(UpscaleTrainCommand.class, tiny(file, "low", low, "high", Images.image("high", 32, 32, 1, 2,
			1, 32))), "same channels, slices and frames");
		assertRefused(run(UpscaleTrainCommand.class, tiny(file, "low", low)), "needs a low-resolution image and a " +
			"high-resolution image");
		assertRefused(run(UpscaleTrainCommand.class, tiny(file, "low", low, "high", Images.image("high", 32, 32),
			"input", Images.image("hr", 32, 32))), "not both");
		final Path lows = Files.createDirectories(dir.resolve("bad-low"));
		final Path highs = Files.createDirectories(dir.resolve("bad-high"));
		new FileSaver(Images.image("a", 16, 16)).saveAsTiff(lows.resolve("a.tif").toString());
		new FileSaver(Images.image("a", 32, 32)).saveAsTiff(highs.resolve("a.tif").toString());
		new FileSaver(Images.image("b", 16, 16)).saveAsTiff(lows.resolve("b.tif").toString());
		new FileSaver(Images.image("b", 48, 32)).saveAsTiff(highs.resolve("b.tif").toString());
		assertRefused(run(UpscaleTrainCommand.class, tiny(file, "lowFolder", lows.toFile(), "highFolder", highs
			.toFile())), "expected 'b.tif' to be 32x32", "but it is 48x32");
		assertFalse(Files.exists(file));
	}

	@Test
	@Order(10)
	void patchSizesThatDoNotFitAreRefusedInHighResolutionTerms() {
		final Path file = dir.resolve("bad-patch.zip");
		assertRefused(run(UpscaleTrainCommand.class, tiny(file, "patchSize", 18, "input", Images.image("t", 48, 48))),
			"Patch size 18 must be a multiple of 4", "2 times smaller than the patches");
		assertRefused(run(UpscaleTrainCommand.class, tiny(file, "factor", 3, "input", Images.image("t", 48, 48))),
			"The factor must be 2 or 4, got 3.");
		assertRefused(run(UpscaleTrainCommand.class, tiny(file)), "Nothing to train on");
		assertFalse(Files.exists(file));
	}

	@Test
	@Order(11)
	void anExistingModelFileIsReplacedOnlyWhenAllowed() throws IOException {
		final byte[] before = Files.readAllBytes(x2);
		assertRefused(run(UpscaleTrainCommand.class, tiny(x2, "input", Images.image("cells", 48, 48))),
			"exists already", "overwrite=true");
		assertArrayEquals(before, Files.readAllBytes(x2));
		final Path copy = dir.resolve("copy.zip");
		Files.write(copy, before);
		assertDone(run(UpscaleTrainCommand.class, tiny(copy, "input", Images.image("cells", 48, 48), "overwrite", true,
			"epochs", 1)));
		try (Model model = load(copy)) {
			assertEquals(1, model.info().history().size(), "replaced by the new training");
		}
	}

	@Test
	@Order(11)
	void evaluateRefusesImagesThatDoNotMatch() {
		final ImagePlus original = Images.image("original", 40, 32, 1, 1, 1, 8);
		assertRefused(run(EvaluateCommand.class, "input", Images.image("up", 40, 30), "original", original, "factor", 2,
			"cropBorder", true, "dataRange", 0.0), "must have the original's size", "40x30", "40x32");
		assertRefused(run(EvaluateCommand.class, "input", Images.image("up", 40, 32), "original", original,
			"lowResolution", Images.image("low", 10, 8), "factor", 2, "cropBorder", true, "dataRange", 0.0),
			"exactly 2 times larger than the low-resolution image", "should be 20x16");
		final ImagePlus odd = Images.image("odd", 41, 32, 1, 1, 1, 8);
		assertRefused(run(EvaluateCommand.class, "input", Images.image("up", 41, 32), "original", odd, "factor", 2,
			"cropBorder", true, "dataRange", 0.0), "multiples of 2", "crop both images to 40x32");
		assertRefused(run(DownscaleCommand.class, "input", odd, "factor", 2, "method", "bicubic"), "'odd' is 41x32",
			"crop it to 40x32");
	}
}
