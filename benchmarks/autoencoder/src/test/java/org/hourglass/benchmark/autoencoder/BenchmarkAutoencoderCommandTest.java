package org.hourglass.benchmark.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import org.hourglass.imagej.HourglassCommand;
import org.hourglass.imagej.testing.CommandRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

import ij.IJ;

/**
 * The benchmark on tiny synthetic IDX "digits" (two classes: a bar on the left or on the right): it trains,
 * scores both methods, writes the report, the map and the model, and refuses to replace them.
 */
class BenchmarkAutoencoderCommandTest {

	@TempDir
	static Path dir;

	private static Context context;

	@BeforeAll
	static void setUp() throws IOException {
		context = new Context();
		writeDigits(dir.resolve(Digits.TRAIN_IMAGES), dir.resolve(Digits.TRAIN_LABELS), 60, 1);
		writeDigits(dir.resolve(Digits.TEST_IMAGES), dir.resolve(Digits.TEST_LABELS), 30, 2);
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	/** {@code n} 28×28 images, class i % 2: a bright bar on the left (0) or the right (1), with noise. */
	static void writeDigits(final Path images, final Path labels, final int n, final long seed) throws IOException {
		final SplittableRandom r = new SplittableRandom(seed);
		try (DataOutputStream im = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(images)));
			DataOutputStream lb = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(labels))))
		{
			im.writeInt(0x0803);
			im.writeInt(n);
			im.writeInt(28);
			im.writeInt(28);
			lb.writeInt(0x0801);
			lb.writeInt(n);
			for (int i = 0; i < n; i++) {
				final int label = i % 2;
				for (int y = 0; y < 28; y++) {
					for (int x = 0; x < 28; x++) {
						final boolean bar = y > 4 && y < 24 && Math.abs(x - (label == 0 ? 9 : 19)) < 3;
						im.writeByte(bar ? 200 + r.nextInt(50) : r.nextInt(20));
					}
				}
				lb.writeByte(label);
			}
		}
	}

	private static HourglassCommand run(final Object... keyValues) {
		return CommandRuns.run(context, BenchmarkAutoencoderCommand.class, keyValues);
	}

	@Test
	void scoresBothMethodsAndWritesReportMapAndModel() throws IOException {
		final Path out = Files.createDirectories(dir.resolve("out"));
		final Path report = out.resolve("report.md");
		final Object[] args = { "digits", dir.toFile(), "sizes", "2", "filters", "4,4,4", "epochs", 1, "stepsPerEpoch",
			2, "batchSize", 8, "minutes", 0.0, "report", report.toFile(), "figures", out.toFile(), "modelFolder", out
				.toFile() };
		final HourglassCommand m = run(args);
		assertFalse(m.isCanceled(), m.getCancelReason());
		final DigitsBenchmark.Result result = ((BenchmarkAutoencoderCommand) m.getDelegateObject()).result();
		assertEquals(54, result.trainCount());
		assertEquals(6, result.validationCount());
		assertEquals(2, result.rows().size());
		assertEquals("PCA", result.rows().get(0).method());
		for (final DigitsBenchmark.Row r : result.rows()) {
			assertTrue(r.scores().mse() > 0 && r.scores().mse() < 1, r.toString());
			assertTrue(r.scores().knn() >= 0 && r.scores().knn() <= 1, r.toString());
		}
		assertTrue(result.rows().get(0).scores().knn() > 0.9, "two bars apart are easy for PCA: " + result.rows().get(
			0));
		final String text = Files.readString(report);
		assertTrue(text.contains("| PCA | 2 |") && text.contains("| autoencoder | 2 |"), text);
		assertTrue(text.contains("54 training digits"), text);
		assertArrayEquals(new int[] { 2 * 560, 480 + 24 }, size(out.resolve("autoencoder-map-d2.png")));
		assertTrue(Files.isRegularFile(out.resolve("autoencoder-digits-d2.zip")));

		final byte[] before = Files.readAllBytes(report);
		final HourglassCommand again = run(args);
		assertTrue(again.isCanceled());
		assertTrue(again.getCancelReason().contains("exists already"), again.getCancelReason());
		assertArrayEquals(before, Files.readAllBytes(report));
	}

	@Test
	void refusesAFolderWithoutTheDigitsAndBadSizes() throws IOException {
		final Path empty = Files.createDirectories(dir.resolve("none"));
		final HourglassCommand m = run("digits", empty.toFile(), "report", empty.resolve("r.md").toFile());
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("has no " + Digits.TRAIN_IMAGES), m.getCancelReason());
		final HourglassCommand s = run("digits", dir.toFile(), "sizes", "2,0", "report", empty.resolve("r.md").toFile());
		assertTrue(s.getCancelReason().contains("at least 1"), s.getCancelReason());
		final HourglassCommand l = run("digits", dir.toFile(), "lesson", true, "filters", "4,4", "epochs", 1,
			"stepsPerEpoch", 1, "report", empty.resolve("r.md").toFile());
		assertTrue(l.getCancelReason().contains("three levels"), l.getCancelReason());
		try (var files = Files.list(empty)) {
			assertEquals(0, files.count(), "nothing written");
		}
	}

	@Test
	void evenlySpacedSubsetsKeepEveryClass() {
		assertArrayEquals(new int[] { 0, 2500, 5000, 7500 }, Digits.spaced(10_000, 4));
		assertEquals(10, Digits.spaced(10, 0).length);
	}

	private static int[] size(final Path png) {
		final var imp = IJ.openImage(png.toString());
		return new int[] { imp.getWidth(), imp.getHeight() };
	}
}
