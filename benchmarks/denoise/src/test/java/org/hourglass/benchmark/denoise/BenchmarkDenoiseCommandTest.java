package org.hourglass.benchmark.denoise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.PredictOptions;
import org.hourglass.api.Progress;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.metrics.Metrics;
import org.hourglass.api.training.TrainingConfig;
import org.hourglass.api.training.TrainingData;
import org.hourglass.api.training.TrainingListener;
import org.hourglass.api.training.TrainingSource;
import org.hourglass.denoise.DenoiseVariant;
import org.hourglass.denoise.SyntheticNoise;
import org.hourglass.imagej.ImagePlanes;
import org.hourglass.imagej.RgbPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.hourglass.imagej.HourglassCommand;
import org.hourglass.imagej.testing.CommandRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ShortProcessor;

/**
 * The benchmark command on three small smooth synthetic 8-bit images, with a real SciJava context and the
 * ND4J engine; the one model is a tiny network trained for a single step.
 */
class BenchmarkDenoiseCommandTest {

	private static final int SIZE = 96;
	private static final int IMAGES = 3;

	@TempDir
	static Path dir;

	private static Context context;
	private static Path set;

	@BeforeAll
	static void setUp() throws IOException {
		context = new Context();
		set = Files.createDirectories(dir.resolve("set"));
		for (int k = 0; k < IMAGES; k++) {
			// written in reverse so that the file order, not the creation order, decides
			final int i = IMAGES - 1 - k;
			new FileSaver(new ImagePlus("img" + i, smooth(i))).saveAsPng(set.resolve("img" + i + ".png").toString());
		}
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	/** Smooth blobs and slow waves in 20..235. */
	private static ByteProcessor smooth(final int i) {
		final ByteProcessor bp = new ByteProcessor(SIZE, SIZE);
		for (int y = 0; y < SIZE; y++) {
			for (int x = 0; x < SIZE; x++) {
				final double dx = x - SIZE * (0.3 + 0.2 * i);
				final double dy = y - SIZE * 0.5;
				final double v = 70 + 110 * Math.exp(-(dx * dx + dy * dy) / (2 * 15.0 * 15.0)) + 30 * Math.sin(x / 9.0 +
					y / 13.0 + i);
				bp.set(x, y, (int) Math.round(Math.max(20, Math.min(235, v))));
			}
		}
		return bp;
	}

	private static HourglassCommand run(final Object... keyValues) {
		return CommandRuns.run(context, BenchmarkDenoiseCommand.class, keyValues);
	}

	private static HourglassCommand bench(final Path folder, final long seed, final String models, final Path out,
		final Object... more)
	{
		final Object[] base = { "clean", folder.toFile(), "sigma", 25.0, "seed", seed, "models", models, "out", out
			.toFile(), "overwrite", false };
		final Object[] all = Arrays.copyOf(base, base.length + more.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return run(all);
	}

	private static void assertOk(final HourglassCommand m) {
		assertFalse(m.isCanceled(), m.getCancelReason());
	}

	private static void assertRefused(final HourglassCommand m, final String... parts) {
		assertTrue(m.isCanceled(), "the command should refuse");
		for (final String p : parts) {
			assertTrue(m.getCancelReason().contains(p), "'" + p + "' in: " + m.getCancelReason());
		}
	}

	private static BenchmarkResult result(final HourglassCommand m) {
		return ((BenchmarkDenoiseCommand) m.getDelegateObject()).result();
	}

	private static List<Path> files(final Path folder) throws IOException {
		if (!Files.exists(folder)) return List.of();
		try (Stream<Path> s = Files.list(folder)) {
			return s.sorted().toList();
		}
	}

	@Test
	void noisyInputIsAtTheAnalyticPsnrAndBlurBeatsIt() throws IOException {
		final Path out = dir.resolve("baselines.md");
		final HourglassCommand m = bench(set, 0, "", out);
		assertOk(m);
		final double noisy = (Double) m.getOutput("noisyPsnr");
		// 3 x 96² pixels: the MSE's relative standard error is sqrt(2 / 27648) = 0.85 %, i.e. 0.04 dB
		assertEquals(20 * Math.log10(255 / 25.0), noisy, 0.2);
		final double blur = (Double) m.getOutput("blurPsnr");
		final double sigma = (Double) m.getOutput("blurSigma");
		assertTrue(blur > noisy + 3, "best blur " + blur + " dB vs noisy " + noisy + " dB");
		assertTrue(sigma >= 0.5 && sigma <= 3.0, "blur sigma " + sigma);
		final BenchmarkResult r = result(m);
		assertEquals(List.of("img0.png", "img1.png", "img2.png"), r.images(), "file-name order");
		assertTrue(r.models().isEmpty());
		assertTrue(r.blur().meanSsim() > r.noisy().meanSsim());
		// the chosen sigma is the best of the grid, also against its neighbours
		final List<Plane> clean = BenchmarkImages.load(set).clean();
		final List<Plane> noisyPlanes = BenchmarkNoise.add(clean, 25, 0);
		for (final double other : new double[] { sigma - 0.1, sigma + 0.1 }) {
			if (other < 0.5 - 1e-9 || other > 3.0 + 1e-9) continue;
			double mean = 0;
			for (int i = 0; i < IMAGES; i++) mean += Metrics.psnr(BlurBaseline.blur(noisyPlanes.get(i), other), clean
				.get(i), 255) / IMAGES;
			assertTrue(mean <= blur + 1e-9, "sigma " + other + " gives " + mean + " > " + blur);
		}
		final String report = Files.readString(out);
		assertTrue(report.contains("| method | mean PSNR (dB) | mean SSIM | notes |"), report);
		assertTrue(report.contains(String.format(java.util.Locale.ROOT, "| Noisy input | %.2f |", noisy)), report);
		assertTrue(report.contains("| img2.png |"), report);
		assertEquals(MarkdownReport.table(r), m.getOutput("table"));
		assertEquals(List.of(out), files(dir).stream().filter(f -> f.getFileName().toString().startsWith(
			".baselines") || f.equals(out)).toList(), "no temporary file left");
	}

	@Test
	void sameSeedSameNumbersOtherSeedOtherNoise() {
		final HourglassCommand a = bench(set, 7, "", dir.resolve("seed7a.md"));
		final HourglassCommand b = bench(set, 7, "", dir.resolve("seed7b.md"));
		final HourglassCommand c = bench(set, 8, "", dir.resolve("seed8.md"));
		assertOk(a);
		assertOk(b);
		assertOk(c);
		assertArrayEquals(result(a).noisy().psnr(), result(b).noisy().psnr());
		assertArrayEquals(result(a).blur().psnr(), result(b).blur().psnr());
		assertEquals(a.getOutput("table"), b.getOutput("table"));
		assertNotEquals(result(a).noisy().psnr()[0], result(c).noisy().psnr()[0]);
		// each image's noise depends on the seed and its index only
		final List<Plane> clean = BenchmarkImages.load(set).clean();
		final Plane alone = SyntheticNoise.gaussian(25).apply(clean.get(2), new SplittableRandom(BenchmarkNoise
			.imageSeed(7, 2)));
		assertEquals(alone, BenchmarkNoise.add(clean, 25, 7).get(2));
	}

	@Test
	void theImagesNoisesAreUnrelated() {
		final List<Plane> clean = BenchmarkImages.load(set).clean();
		final List<Plane> noisy = BenchmarkNoise.add(clean, 25, 0);
		final float[] a = residual(noisy.get(0), clean.get(0));
		final float[] b = residual(noisy.get(1), clean.get(1));
		// also shifted by a few values: generators of related seeds can give shifted copies of one stream
		for (int shift = 0; shift <= 4; shift++) {
			double ab = 0;
			double aa = 0;
			double bb = 0;
			for (int i = 0; i + shift < a.length; i++) {
				ab += a[i + shift] * b[i];
				aa += a[i + shift] * a[i + shift];
				bb += b[i] * b[i];
			}
			// 9216 samples: the correlation of unrelated noise is within 0.05 with overwhelming probability
			assertTrue(Math.abs(ab / Math.sqrt(aa * bb)) < 0.05, "correlation at shift " + shift + ": " + ab / Math
				.sqrt(aa * bb));
		}
	}

	private static float[] residual(final Plane noisy, final Plane clean) {
		final float[] r = new float[noisy.data().length];
		for (int i = 0; i < r.length; i++) r[i] = noisy.data()[i] - clean.data()[i];
		return r;
	}

	@Test
	void aModelIsEvaluatedThroughPredictAndReported() throws IOException {
		final ModelService models = context.service(ModelService.class);
		final Path file = dir.resolve("tiny-supervised.zip");
		final List<Plane> clean = BenchmarkImages.load(set).clean();
		try (Model model = models.create(DenoiseVariant.spec(DenoiseVariant.Training.SUPERVISED, 1, 4, Normalization
			.fixed(0, 255), "gaussian sigma=25")))
		{
			models.train(model, TrainingData.of(List.of(TrainingSource.of(clean.get(0), "img0")), "1 image"),
				SyntheticNoise.gaussian(25), TrainingConfig.defaults().withPatchSize(16).withBatchSize(2).withEpochs(1)
					.withStepsPerEpoch(1), TrainingListener.NONE);
			model.save(file);
		}
		final Path out = dir.resolve("model.md");
		final HourglassCommand m = bench(set, 0, " " + file + " ", out);
		assertOk(m);
		final BenchmarkResult r = result(m);
		assertEquals(2, r.models().size());
		final MethodResult raw = r.models().get(0);
		final MethodResult clipped = r.models().get(1);
		assertEquals("tiny-supervised", raw.method());
		assertEquals("tiny-supervised (clipped)", clipped.method());
		assertTrue(raw.notes().startsWith("trained "), raw.notes());
		assertTrue(raw.notes().contains("1 epoch; supervised, gaussian sigma=25; U-Net depth 1, 4 filters, residual"),
			raw.notes());
		for (int i = 0; i < IMAGES; i++) {
			assertTrue(Double.isFinite(raw.psnr()[i]));
			// the clean images lie in [0, 255], so clipping can only bring the output closer
			assertTrue(clipped.psnr()[i] >= raw.psnr()[i] - 1e-9);
		}
		// the same numbers as predicting directly
		final Plane noisy = BenchmarkNoise.add(clean, 25, 0).get(1);
		try (Model model = models.load(file, DenoiseVariant.ID)) {
			final Plane denoised = model.predict(noisy, PredictOptions.defaults(), Progress.NONE);
			assertEquals(Metrics.psnr(denoised, clean.get(1), 255), raw.psnr()[1], 1e-9);
			assertEquals(Metrics.ssim(denoised, clean.get(1), 255), raw.ssim()[1], 1e-9);
		}
		final String table = (String) m.getOutput("table");
		assertTrue(table.contains("| tiny-supervised | "), table);
		assertTrue(table.contains("| tiny-supervised (clipped) | "), table);
		assertTrue(Files.readString(out).contains("| tiny-supervised |"));
	}

	@Test
	void noisyImagesAreWrittenAs32BitTiffsAndNeverOverwritten() throws IOException {
		final Path noisyDir = dir.resolve("noisy");
		final HourglassCommand m = bench(set, 3, "", dir.resolve("noisy.md"), "writeNoisy", noisyDir.toFile());
		assertOk(m);
		assertEquals(List.of(noisyDir.resolve("img0.tif"), noisyDir.resolve("img1.tif"), noisyDir.resolve(
			"img2.tif")), files(noisyDir));
		final ImagePlus img1 = IJ.openImage(noisyDir.resolve("img1.tif").toString());
		assertEquals(ImagePlus.GRAY32, img1.getType());
		final Plane read = ImagePlanes.plane(img1, 1, RgbPolicy.REFUSE).plane();
		final List<Plane> clean = BenchmarkImages.load(set).clean();
		assertEquals(result(m).noisy().psnr()[1], Metrics.psnr(read, clean.get(1), 255), 1e-12);
		float min = Float.POSITIVE_INFINITY;
		float max = Float.NEGATIVE_INFINITY;
		for (final float v : read.data()) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		assertTrue(min < 0 || max > 255, "not clipped: " + min + ".." + max);

		final byte[] before = Files.readAllBytes(noisyDir.resolve("img1.tif"));
		final Path out = dir.resolve("again.md");
		assertRefused(bench(set, 4, "", out, "writeNoisy", noisyDir.toFile()), "exist already");
		assertArrayEquals(before, Files.readAllBytes(noisyDir.resolve("img1.tif")));
		assertFalse(Files.exists(out));
	}

	// -- bad input: one clear message, nothing written --

	@Test
	void emptyFolderIsRefused() throws IOException {
		final Path empty = Files.createDirectories(dir.resolve("empty"));
		Files.writeString(empty.resolve("readme.txt"), "no images here");
		final Path out = dir.resolve("empty.md");
		assertRefused(bench(empty, 0, "", out), "contains no images");
		assertFalse(Files.exists(out));
	}

	@Test
	void colourAnd16BitImagesAreRefused() throws IOException {
		final Path rgb = Files.createDirectories(dir.resolve("rgb"));
		new FileSaver(new ImagePlus("photo", new ColorProcessor(32, 32))).saveAsPng(rgb.resolve("photo.png")
			.toString());
		assertRefused(bench(rgb, 0, "", dir.resolve("rgb.md")), "'photo.png' is an RGB colour image");
		final Path deep = Files.createDirectories(dir.resolve("deep"));
		new FileSaver(new ImagePlus("deep", new ShortProcessor(32, 32))).saveAsTiff(deep.resolve("deep.tif")
			.toString());
		assertRefused(bench(deep, 0, "", dir.resolve("deep.md")), "8-bit", "deep.tif is 16-bit");
		assertFalse(Files.exists(dir.resolve("rgb.md")));
		assertFalse(Files.exists(dir.resolve("deep.md")));
	}

	@Test
	void unknownModelIsRefusedBeforeAnythingIsWritten() {
		final Path out = dir.resolve("unknown.md");
		final Path noisyDir = dir.resolve("unknown-noisy");
		assertRefused(bench(set, 0, "no-such-model", out, "writeNoisy", noisyDir.toFile()), "no-such-model");
		assertFalse(Files.exists(out));
		assertFalse(Files.exists(noisyDir));
	}

	@Test
	void existingReportIsKeptUnlessReplacing() throws IOException {
		final Path out = Files.writeString(dir.resolve("kept.md"), "earlier results");
		assertRefused(bench(set, 0, "", out), "exists already", "overwrite=true");
		assertEquals("earlier results", Files.readString(out));
		final HourglassCommand m = run("clean", set.toFile(), "sigma", 25.0, "seed", 0L, "models", "", "out", out
			.toFile(), "overwrite", true);
		assertOk(m);
		assertTrue(Files.readString(out).startsWith("# Denoising benchmark: set, sigma 25"));
	}

	@Test
	void badSigmaIsRefused() {
		assertRefused(run("clean", set.toFile(), "sigma", 0.0, "seed", 0L, "models", "", "out", dir.resolve("s.md")
			.toFile(), "overwrite", false), "sigma must be positive");
	}
}
