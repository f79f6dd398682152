package org.hourglass.benchmark.superres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.image.Plane;
import org.hourglass.api.metrics.Metrics;
import org.hourglass.api.training.TrainingConfig;
import org.hourglass.api.training.TrainingData;
import org.hourglass.api.training.TrainingListener;
import org.hourglass.api.training.TrainingSource;
import org.hourglass.superres.Bicubic;
import org.hourglass.superres.Downscaler;
import org.hourglass.superres.Downscaling;
import org.hourglass.superres.SuperResVariant;
import org.hourglass.superres.YCbCr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hourglass.imagej.HourglassCommand;
import org.hourglass.imagej.variant.NormalizationChoice;
import org.hourglass.imagej.testing.CommandRuns;
import org.scijava.Context;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;

/**
 * The benchmark command on two small synthetic 8-bit images (an RGB BMP and a grey PNG), with a real SciJava
 * context and the ND4J engine; the one model is a tiny ×2 network trained for a single step.
 */
class BenchmarkSuperResCommandTest {

	@TempDir
	static Path dir;

	private static Context context;
	private static Path set;
	private static Path model;

	@BeforeAll
	static void setUp() throws IOException {
		context = new Context();
		set = Files.createDirectories(dir.resolve("set"));
		final ColorProcessor rgb = new ColorProcessor(42, 38);
		final ByteProcessor grey = new ByteProcessor(40, 36);
		for (int y = 0; y < 38; y++) {
			for (int x = 0; x < 42; x++) {
				final int v = (int) (128 + 100 * Math.sin(x / 3.0) * Math.cos(y / 4.0));
				rgb.set(x, y, v << 16 | (255 - v) << 8 | v / 3);
				if (x < 40 && y < 36) grey.set(x, y, (int) (128 + 90 * Math.sin((x + y) / 2.5)));
			}
		}
		new FileSaver(new ImagePlus("b", rgb)).saveAsBmp(set.resolve("b.bmp").toString());
		new FileSaver(new ImagePlus("a", grey)).saveAsPng(set.resolve("a.png").toString());
		Files.writeString(set.resolve("notes.txt"), "not an image");
		model = dir.resolve("tiny-x2.zip");
		final ModelService models = context.service(ModelService.class);
		try (Model m = models.create(SuperResVariant.spec(2, 1, 4, NormalizationChoice.of("percentile"),
			SuperResVariant.FROM_DOWNSCALING, "bicubic downscaling x2", 16)))
		{
			final Plane p = LiteratureProtocol.luminance(new ImagePlus("b", rgb));
			models.train(m, TrainingData.of(List.of(TrainingSource.of(p, "b")), "b"), new Downscaler(2,
				Downscaling.BICUBIC, 0), TrainingConfig.defaults().withPatchSize(16).withBatchSize(2).withEpochs(1)
					.withStepsPerEpoch(1), TrainingListener.NONE);
			m.save(model);
		}
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	private static HourglassCommand run(final Object... keyValues) {
		return CommandRuns.run(context, BenchmarkSuperResCommand.class, keyValues);
	}

	@Test
	void bicubicAndTheModelInOneReportWithThroughput() throws IOException {
		final Path report = dir.resolve("report.md");
		final HourglassCommand m = run("images", set.toFile(), "models", model.toString(), "factors", "2,4", "augment",
			true, "throughputSize", 64, "out", report.toFile(), "overwrite", false);
		assertFalse(m.isCanceled(), m.getCancelReason());
		final String text = Files.readString(report);
		final String table = (String) m.getOutput("table");
		assertTrue(text.contains(table));
		assertTrue(table.contains("| x2 | bicubic | "), table);
		assertTrue(table.contains("| x4 | bicubic | "), table);
		assertTrue(table.contains("| x2 | tiny-x2 | "), table);
		assertTrue(table.contains("| x2 | tiny-x2 (8 flips and rotations) | "), table);
		assertFalse(table.contains("| x4 | tiny-x2"), "a x2 model is measured at x2 only");
		assertTrue(text.contains("| a.png |") && text.contains("| b.bmp |"), text);
		assertFalse(text.contains("notes.txt"));
		final String speed = (String) m.getOutput("throughput");
		assertTrue(speed.contains("| tiny-x2 | x2 | 64×64 | 128×128 |"), speed);
		assertTrue(text.contains("load average"));

		// the bicubic rows by hand, image by image
		final List<SetImage> images = BenchmarkImages.load(set);
		for (final int f : new int[] { 2, 4 }) {
			double sum = 0;
			for (final SetImage im : images) {
				final Plane truth = LiteratureProtocol.modcrop(im.luminance(), f);
				final Plane up = LiteratureProtocol.quantise(Bicubic.upscale(Bicubic.downscale(truth, f), f));
				final int w = truth.width() - 2 * f;
				final int h = truth.height() - 2 * f;
				sum += Metrics.psnr(up.crop(f, f, w, h), truth.crop(f, f, w, h), 255);
			}
			final String expected = String.format(java.util.Locale.ROOT, "| x%d | bicubic | %.2f |", f, sum / images
				.size());
			assertTrue(table.contains(expected), expected + " in " + table);
		}
	}

	@Test
	void theProtocolsPieces() {
		final ColorProcessor cp = new ColorProcessor(2, 1);
		cp.set(0, 0, 0xff0000);
		cp.set(1, 0, 0x336699);
		final Plane y = LiteratureProtocol.luminance(new ImagePlus("c", cp));
		assertEquals(81, y.get(0, 0), 0, "MATLAB: rgb2ycbcr(uint8([255 0 0])) has Y 81");
		assertEquals(Math.round(YCbCr.luma(0x336699)), y.get(1, 0), 0);
		final Plane p = new Plane(5, 3, new float[] { -3, 0.4f, 0.5f, 254.6f, 300, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 });
		assertArrayEquals(new float[] { 0, 0, 1, 255, 255 }, java.util.Arrays.copyOf(LiteratureProtocol.quantise(p)
			.data(), 5));
		assertEquals(4, LiteratureProtocol.modcrop(p, 2).width());
		assertEquals(2, LiteratureProtocol.modcrop(p, 2).height());
		assertArrayEquals(new float[] { 2, 3, 4 }, LiteratureProtocol.shave(p, 1).data());
		final Plane big = BenchmarkImages.mirrored(new Plane(3, 2, new float[] { 1, 2, 3, 4, 5, 6 }), 7);
		assertArrayEquals(new float[] { 1, 2, 3, 3, 2, 1, 1 }, java.util.Arrays.copyOf(big.data(), 7));
		assertEquals(4, big.get(0, 2), 0);
		assertEquals(1, big.get(0, 4), 0);
	}

	@Test
	void badRequestsAreRefusedAndNothingIsWritten() throws IOException {
		final Path report = dir.resolve("existing.md");
		Files.writeString(report, "keep");
		final HourglassCommand exists = run("images", set.toFile(), "models", "", "factors", "2", "augment", false,
			"throughputSize", 0, "out", report.toFile(), "overwrite", false);
		assertTrue(exists.isCanceled());
		assertTrue(exists.getCancelReason().contains("exists already"), exists.getCancelReason());
		assertEquals("keep", Files.readString(report));
		final Path other = dir.resolve("other.md");
		final HourglassCommand wrongFactor = run("images", set.toFile(), "models", model.toString(), "factors", "4",
			"augment", false, "throughputSize", 0, "out", other.toFile(), "overwrite", false);
		assertTrue(wrongFactor.getCancelReason().contains("upscales x2, which is not among factors=4"), wrongFactor
			.getCancelReason());
		final HourglassCommand badList = run("images", set.toFile(), "models", "", "factors", "3", "augment", false,
			"throughputSize", 0, "out", other.toFile(), "overwrite", false);
		assertTrue(badList.getCancelReason().contains("The factor must be 2 or 4, got 3."), badList.getCancelReason());
		assertFalse(Files.exists(other));
	}
}
