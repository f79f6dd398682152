package org.hourglass.denoise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.metrics.Metrics;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.api.training.EpochResult;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingConfig;
import org.hourglass.api.training.TrainingData;
import org.hourglass.api.training.TrainingListener;
import org.hourglass.api.training.TrainingSource;
import org.hourglass.imagej.ImagePlanes;
import org.hourglass.imagej.ModelTraining;
import org.hourglass.imagej.RgbPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.hourglass.imagej.HourglassCommand;
import org.hourglass.imagej.testing.CommandRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandService;
import org.scijava.app.event.StatusEvent;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.event.EventSubscriber;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;
import org.scijava.prefs.PrefService;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ColorProcessor;

/**
 * The four commands through a real SciJava context with the ND4J engine: tiny networks trained for a few
 * steps on tiny synthetic images (shapes, files and messages are checked, not denoising quality).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandsTest {

	@TempDir
	static Path dir;

	private static Context context;
	private static Path n2vModel;

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

	private static Object[] tinyTraining(final Path model, final Object... more) {
		final Object[] base = { "patchSize", 32, "batchSize", 4, "epochs", 2, "stepsPerEpoch", 3, "depth", 1,
			"filters", 4, "learningRate", 1e-3, "normalization", "percentile", "seed", 1L, "modelFile", model
				.toFile(), "overwrite", false };
		final Object[] all = new Object[base.length + more.length];
		System.arraycopy(base, 0, all, 0, base.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}

	private static void assertCancelled(final HourglassCommand m, final String... parts) {
		assertTrue(m.isCanceled(), "the command should refuse");
		for (final String p : parts) {
			assertTrue(m.getCancelReason().contains(p), "'" + p + "' in: " + m.getCancelReason());
		}
	}

	private static List<Path> files(final Path folder) throws IOException {
		if (!Files.exists(folder)) return List.of();
		try (Stream<Path> s = Files.list(folder)) {
			return s.sorted().toList();
		}
	}

	@Test
	@Order(1)
	void trainSelfSupervisedWritesAModelThatLoads() {
		n2vModel = dir.resolve("n2v.zip");
		final HourglassCommand m = run(TrainSelfSupervisedCommand.class, tinyTraining(n2vModel, "input", Images.noisy(
			"noisy", 64, 64), "radius", 3));
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(n2vModel.toString(), m.getOutput("modelPath"));
		assertTrue(Files.isRegularFile(n2vModel));
		assertTrue(Double.isFinite((Double) m.getOutput("trainingLoss")));
		assertTrue(Double.isFinite((Double) m.getOutput("validationLoss")));
		final int best = (Integer) m.getOutput("bestEpoch");
		assertTrue(best == 1 || best == 2, "best epoch " + best);
		final ImagePlus curve = (ImagePlus) m.getOutput("lossCurve");
		assertNotNull(curve);
		assertTrue(curve.getWidth() > 100);
		try (Model model = context.service(ModelService.class).load(n2vModel, DenoiseVariant.ID)) {
			final ModelSpec spec = model.info().spec();
			assertEquals("self-supervised", spec.properties().get(DenoiseVariant.PROP_TRAINING));
			assertEquals(LossTerm.Kind.MASKED_MSE, spec.loss().reconstruction().kind());
			assertFalse(spec.network().residual());
			assertEquals(2, model.info().history().size());
		}
	}

	@Test
	@Order(1)
	void theBlindSpotTrainsN2V2sNetworkByDefaultAndTheOriginalOnRequest() {
		final Path file = dir.resolve("n2v2.zip");
		final HourglassCommand m = run(TrainSelfSupervisedCommand.class, tinyTraining(file, "input", Images.noisy(
			"noisy", 64, 64)));
		assertFalse(m.isCanceled(), m.getCancelReason());
		try (Model model = context.service(ModelService.class).load(file, DenoiseVariant.ID)) {
			final NetworkSpec net = model.info().spec().network();
			assertEquals(NetworkSpec.Pooling.MAX_BLUR, net.pooling());
			assertEquals(NetworkSpec.Skips.BELOW_FULL_RESOLUTION, net.skips());
		}
		final HourglassCommand d = run(DenoiseCommand.class, "model", file.toString(), "input", Images.noisy("n", 40,
			30), "tileSize", 0, "batchSize", 1);
		assertFalse(d.isCanceled(), d.getCancelReason());
		final Path plain = dir.resolve("n2v-plain.zip");
		assertFalse(run(TrainSelfSupervisedCommand.class, tinyTraining(plain, "input", Images.noisy("noisy", 64, 64),
			"pooling", DenoiseVariant.POOL_MAX, "fullResolutionSkip", true)).isCanceled());
		try (Model model = context.service(ModelService.class).load(plain, DenoiseVariant.ID)) {
			assertEquals(NetworkSpec.Pooling.MAX, model.info().spec().network().pooling());
			assertEquals(NetworkSpec.Skips.ALL, model.info().spec().network().skips());
		}
		final Path refused = dir.resolve("average.zip");
		assertCancelled(run(TrainSelfSupervisedCommand.class, tinyTraining(refused, "input", Images.noisy("noisy", 64,
			64), "pooling", "average")), "average");
		assertFalse(Files.exists(refused), "nothing written");
	}

	@Test
	@Order(1)
	void residualNetworksKeepTheFullResolutionSkip() {
		final Path file = dir.resolve("ne2ne-skips.zip");
		assertFalse(run(TrainSelfSupervisedCommand.class, tinyTraining(file, "input", Images.noisy("noisy", 64, 64),
			"method", TrainSelfSupervisedCommand.METHOD_NEIGHBOUR, "fullResolutionSkip", false)).isCanceled());
		try (Model model = context.service(ModelService.class).load(file, DenoiseVariant.ID)) {
			assertTrue(model.info().spec().network().residual());
			assertEquals(NetworkSpec.Skips.ALL, model.info().spec().network().skips());
		}
	}

	@Test
	@Order(1)
	void theMaskCellSizeIsAParameter() {
		final Path file = dir.resolve("cell4.zip");
		final HourglassCommand m = run(TrainSelfSupervisedCommand.class, tinyTraining(file, "input", Images.noisy(
			"noisy", 64, 64), "cell", 4));
		assertFalse(m.isCanceled(), m.getCancelReason());
		try (Model model = context.service(ModelService.class).load(file, DenoiseVariant.ID)) {
			final String pairs = model.info().spec().properties().get(DenoiseVariant.PROP_PAIRS);
			assertTrue(pairs.contains("one pixel per 4x4 cell"), pairs);
		}
		final Path refused = dir.resolve("cell1.zip");
		assertCancelled(run(TrainSelfSupervisedCommand.class, tinyTraining(refused, "input", Images.noisy("noisy", 64,
			64), "cell", 1)), "Mask cell size must be at least 2, got 1");
		assertFalse(Files.exists(refused), "nothing written");
	}

	@Test
	@Order(1)
	void aBlindSpotRunItsBudgetEndedFarShortOfTheStepsWarnsWhatBudgetReachesThem() throws InterruptedException {
		final CountDownLatch warned = new CountDownLatch(1);
		final EventService events = context.service(EventService.class);
		// the event service holds its subscribers weakly: keep this one reachable until the end
		final StatusWatch watch = new StatusWatch("Blind-spot training keeps improving up to about 1,500 steps",
			warned);
		final List<EventSubscriber<?>> subscribers = events.subscribe(watch);
		try {
			// a budget of a few milliseconds: the first epoch ends after its first step
			final HourglassCommand m = run(TrainSelfSupervisedCommand.class, tinyTraining(dir.resolve("budget.zip"),
				"input", Images.noisy("noisy", 64, 64), "minutes", 1e-5));
			assertFalse(m.isCanceled(), m.getCancelReason());
			assertTrue(warned.await(60, TimeUnit.SECONDS), "no advice on the time budget");
		}
		finally {
			events.unsubscribe(subscribers);
			Reference.reachabilityFence(watch);
		}
	}

	@Test
	@Order(1)
	void theCosineScheduleEndsTheRunAtALearningRateOfZero() {
		final Path file = dir.resolve("cosine.zip");
		final HourglassCommand m = run(TrainSelfSupervisedCommand.class, tinyTraining(file, "input", Images.noisy(
			"noisy", 64, 64), "schedule", "cosine"));
		assertFalse(m.isCanceled(), m.getCancelReason());
		try (Model model = context.service(ModelService.class).load(file, DenoiseVariant.ID)) {
			final List<EpochResult> history = model.info().history();
			assertEquals(2, history.size());
			assertTrue(history.get(0).learningRate() < 1e-3 && history.get(0).learningRate() > 0, history.toString());
			assertEquals(0, history.get(1).learningRate(), 1e-12);
		}
		assertCancelled(run(TrainSelfSupervisedCommand.class, tinyTraining(dir.resolve("step.zip"), "input", Images
			.noisy("noisy", 64, 64), "schedule", "step")), "Unknown learning rate schedule 'step'");
	}

	@Test
	@Order(1)
	void trainByNeighbourSubsamplingWritesAResidualMseModelThatDenoises() {
		final Path file = dir.resolve("ne2ne.zip");
		final HourglassCommand m = run(TrainSelfSupervisedCommand.class, tinyTraining(file, "input", Images.noisy("noisy",
			64, 64), "method", TrainSelfSupervisedCommand.METHOD_NEIGHBOUR));
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertTrue(Double.isFinite((Double) m.getOutput("validationLoss")));
		try (Model model = context.service(ModelService.class).load(file, DenoiseVariant.ID)) {
			final ModelSpec spec = model.info().spec();
			assertEquals("self-supervised-neighbour", spec.properties().get(DenoiseVariant.PROP_TRAINING));
			assertEquals(LossTerm.Kind.MSE, spec.loss().reconstruction().kind());
			assertTrue(spec.network().residual());
		}
		final ImagePlus in = Images.noisy("full.tif", 40, 30, 1, 1, 1, 8, 20, 3);
		final HourglassCommand d = run(DenoiseCommand.class, "model", file.toString(), "input", in, "tileSize", 0,
			"batchSize", 2, "convertToInputType", false);
		assertFalse(d.isCanceled(), d.getCancelReason());
		final ImagePlus out = (ImagePlus) d.getOutput("output");
		assertEquals(40, out.getWidth(), "applied at the image's full size");
		assertEquals(30, out.getHeight());
	}

	@Test
	@Order(1)
	void neighbourSubsamplingNeedsPatchesTwiceTheNetworkFactor() {
		final Path file = dir.resolve("ne2ne-odd.zip");
		assertCancelled(run(TrainSelfSupervisedCommand.class, tinyTraining(file, "input", Images.noisy("noisy", 64, 64),
			"method", TrainSelfSupervisedCommand.METHOD_NEIGHBOUR, "patchSize", 34)), "multiple of 4",
			"times smaller than the patches");
		assertCancelled(run(TrainSelfSupervisedCommand.class, tinyTraining(file, "input", Images.noisy("noisy", 64, 64),
			"method", "noise2noise")), "Unknown method 'noise2noise'");
		assertFalse(Files.exists(file));
	}

	@Test
	@Order(2)
	void denoiseAHyperstackKeepsShapeAndCalibration() {
		final ImagePlus in = Images.noisy("cells.tif", 40, 30, 2, 3, 1, 8, 20, 3);
		final HourglassCommand m = run(DenoiseCommand.class, "model", n2vModel.toString(), "input", in, "tileSize", 0,
			"batchSize", 2, "convertToInputType", false, "beforeAfter", true);
		assertFalse(m.isCanceled(), m.getCancelReason());
		final ImagePlus out = (ImagePlus) m.getOutput("output");
		assertEquals("cells-denoised", out.getTitle());
		assertEquals(ImagePlus.GRAY32, out.getType());
		assertArrayEquals(in.getDimensions(), out.getDimensions());
		assertEquals(0.5, out.getCalibration().pixelWidth);
		assertEquals("mm", out.getCalibration().getUnit());
		ImagePlanes.planes(out, RgbPolicy.REFUSE).forEach(sp -> assertFalse(sp.plane().hasNonFinite()));
		final ImagePlus figure = (ImagePlus) m.getOutput("comparison");
		assertEquals("cells-before-after", figure.getTitle());
		assertNull(m.getOutput("filesWritten"), "only a folder run reports files written");
		assertEquals(2 * 40 + 8, figure.getWidth());
		// one result unless the figure is asked for
		assertNull(run(DenoiseCommand.class, "model", n2vModel.toString(), "input", in).getOutput("comparison"));

		final HourglassCommand m8 = run(DenoiseCommand.class, "model", n2vModel.toString(), "input", in, "tileSize", 0,
			"batchSize", 2, "convertToInputType", true);
		assertEquals(ImagePlus.GRAY8, ((ImagePlus) m8.getOutput("output")).getType());
	}

	@Test
	@Order(3)
	void tinyImageIsDenoised() {
		final HourglassCommand m = run(DenoiseCommand.class, "model", n2vModel.toString(), "input", Images.noisy("tiny",
			5, 3), "tileSize", 0, "batchSize", 1, "convertToInputType", false);
		assertFalse(m.isCanceled(), m.getCancelReason());
		final ImagePlus out = (ImagePlus) m.getOutput("output");
		assertEquals(5, out.getWidth());
		assertEquals(3, out.getHeight());
	}

	@Test
	@Order(4)
	void denoiseAFolderWritesOneTiffPerImageAndNeverIntoTheInput() throws IOException {
		final Path in = Files.createDirectories(dir.resolve("in"));
		new FileSaver(Images.noisy("a", 24, 24)).saveAsTiff(in.resolve("a.tif").toString());
		new FileSaver(Images.noisy("b", 20, 28, 1, 2, 1, 16, 10, 4)).saveAsTiffStack(in.resolve("b.tif").toString());
		final List<Path> before = files(in);

		final HourglassCommand same = run(DenoiseCommand.class, "model", n2vModel.toString(), "inputFolder", in.toFile(),
			"outputFolder", in.toFile(), "tileSize", 0, "batchSize", 2, "convertToInputType", false);
		assertCancelled(same, "must differ from the input folder");
		assertEquals(before, files(in));

		final Path out = dir.resolve("out");
		final HourglassCommand m = run(DenoiseCommand.class, "model", n2vModel.toString(), "inputFolder", in.toFile(),
			"outputFolder", out.toFile(), "tileSize", 0, "batchSize", 2, "convertToInputType", false);
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(2, m.getOutput("filesWritten"));
		assertNull(m.getOutput("output"));
		assertEquals(List.of(out.resolve("a.tif"), out.resolve("b.tif")), files(out));
		final ImagePlus b = IJ.openImage(out.resolve("b.tif").toString());
		assertEquals(2, b.getStackSize());
		assertEquals(32, b.getBitDepth());
		assertEquals(before, files(in));
	}

	@Test
	@Order(4)
	void trainSupervisedFromSyntheticNoiseAndFromPairs() {
		final ImagePlus clean = Images.noisy("clean", 48, 48, 1, 1, 1, 32, 0, 5);
		final Path synthetic = dir.resolve("gauss");
		final HourglassCommand m = run(TrainSupervisedCommand.class, tinyTraining(synthetic, "noise", "gaussian", "clean",
			clean, "sigma", 10.0, "photons", 30.0));
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(dir.resolve("gauss.zip").toString(), m.getOutput("modelPath"), ".zip added");
		try (Model model = context.service(ModelService.class).load(dir.resolve("gauss.zip"), DenoiseVariant.ID)) {
			assertEquals("supervised", model.info().spec().properties().get(DenoiseVariant.PROP_TRAINING));
			assertTrue(model.info().spec().properties().get(DenoiseVariant.PROP_PAIRS).contains("gaussian"));
			assertTrue(model.info().spec().network().residual());
			assertEquals(NetworkSpec.Pooling.MAX, model.info().spec().network().pooling());
			assertEquals(NetworkSpec.Skips.ALL, model.info().spec().network().skips());
		}
		final ImagePlus noisy = Images.noisy("noisy", 48, 48, 1, 1, 1, 32, 15, 5);
		final Path pairs = dir.resolve("pairs.zip");
		final HourglassCommand p = run(TrainSupervisedCommand.class, tinyTraining(pairs, "noise", "pairs", "input",
			noisy, "clean", clean));
		assertFalse(p.isCanceled(), p.getCancelReason());
		assertTrue(Files.isRegularFile(pairs));
	}

	@Test
	@Order(5)
	void evaluateGivesPsnrAndSsimPerPlane() {
		final ImagePlus truth = Images.noisy("truth", 32, 32, 1, 2, 1, 32, 0, 1);
		final ImagePlus test = Images.noisy("test", 32, 32, 1, 2, 1, 32, 10, 1);
		final HourglassCommand m = run(EvaluateCommand.class, "input", test, "groundTruth", truth, "dataRange", 255.0);
		assertFalse(m.isCanceled(), m.getCancelReason());
		final List<org.hourglass.api.image.Plane> a = ImagePlanes.planes(test, RgbPolicy.REFUSE).stream().map(
			s -> s.plane()).toList();
		final List<org.hourglass.api.image.Plane> b = ImagePlanes.planes(truth, RgbPolicy.REFUSE).stream().map(
			s -> s.plane()).toList();
		final double psnr = (Metrics.psnr(a.get(0), b.get(0), 255) + Metrics.psnr(a.get(1), b.get(1), 255)) / 2;
		final double ssim = (Metrics.ssim(a.get(0), b.get(0), 255) + Metrics.ssim(a.get(1), b.get(1), 255)) / 2;
		assertEquals(psnr, (Double) m.getOutput("psnr"), 1e-9);
		assertEquals(ssim, (Double) m.getOutput("ssim"), 1e-9);
		assertEquals(2, ((EvaluateCommand) m.getDelegateObject()).table().size());
		final HourglassCommand auto = run(EvaluateCommand.class, "input", test, "groundTruth", truth, "dataRange", 0.0);
		final double range = (Double) auto.getOutput("rangeUsed");
		assertTrue(range > 100 && range < 255, "range of the ground truth: " + range);
	}

	// -- bad input: one clear message, nothing written --

	@Test
	@Order(10)
	void imageSmallerThanAPatchIsRefused() throws IOException {
		final Path model = dir.resolve("bad-small.zip");
		final HourglassCommand m = run(TrainSelfSupervisedCommand.class, tinyTraining(model, "input", Images.noisy(
			"small", 24, 40), "radius", 5));
		assertCancelled(m, "'small' is 24x40 pixels", "smaller than one training patch (32x32)");
		assertFalse(Files.exists(model));
	}

	@Test
	@Order(2)
	void jointChannelsTrainOneNetworkForBothChannelsAndDenoiseTwoChannelImages() {
		final Path file = dir.resolve("joint.zip");
		final ImagePlus twoChannels = Images.noisy("two.tif", 48, 48, 2, 2, 1, 16, 15, 4);
		final HourglassCommand m = run(TrainSupervisedCommand.class, tinyTraining(file, "noise", "gaussian", "sigma", 10.0,
			"clean", twoChannels, "channels", "joint"));
		assertFalse(m.isCanceled(), m.getCancelReason());
		try (Model model = context.service(ModelService.class).load(file, DenoiseVariant.ID)) {
			assertEquals(2, model.info().spec().network().inputChannels());
			assertEquals(2, model.info().spec().network().outputChannels());
		}
		final HourglassCommand d = run(DenoiseCommand.class, "model", file.toString(), "input", twoChannels, "tileSize", 0,
			"batchSize", 2, "convertToInputType", false);
		assertFalse(d.isCanceled(), d.getCancelReason());
		final ImagePlus out = (ImagePlus) d.getOutput("output");
		assertEquals(2, out.getNChannels());
		assertEquals(2, out.getNSlices());
		assertEquals(0.5, out.getCalibration().pixelWidth, 1e-9);
		// a joint model needs its channels together: a one-channel image is refused with what to do
		final HourglassCommand one = run(DenoiseCommand.class, "model", file.toString(), "input", Images.noisy("one.tif",
			48, 48), "tileSize", 0, "batchSize", 2, "convertToInputType", false);
		assertCancelled(one, "reads 2 channels together", "has 1 channel(s)");
		// and a separate model denoises each channel of the same image on its own
		final HourglassCommand separate = run(DenoiseCommand.class, "model", n2vModel.toString(), "input", twoChannels,
			"tileSize", 0, "batchSize", 2, "convertToInputType", false);
		assertFalse(separate.isCanceled(), separate.getCancelReason());
		assertEquals(4, ((ImagePlus) separate.getOutput("output")).getStackSize());
	}

	@Test
	@Order(11)
	void modelOfAnotherVariantIsRefused() {
		final ModelService models = context.service(ModelService.class);
		final Path other = dir.resolve("other-variant.zip");
		try (Model model = models.create(new ModelSpec("autoencoder", 1, NetworkSpec.unet(1, 4, false), Loss.of(
			LossTerm.Kind.MSE), Normalization.percentile(), null)))
		{
			models.train(model, TrainingData.of(List.of(TrainingSource.of(ImagePlanes.plane(Images.noisy("x", 32,
				32), 1, RgbPolicy.REFUSE).plane(), "x")), "x"), PairMaker.IDENTITY, TrainingConfig.defaults()
					.withPatchSize(16).withBatchSize(2).withEpochs(1).withStepsPerEpoch(1), TrainingListener.NONE);
			model.save(other);
		}
		final HourglassCommand m = run(DenoiseCommand.class, "model", other.toString(), "input", Images.noisy("n", 16,
			16), "tileSize", 0, "batchSize", 1, "convertToInputType", false);
		assertCancelled(m, "autoencoder");
		assertNull(m.getOutput("output"));
	}

	@Test
	@Order(12)
	void rgbIsRefused() {
		final ImagePlus rgb = new ImagePlus("photo", new ColorProcessor(64, 64));
		final HourglassCommand d = run(DenoiseCommand.class, "model", n2vModel.toString(), "input", rgb, "tileSize", 0,
			"batchSize", 1, "convertToInputType", false);
		assertCancelled(d, "'photo' is an RGB colour image");
		final Path model = dir.resolve("bad-rgb.zip");
		final HourglassCommand t = run(TrainSelfSupervisedCommand.class, tinyTraining(model, "input", rgb, "radius", 5));
		assertCancelled(t, "RGB");
		assertFalse(Files.exists(model));
	}

	@Test
	@Order(13)
	void nanValuesAreRefused() {
		final ImagePlus nan = Images.noisy("holes", 64, 64);
		nan.getProcessor().setf(10, 20, Float.NaN);
		final HourglassCommand d = run(DenoiseCommand.class, "model", n2vModel.toString(), "input", nan, "tileSize", 0,
			"batchSize", 1, "convertToInputType", false);
		assertCancelled(d, "NaN", "x=10, y=20");
		final Path model = dir.resolve("bad-nan.zip");
		assertCancelled(run(TrainSelfSupervisedCommand.class, tinyTraining(model, "input", nan, "radius", 5)), "NaN");
		assertFalse(Files.exists(model));
	}

	@Test
	@Order(14)
	void emptyFolderIsRefusedAndNothingIsWritten() throws IOException {
		final Path empty = Files.createDirectories(dir.resolve("empty"));
		Files.writeString(empty.resolve("notes.txt"), "not an image");
		final Path out = dir.resolve("empty-out");
		final HourglassCommand d = run(DenoiseCommand.class, "model", n2vModel.toString(), "inputFolder", empty.toFile(),
			"outputFolder", out.toFile(), "tileSize", 0, "batchSize", 1, "convertToInputType", false);
		assertCancelled(d, "contains no images");
		assertFalse(Files.exists(out));
		final Path model = dir.resolve("bad-empty.zip");
		assertCancelled(run(TrainSelfSupervisedCommand.class, tinyTraining(model, "inputFolder", empty.toFile(),
			"radius", 5)), "contains no images");
		assertFalse(Files.exists(model));
		assertEquals(List.of(empty.resolve("notes.txt")), files(empty));
	}

	@Test
	@Order(15)
	void existingModelFileIsNotOverwritten() throws IOException {
		final byte[] before = Files.readAllBytes(n2vModel);
		final HourglassCommand m = run(TrainSelfSupervisedCommand.class, tinyTraining(n2vModel, "input", Images.noisy(
			"noisy", 64, 64), "radius", 3));
		assertCancelled(m, "exists already");
		assertArrayEquals(before, Files.readAllBytes(n2vModel));
	}

	@Test
	@Order(16)
	void missingModelNameSaysSo() {
		final HourglassCommand m = run(DenoiseCommand.class, "model", "no-such-model", "input", Images.noisy("n", 16,
			16), "tileSize", 0, "batchSize", 1, "convertToInputType", false);
		assertCancelled(m, "no-such-model");
	}

	@Test
	@Order(17)
	void cancellingATrainingCommandSavesTheBestEpochSoFar() throws Exception {
		final Path model = dir.resolve("cancelled.zip");
		final int epochs = 500;
		// this run is pre-processed as in Fiji, so that it reads inputs left out from the values last used, which
		// are kept in the user's preferences: start from the command's defaults, as the resumed run does
		context.service(PrefService.class).clear(TrainSelfSupervisedCommand.class);
		final HourglassCommand module = (HourglassCommand) context.service(ModuleService.class).createModule(context
			.service(CommandService.class).getCommand(TrainSelfSupervisedCommand.class));
		final Map<String, Object> inputs = new HashMap<>();
		final Object[] kv = tinyTraining(model, "input", Images.noisy("noisy", 64, 64), "radius", 3);
		for (int i = 0; i < kv.length; i += 2) inputs.put((String) kv[i], kv[i + 1]);
		inputs.put("epochs", epochs);
		final CountDownLatch secondEpoch = new CountDownLatch(1);
		final EventService events = context.service(EventService.class);
		// the event service holds its subscribers weakly: keep this one reachable until the end
		final StatusWatch watch = new StatusWatch("epoch 2/" + epochs, secondEpoch);
		final List<EventSubscriber<?>> subscribers = events.subscribe(watch);
		try {
			final Future<Module> run = context.service(ModuleService.class).run(module, true, inputs);
			assertTrue(secondEpoch.await(120, TimeUnit.SECONDS), "training never reached epoch 2");
			module.cancel("Cancelled by the test.");
			run.get(120, TimeUnit.SECONDS);
		}
		finally {
			events.unsubscribe(subscribers);
			Reference.reachabilityFence(watch);
		}
		assertTrue(Files.isRegularFile(model), "the best epoch so far is saved");
		final List<EpochResult> cancelled;
		try (Model m = context.service(ModelService.class).load(model, DenoiseVariant.ID)) {
			cancelled = m.info().history();
		}
		final int trained = cancelled.size();
		assertTrue(trained >= 1 && trained < epochs, trained + " epochs");
		final Path checkpoint = ModelTraining.checkpointFile(model);
		assertTrue(Files.isRegularFile(checkpoint), "a cancelled run keeps its checkpoint");
		assertCancelled(run(TrainSelfSupervisedCommand.class, append(kv, "epochs", 1)), "left its checkpoint",
			"resume");

		// resume: one epoch more than the cancelled run finished, into the same model file; another seed, so that a
		// run starting over could not reproduce the cancelled run's epochs
		final HourglassCommand resumed = run(TrainSelfSupervisedCommand.class, append(kv, "epochs", trained + 1,
			"resume", true, "seed", 2L));
		assertFalse(resumed.isCanceled(), resumed.getCancelReason());
		try (Model m = context.service(ModelService.class).load(model, DenoiseVariant.ID)) {
			final List<EpochResult> history = m.info().history();
			assertEquals(trained + 1, history.size(), "one epoch more");
			for (int i = 0; i < trained; i++) {
				assertEquals(cancelled.get(i).trainingLoss(), history.get(i).trainingLoss(), "epoch " + (i + 1) +
					" comes from the checkpoint, not from a new run");
				assertEquals(cancelled.get(i).validationLoss(), history.get(i).validationLoss());
			}
		}
		assertFalse(Files.exists(checkpoint), "a completed run removes its checkpoint");
		assertCancelled(run(TrainSelfSupervisedCommand.class, append(kv, "resume", true)), "Nothing to resume",
			checkpoint.getFileName().toString());
	}

	private static Object[] append(final Object[] keyValues, final Object... more) {
		final Object[] all = java.util.Arrays.copyOf(keyValues, keyValues.length + more.length);
		System.arraycopy(more, 0, all, keyValues.length, more.length);
		return all;
	}

	@Test
	@Order(18)
	void fineTuningStartsFromAModelOfTheSameModeAndLeavesItUnchanged() throws IOException {
		final byte[] before = Files.readAllBytes(n2vModel);
		final Path tuned = dir.resolve("tuned.zip");
		final HourglassCommand m = run(TrainSelfSupervisedCommand.class, tinyTraining(tuned, "input", Images.noisy(
			"noisy", 64, 64), "radius", 3, "initialModel", n2vModel.toString(), "epochs", 1));
		assertFalse(m.isCanceled(), m.getCancelReason());
		try (Model model = context.service(ModelService.class).load(tuned, DenoiseVariant.ID)) {
			assertEquals(3, model.info().history().size(), "2 epochs before, 1 more");
		}
		assertArrayEquals(before, Files.readAllBytes(n2vModel));

		final Path wrong = dir.resolve("wrong-mode.zip");
		assertCancelled(run(TrainSupervisedCommand.class, tinyTraining(wrong, "noise", "gaussian", "clean", Images
			.noisy("clean", 48, 48), "sigma", 10.0, "photons", 30.0, "initialModel", n2vModel.toString())),
			"trained self-supervised", "trains supervised");
		assertFalse(Files.exists(wrong));
		assertCancelled(run(TrainSelfSupervisedCommand.class, tinyTraining(n2vModel, "input", Images.noisy("noisy",
			64, 64), "initialModel", n2vModel.toString(), "overwrite", true)), "also the model file to write");
		assertArrayEquals(before, Files.readAllBytes(n2vModel));
	}

	/** Counts down when a status message contains a text (an event handler must be a public class). */
	public static final class StatusWatch {

		private final String text;
		private final CountDownLatch seen;

		StatusWatch(final String text, final CountDownLatch seen) {
			this.text = text;
			this.seen = seen;
		}

		@EventHandler
		public void onStatus(final StatusEvent e) {
			if (e.getStatusMessage() != null && e.getStatusMessage().contains(text)) seen.countDown();
		}
	}
}
