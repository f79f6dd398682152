package org.hourglass.benchmark.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import org.hourglass.api.image.NormalizationParams;
import org.hourglass.api.image.Plane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hourglass.imagej.HourglassCommand;
import org.hourglass.imagej.testing.CommandRuns;
import org.scijava.Context;

import ij.IJ;
import ij.ImagePlus;

/**
 * The benchmark command on a tiny folder of IDX "digits" (12×12 bars, two classes) written by the test, with a
 * real SciJava context and the ND4J engine; and the ELBO's two parts on values computed by hand.
 */
class BenchmarkVaeCommandTest {

	private static final int SIZE = 12;

	@TempDir
	static Path dir;

	private static Context context;
	private static Path digits;

	@BeforeAll
	static void setUp() throws IOException {
		context = new Context();
		digits = Files.createDirectories(dir.resolve("digits"));
		writeIdx(digits.resolve("train-first10k-images-idx3-ubyte.gz"), digits.resolve(
			"train-first10k-labels-idx1-ubyte.gz"), 48, 1);
		writeIdx(digits.resolve("t10k-images-idx3-ubyte.gz"), digits.resolve("t10k-labels-idx1-ubyte.gz"), 20, 2);
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	/** Label 0: a vertical bar, label 1: a horizontal bar, at random places; gzipped IDX as MNIST ships it. */
	private static void writeIdx(final Path images, final Path labels, final int n, final long seed) throws IOException {
		final SplittableRandom r = new SplittableRandom(seed);
		try (DataOutputStream img = idx(images, 0x803, n, SIZE, SIZE); DataOutputStream lab = idx(labels, 0x801, n)) {
			for (int i = 0; i < n; i++) {
				final int label = i % 2;
				final int at = 2 + r.nextInt(SIZE - 4);
				for (int y = 0; y < SIZE; y++) {
					for (int x = 0; x < SIZE; x++) {
						final boolean on = label == 0 ? Math.abs(x - at) <= 1 : Math.abs(y - at) <= 1;
						img.writeByte(on ? 180 + r.nextInt(76) : 0);
					}
				}
				lab.writeByte(label);
			}
		}
	}

	private static DataOutputStream idx(final Path file, final int magic, final int... dims) throws IOException {
		final OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
		final DataOutputStream d = new DataOutputStream(out);
		d.writeInt(magic);
		for (final int v : dims) d.writeInt(v);
		return d;
	}

	private static HourglassCommand run(final Object... keyValues) {
		return CommandRuns.run(context, BenchmarkVaeCommand.class, keyValues);
	}

	@Test
	void trainsMeasuresAndWritesTheReportAndFigures() throws IOException {
		final Path models = Files.createDirectories(dir.resolve("models"));
		final Path report = dir.resolve("vae.md");
		final Path grid = dir.resolve("grid.png");
		final Path map = dir.resolve("map.png");
		final Object[] args = { "data", digits.toFile(), "latents", "2,3", "filters", 4, "epochs", 2, "stepsPerEpoch",
			3, "batchSize", 8, "minutes", 0.0, "modelFolder", models.toFile(), "report", report.toFile(), "grid", grid
				.toFile(), "map", map.toFile(), "overwrite", false };
		final HourglassCommand m = run(args);
		assertFalse(m.isCanceled(), m.getCancelReason());
		final String summary = (String) m.getOutput("summary");
		assertTrue(summary.startsWith("d=2: test -ELBO ") && summary.contains("; d=3: test -ELBO "), summary);
		assertTrue(Files.isRegularFile(models.resolve("vae-digits-d2.zip")));
		assertTrue(Files.isRegularFile(models.resolve("vae-digits-d3.zip")));
		final String text = Files.readString(report);
		assertTrue(text.contains("| 2 | convolutional 4-8-8, dense [64] | 2 ("), text);
		assertTrue(text.contains("hourglass run benchmark-vae data=" + digits), text);
		assertTrue(text.contains("Test digits: 20"), text);
		final ImagePlus g = IJ.openImage(grid.toString());
		assertEquals(15 * SIZE, g.getWidth(), "a 15 x 15 grid of 12 x 12 digits");
		assertEquals(15 * SIZE, g.getHeight());
		assertTrue(IJ.openImage(map.toString()).getWidth() > 200);

		// nothing is replaced without overwrite, and that is known before any training
		final byte[] before = Files.readAllBytes(report);
		final HourglassCommand again = run(args);
		assertTrue(again.isCanceled());
		assertTrue(again.getCancelReason().contains("exists already"), again.getCancelReason());
		assertArrayEquals(before, Files.readAllBytes(report));

		// the trained models can be measured again without training
		final Path report2 = dir.resolve("again.md");
		final HourglassCommand evaluate = run("data", digits.toFile(), "latents", "2", "modelFolder", models.toFile(),
			"evaluateOnly", true, "report", report2.toFile(), "overwrite", false);
		assertFalse(evaluate.isCanceled(), evaluate.getCancelReason());
		assertTrue(((String) evaluate.getOutput("summary")).startsWith("d=2: test -ELBO"));
	}

	@Test
	void badInvocationsAreRefused() {
		final Path report = dir.resolve("never.md");
		HourglassCommand m = run("data", digits.toFile(), "latents", "2,x", "modelFolder", dir.toFile(), "report", report
			.toFile());
		assertTrue(m.isCanceled() && m.getCancelReason().contains("separated by commas"), m.getCancelReason());
		m = run("data", dir.resolve("nowhere").toFile(), "latents", "2", "modelFolder", dir.toFile(), "report", report
			.toFile());
		assertTrue(m.isCanceled() && m.getCancelReason().contains("has none of"), m.getCancelReason());
		m = run("data", digits.toFile(), "latents", "7", "modelFolder", dir.toFile(), "evaluateOnly", true, "report",
			report.toFile());
		assertTrue(m.isCanceled() && m.getCancelReason().contains("no model"), m.getCancelReason());
		assertFalse(Files.exists(report));
	}

	@Test
	void theElboPartsByHand() {
		// KL(N(1, e^0) || N(0, 1)) = 1/2; KL(N(0, e^{-1}) || N(0, 1)) = 1/2 (e^-2 - 1 + 2)
		assertEquals(0.5, Elbo.kl(new float[] { 1 }, new float[] { 0 }), 1e-9);
		assertEquals(0.5 * (Math.exp(-2) + 1), Elbo.kl(new float[] { 0 }, new float[] { -1 }), 1e-7);
		final NormalizationParams byte255 = NormalizationParams.between(0, 255);
		// targets 0, 1, 0.5 against probabilities 0.2, 0.9, 0.5
		final Plane image = new Plane(3, 1, new float[] { 0, 255, 127.5f });
		final Plane decoded = new Plane(3, 1, new float[] { 51, 229.5f, 127.5f });
		assertEquals(-Math.log(0.8) - Math.log(0.9) + Math.log(2), Elbo.crossEntropy(image, decoded, byte255), 1e-6);
		// a certain wrong answer costs -log(1e-7), as in Keras, not infinity
		final double clipped = Elbo.crossEntropy(new Plane(1, 1, new float[] { 255 }), new Plane(1, 1, new float[] { 0 }),
			byte255);
		assertEquals(-Math.log(Elbo.EPSILON), clipped, 1e-6);
		assertEquals(List.of(2, 16), BenchmarkVaeCommand.dimensions(" 2, 16,2"));
	}
}
