package org.hourglass.benchmark.denoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.hourglass.api.image.Plane;
import org.hourglass.api.metrics.Metrics;
import org.hourglass.imagej.HourglassCommand;
import org.hourglass.imagej.testing.CommandRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/**
 * The pairs benchmark on two small synthetic pairs whose noisy and clean images have different intensity
 * scales, with a results folder that holds a slightly noisy copy of the truth on yet another scale.
 */
class BenchmarkPairsCommandTest {

	private static final int SIZE = 48;

	@TempDir
	static Path dir;

	private static Context context;
	private static Path pairs;
	private static Path results;

	@BeforeAll
	static void setUp() throws IOException {
		context = new Context();
		pairs = Files.createDirectories(dir.resolve("pairs"));
		results = Files.createDirectories(dir.resolve("results"));
		final SplittableRandom random = new SplittableRandom(3);
		for (final String field : List.of("01", "02")) {
			final ByteProcessor clean = new ByteProcessor(SIZE, SIZE);
			final ByteProcessor noisy = new ByteProcessor(SIZE, SIZE);
			final FloatProcessor result = new FloatProcessor(SIZE, SIZE);
			for (int y = 0; y < SIZE; y++) {
				for (int x = 0; x < SIZE; x++) {
					final double v = 60 + 100 * Math.exp(-((x - 20) * (x - 20) + (y - 24) * (y - 24)) / 200.0) + 20 * Math
						.sin(x / 6.0 + field.hashCode());
					clean.set(x, y, (int) Math.round(v));
					noisy.set(x, y, (int) Math.max(0, Math.min(255, Math.round(0.5 * v + 10 + 12 * random
						.nextGaussian()))));
					result.setf(x, y, (float) (3 * v - 7 + random.nextGaussian()));
				}
			}
			save(clean, pairs.resolve("clean_" + field + ".tif"));
			save(noisy, pairs.resolve("noisy_" + field + ".tif"));
			save(result, results.resolve("noisy_" + field + ".tif"));
		}
	}

	private static void save(final ImageProcessor ip, final Path file) {
		new FileSaver(new ImagePlus(file.getFileName().toString(), ip)).saveAsTiff(file.toString());
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	private static HourglassCommand run(final Object... keyValues) {
		return CommandRuns.run(context, BenchmarkPairsCommand.class, keyValues);
	}

	private static void assertRefused(final HourglassCommand m, final String part) {
		assertTrue(m.isCanceled(), "the command should refuse");
		assertTrue(m.getCancelReason().contains(part), "'" + part + "' in: " + m.getCancelReason());
	}

	private static PairsResult result(final HourglassCommand m) {
		return ((BenchmarkPairsCommand) m.getDelegateObject()).result();
	}

	@Test
	void scoresAfterTheAffineFitBesideNoisyInputAndBestBlur() throws IOException {
		final Path out = dir.resolve("report.md");
		final HourglassCommand m = run("data", pairs.toFile(), "fields", "", "results", "copy=" + results, "out", out
			.toFile(), "overwrite", false);
		assertFalse(m.isCanceled(), m.getCancelReason());
		final PairsResult r = result(m);
		assertEquals(List.of("01", "02"), r.fields());
		assertTrue(r.blur().meanPsnr() > r.noisy().meanPsnr() + 3, r.blur().meanPsnr() + " vs " + r.noisy()
			.meanPsnr());
		final Plane clean = BenchmarkImages.plane(pairs.resolve("clean_02.tif"), true);
		final Plane copy = BenchmarkImages.plane(results.resolve("noisy_02.tif"), false);
		// the result is 3 clean - 7 plus noise of 1: after the fit, a third of that noise is left
		final double expected = Metrics.psnr(Metrics.affineFit(copy, clean), clean, 255);
		assertEquals(expected, r.results().get(0).psnr()[1], 1e-9);
		assertTrue(expected > 50, "psnr " + expected);
		// the noisy input is scored after its fit too: far better than as it is (half the clean scale)
		final Plane noisy = BenchmarkImages.plane(pairs.resolve("noisy_02.tif"), true);
		assertTrue(r.noisy().psnr()[1] > Metrics.psnr(noisy, clean, 255) + 3);
		// each field's sigma is its own best, refined below the coarse step, and not at the grid's edge
		final double sigma = r.blurSigmas()[1];
		assertFalse(r.blurAtEdge()[1]);
		assertTrue(sigma > 0.3 && sigma < 8, "sigma " + sigma);
		final double best = r.blur().psnr()[1];
		for (final double other : new double[] { sigma - 0.05, sigma + 0.05, sigma - 0.5, sigma + 0.5 }) {
			assertTrue(best >= fittedBlurPsnr(noisy, clean, other), "sigma " + other + " beats " + sigma);
		}
		final String report = Files.readString(out);
		assertTrue(report.contains("| copy |"), report);
		assertTrue(report.contains("## SSIM per field"), report);
		assertEquals(MarkdownReport.pairsTable(r), m.getOutput("table"));
		assertEquals(r.blur().meanPsnr(), (Double) m.getOutput("blurPsnr"), 1e-12);
		assertEquals(r.noisy().meanPsnr(), (Double) m.getOutput("noisyPsnr"), 1e-12);
		assertTrue(((String) m.getOutput("table")).contains(String.format(java.util.Locale.ROOT, "| copy | %.2f |", r
			.results().get(0).meanPsnr())));
	}

	private static double fittedBlurPsnr(final Plane noisy, final Plane clean, final double sigma) {
		return Metrics.psnr(Metrics.affineFit(BlurBaseline.blur(noisy, sigma), clean), clean, 255);
	}

	@Test
	void oneFieldOnlyAndNoReport() {
		final HourglassCommand m = run("data", pairs.toFile(), "fields", "02", "results", "", "overwrite", false);
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(List.of("02"), result(m).fields());
		assertTrue(result(m).results().isEmpty());
	}

	@Test
	void badInputIsRefused() throws IOException {
		assertRefused(run("data", pairs.toFile(), "fields", "03", "results", "", "overwrite", false), "Field 03");
		assertRefused(run("data", pairs.toFile(), "fields", "", "results", results.toString(), "overwrite", false),
			"label=folder");
		assertRefused(run("data", pairs.toFile(), "fields", "", "results", "a=" + results + ",a=" + pairs,
			"overwrite", false), "given twice");
		final Path partial = Files.createDirectories(dir.resolve("partial"));
		Files.copy(results.resolve("noisy_01.tif"), partial.resolve("noisy_01.tif"));
		assertRefused(run("data", pairs.toFile(), "fields", "", "results", "p=" + partial, "overwrite", false),
			"No result noisy_02.tif");
		assertRefused(run("data", results.toFile(), "fields", "", "results", "", "overwrite", false),
			"no clean_01 image");
		assertRefused(run("data", pairs.toFile(), "fields", "", "results", "", "out", pairs.resolve("r.md").toFile(),
			"overwrite", false), "input folder");
		final Path exists = Files.writeString(dir.resolve("exists.md"), "keep");
		assertRefused(run("data", pairs.toFile(), "fields", "", "results", "", "out", exists.toFile(), "overwrite",
			false), "exists already");
		assertEquals("keep", Files.readString(exists));
	}
}
