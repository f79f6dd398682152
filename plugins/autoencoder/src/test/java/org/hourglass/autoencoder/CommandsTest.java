package org.hourglass.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.hourglass.imagej.HourglassCommand;
import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.LossTerm;
import org.hourglass.imagej.testing.CommandRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.Command;

import ij.ImagePlus;
import ij.io.FileSaver;

/**
 * The autoencoder's commands through a real SciJava context with the ND4J engine: tiny networks trained for a
 * few steps on tiny synthetic stacks (shapes, files, tables and messages are checked, not the quality of the
 * codes; the shipped model's quality is checked in {@link SampleModelTest}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandsTest {

	@TempDir
	static Path dir;

	private static Context context;
	private static Path dense;
	private static ImagePlus stack;

	@BeforeAll
	static void setUp() {
		context = new Context();
		stack = Images.blobs("blobs.tif", 14, 14, 12, 1);
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	static HourglassCommand run(final Class<? extends Command> command, final Object... keyValues) {
		return CommandRuns.run(context, command, keyValues);
	}

	/** A tiny training: two levels of 4 filters, 2 epochs of 3 steps. */
	static Object[] tiny(final Path model, final Object... more) {
		final Object[] base = { "filters", "4,4", "latent", "dense", "codeSize", 2, "batchSize", 4, "epochs", 2,
			"stepsPerEpoch", 3, "learningRate", 1e-3, "seed", 1L, "modelFile", model.toFile(), "overwrite", false };
		final Object[] all = new Object[base.length + more.length];
		System.arraycopy(base, 0, all, 0, base.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}

	static void assertRefused(final HourglassCommand m, final String... parts) {
		assertTrue(m.isCanceled(), "the command should refuse");
		for (final String p : parts) {
			assertTrue(m.getCancelReason().contains(p), "'" + p + "' in: " + m.getCancelReason());
		}
	}

	@Test
	@Order(1)
	void trainADenseCodeOfTwoValues() {
		dense = dir.resolve("dense.zip");
		final HourglassCommand m = run(TrainAutoencoderCommand.class, tiny(dense, "input", stack));
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(dense.toString(), m.getOutput("modelPath"));
		assertTrue(Double.isFinite((Double) m.getOutput("validationLoss")));
		assertNotNull(m.getOutput("lossCurve"));
		try (Model model = context.service(ModelService.class).load(dense, AutoencoderVariant.ID)) {
			final ModelSpec spec = model.info().spec();
			assertEquals(Latent.dense(2), spec.network().latent());
			assertEquals(16, spec.network().inputSize(), "14x14 images on a 16x16 canvas for two poolings");
			assertEquals("14", spec.properties().get(AutoencoderVariant.PROP_IMAGE_WIDTH));
			assertEquals(LossTerm.Kind.MSE, spec.loss().reconstruction().kind());
			assertEquals(2, model.info().history().size());
			assertArrayEquals(new int[] { 2 }, model.codeShape());
			assertTrue(model.info().trainingData().contains("12 images of 14x14"), model.info().trainingData());
		}
	}

	@Test
	@Order(1)
	void trainTheLessonsConvolutionalCodeWithBinaryCrossEntropy() throws IOException {
		final Path file = dir.resolve("conv.zip");
		final HourglassCommand m = run(TrainAutoencoderCommand.class, tiny(file, "input", stack, "latent",
			"convolutional", "codeSize", 3, "loss", "bce"));
		assertFalse(m.isCanceled(), m.getCancelReason());
		try (Model model = context.service(ModelService.class).load(file, AutoencoderVariant.ID)) {
			assertArrayEquals(new int[] { 3, 4, 4 }, model.codeShape());
			assertEquals(LossTerm.Kind.BCE, model.info().spec().loss().reconstruction().kind());
		}
		final Path csv = dir.resolve("conv-codes.csv");
		final HourglassCommand e = run(EncodeCommand.class, "model", file.toString(), "input", stack, "csv", csv.toFile());
		assertFalse(e.isCanceled(), e.getCancelReason());
		assertEquals("3x4x4", e.getOutput("codeShape"));
		final List<String> lines = Files.readAllLines(csv);
		assertTrue(lines.get(0).startsWith("# code shape 3x4x4"), lines.get(0));
		assertTrue(lines.get(1).startsWith("name,slice,z0,z1,") && lines.get(1).endsWith(",z47"), lines.get(1));
		assertEquals(2 + 12, lines.size());
	}

	@Test
	@Order(2)
	void encodeAStackIntoATableAndACsvFile() throws IOException {
		final Path csv = dir.resolve("codes.csv");
		final HourglassCommand m = run(EncodeCommand.class, "model", dense.toString(), "input", stack, "csv", csv
			.toFile());
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(12, m.getOutput("images"));
		assertEquals("2", m.getOutput("codeShape"));
		final List<String> lines = Files.readAllLines(csv);
		assertEquals("name,slice,z0,z1", lines.get(0));
		assertEquals(13, lines.size());
		assertTrue(lines.get(3).startsWith("blobs.tif,3,"), lines.get(3));
		final String[] first = lines.get(1).split(",");
		assertTrue(Float.isFinite(Float.parseFloat(first[2])) && Float.isFinite(Float.parseFloat(first[3])));
		final EncodeCommand command = (EncodeCommand) m.getDelegateObject();
		assertEquals(12, command.rows().size());

		final HourglassCommand again = run(EncodeCommand.class, "model", dense.toString(), "input", stack, "csv", csv
			.toFile());
		assertRefused(again, "exists already", "overwrite=true");
		assertEquals(lines, Files.readAllLines(csv), "the existing file is unchanged");
		assertFalse(run(EncodeCommand.class, "model", dense.toString(), "input", stack, "csv", csv.toFile(),
			"overwrite", true).isCanceled());
	}

	@Test
	@Order(2)
	void encodeAFolderNamesEachFile() throws IOException {
		final Path folder = Files.createDirectories(dir.resolve("folder"));
		for (int i = 1; i <= 3; i++) {
			new FileSaver(Images.blobs("b" + i, 14, 14, 1, i)).saveAsTiff(folder.resolve("b" + i + ".tif").toString());
		}
		final Path csv = dir.resolve("folder-codes.csv");
		final HourglassCommand m = run(EncodeCommand.class, "model", dense.toString(), "inputFolder", folder.toFile(),
			"csv", csv.toFile());
		assertFalse(m.isCanceled(), m.getCancelReason());
		final List<String> lines = Files.readAllLines(csv);
		assertEquals(4, lines.size());
		assertTrue(lines.get(1).startsWith("b1.tif,0,") && lines.get(3).startsWith("b3.tif,0,"), lines.toString());
	}

	@Test
	@Order(2)
	void reconstructGivesOneImagePerSliceAndItsError() throws IOException {
		final Path csv = dir.resolve("errors.csv");
		final HourglassCommand m = run(ReconstructCommand.class, "model", dense.toString(), "input", stack, "csv", csv
			.toFile());
		assertFalse(m.isCanceled(), m.getCancelReason());
		final ImagePlus out = (ImagePlus) m.getOutput("output");
		assertEquals("blobs-reconstructed", out.getTitle());
		assertEquals(14, out.getWidth());
		assertEquals(12, out.getStackSize());
		assertEquals(32, out.getBitDepth());
		final double mse = (Double) m.getOutput("mse");
		assertTrue(mse > 0 && Double.isFinite(mse), "mse " + mse);
		final double normalised = (Double) m.getOutput("normalisedMse");
		assertEquals(mse / (255.0 * 255.0), normalised, 1e-9, "0-255 normalisation of 8-bit images");
		final List<String> lines = Files.readAllLines(csv);
		assertEquals("name,slice,mse,normalised_mse", lines.get(0));
		assertEquals(13, lines.size());
	}

	@Test
	@Order(2)
	void embeddingMapWithSliceLabelsAndThumbnails() throws IOException {
		final Path csv = dir.resolve("map.csv");
		final HourglassCommand m = run(EmbeddingMapCommand.class, "model", dense.toString(), "input", stack, "thumbnails",
			5, "csv", csv.toFile());
		assertFalse(m.isCanceled(), m.getCancelReason());
		final ImagePlus map = (ImagePlus) m.getOutput("map");
		assertEquals("blobs-map", map.getTitle());
		assertEquals(ImagePlus.COLOR_RGB, map.getType());
		assertTrue(map.getWidth() >= 2 * EmbeddingMap.PLOT_WIDTH, "two maps side by side: " + map.getWidth());
		assertEquals(1.0, (Double) m.getOutput("codeVariance"), "a 2-value code is its own map");
		final EmbeddingMapCommand c = (EmbeddingMapCommand) m.getDelegateObject();
		assertEquals("left", c.labels().get(0));
		assertEquals("right", c.labels().get(1));
		assertEquals(12, c.result().codePoints().length);
		assertEquals("name,slice,map0,map1,pca0,pca1", Files.readAllLines(csv).get(0));

		final Path labels = dir.resolve("labels.csv");
		final StringBuilder sb = new StringBuilder("name,label\n");
		for (int i = 1; i <= 12; i++) sb.append(i).append(',').append(i <= 6 ? "early" : "late").append('\n');
		Files.writeString(labels, sb.toString());
		final HourglassCommand f = run(EmbeddingMapCommand.class, "model", dense.toString(), "input", stack, "labelFile",
			labels.toFile());
		assertFalse(f.isCanceled(), f.getCancelReason());
		assertEquals("late", ((EmbeddingMapCommand) f.getDelegateObject()).labels().get(11));
	}

	@Test
	@Order(2)
	void nearestImagesOfASliceStartWithItself() {
		final HourglassCommand m = run(NearestImagesCommand.class, "model", dense.toString(), "query", stack,
			"querySlice", 3, "input", stack, "k", 4);
		assertFalse(m.isCanceled(), m.getCancelReason());
		final List<NearestImagesCommand.Hit> hits = ((NearestImagesCommand) m.getDelegateObject()).hits();
		assertEquals(4, hits.size());
		assertEquals(3, hits.get(0).slice(), "the query itself is the nearest");
		assertEquals(0, hits.get(0).distance(), 1e-6);
		for (int i = 1; i < hits.size(); i++) assertTrue(hits.get(i).distance() >= hits.get(i - 1).distance());
		assertTrue(((String) m.getOutput("nearest")).startsWith("blobs.tif:3 (0"), (String) m.getOutput("nearest"));
		final ImagePlus montage = (ImagePlus) m.getOutput("montage");
		assertTrue(montage.getWidth() >= 5 * Montage.TILE, "query and 4 images in one row: " + montage.getWidth());
	}

	@Test
	void distancesShowThreeDigitsOfTheLargestSoRoundingNoiseReadsAsZero() {
		final List<NearestImagesCommand.Hit> hits = List.of(new NearestImagesCommand.Hit(1, 0, "a", 1, 6.66e-8),
			new NearestImagesCommand.Hit(2, 1, "b", 2, 0.0796));
		assertEquals("0.0000 0.0796", String.format(Locale.ROOT, NearestImagesCommand.distanceFormat(hits) + " "
			+ NearestImagesCommand.distanceFormat(hits), 6.66e-8, 0.0796));
		assertEquals("%.0f", NearestImagesCommand.distanceFormat(List.of(new NearestImagesCommand.Hit(1, 0, "a", 1,
			150.0))));
	}

	@Test
	@Order(3)
	void fineTuningKeepsTheNetworkAndBringsImagesToItsSize() {
		final Path tuned = dir.resolve("tuned.zip");
		final ImagePlus larger = Images.blobs("larger", 18, 18, 6, 3);
		assertRefused(run(TrainAutoencoderCommand.class, tiny(tuned, "input", larger, "initialModel", dense
			.toString())), "must all be 14x14 (the size the model to start from was trained on)",
			"resize=crop or resize=scale");
		assertFalse(Files.exists(tuned));
		final HourglassCommand m = run(TrainAutoencoderCommand.class, tiny(tuned, "input", larger, "initialModel", dense
			.toString(), "resize", "crop", "codeSize", 7));
		assertFalse(m.isCanceled(), m.getCancelReason());
		try (Model model = context.service(ModelService.class).load(tuned, AutoencoderVariant.ID)) {
			assertArrayEquals(new int[] { 2 }, model.codeShape(), "the start model's network is kept");
			assertEquals(4, model.info().history().size());
		}
	}

	@Test
	@Order(3)
	void anInterruptedTrainingIsNeverStartedOverSilently() throws IOException {
		final Path file = dir.resolve("resumed.zip");
		final Path checkpoint = dir.resolve("resumed.checkpoint.zip");
		assertFalse(run(TrainAutoencoderCommand.class, tiny(file, "input", stack, "epochs", 1)).isCanceled());
		// what an interrupted run leaves behind
		Files.copy(file, checkpoint);
		assertRefused(run(TrainAutoencoderCommand.class, tiny(file, "input", stack)), "resume=true", "overwrite=true");
	}
}
