package org.hourglass.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hourglass.api.Encoding;
import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.api.training.EpochResult;
import org.hourglass.imagej.codes.ImageSet;
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

import ij.ImagePlus;
import ij.process.ColorProcessor;

/**
 * The five commands through a real SciJava context with the ND4J engine: tiny networks trained for a few
 * steps on tiny synthetic images (shapes, reproducibility, files and messages are checked here; the quality of
 * a real model in {@link ShippedModelTest} and the benchmark).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandsTest {

	@TempDir
	static Path dir;

	private static Context context;
	private static Path convModel;
	private static ImagePlus shapes;

	@BeforeAll
	static void setUp() {
		context = new Context();
		shapes = Shapes.stack("shapes.tif", 40, 12, 3);
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	static HourglassCommand run(final Context ctx, final Class<? extends Command> command, final Object... keyValues) {
		return CommandRuns.run(ctx, command, keyValues);
	}

	private static HourglassCommand run(final Class<? extends Command> command, final Object... keyValues) {
		return run(context, command, keyValues);
	}

	private static Object[] tinyTraining(final Path model, final Object... more) {
		final Object[] base = { "batchSize", 8, "epochs", 2, "stepsPerEpoch", 3, "filters", 4, "hidden", 16,
			"learningRate", 1e-3, "seed", 1L, "modelFile", model.toFile(), "overwrite", false };
		final Object[] all = new Object[base.length + more.length];
		System.arraycopy(base, 0, all, 0, base.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}

	static void assertCancelled(final HourglassCommand m, final String... parts) {
		assertTrue(m.isCanceled(), "the command should refuse");
		for (final String p : parts) {
			assertTrue(m.getCancelReason().contains(p), "'" + p + "' in: " + m.getCancelReason());
		}
	}

	private static Model load(final Path file) {
		return context.service(ModelService.class).load(file, VaeVariant.ID);
	}

	@Test
	@Order(1)
	void trainAConvolutionalVaeWithBothLossTermsInItsHistory() {
		convModel = dir.resolve("shapes.zip");
		final HourglassCommand m = run(VaeTrainCommand.class, tinyTraining(convModel, "input", shapes, "warmup", 2));
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(convModel.toString(), m.getOutput("modelPath"));
		assertTrue(Double.isFinite((Double) m.getOutput("validationLoss")));
		assertNotNull(m.getOutput("lossCurve"));
		try (Model model = load(convModel)) {
			final ModelSpec spec = model.info().spec();
			assertEquals("convolutional", spec.properties().get(VaeVariant.PROP_NETWORK));
			assertEquals("12", spec.properties().get(VaeVariant.PROP_WIDTH));
			assertEquals(Normalization.fixed(0, 255), spec.normalization(), "8-bit images: 0-255");
			assertEquals(LossTerm.Kind.BCE, spec.loss().reconstruction().kind());
			assertEquals(2, spec.loss().kl().warmupEpochs());
			assertArrayEquals(new int[] { 2 }, model.codeShape());
			final List<EpochResult> history = model.info().history();
			assertEquals(2, history.size());
			for (final EpochResult e : history) {
				for (final var values : List.of(e.training(), e.validation())) {
					final double rec = values.term(LossTerm.RECONSTRUCTION);
					final double kl = values.term(LossTerm.KL_NAME);
					assertTrue(rec > 0 && Double.isFinite(rec), "reconstruction " + rec);
					assertTrue(kl >= 0 && Double.isFinite(kl), "kl " + kl);
				}
				// validation uses the full KL weight: its total is the sum of its terms
				assertEquals(e.validation().term(LossTerm.RECONSTRUCTION) + e.validation().term(LossTerm.KL_NAME), e
					.validationLoss(), 1e-3 * e.validationLoss());
			}
			// epoch 1 of a 2-epoch warm-up trains with half the KL weight
			final EpochResult first = history.get(0);
			assertEquals(first.training().term(LossTerm.RECONSTRUCTION) + 0.5 * first.training().term(LossTerm.KL_NAME),
				first.trainingLoss(), 1e-3 * first.trainingLoss());
			final Encoding code = model.encode(List.of(ImageSet.of(shapes).get(0).plane())).get(0);
			assertNotNull(code.logSigma(), "a Gaussian latent has z_log_sigma");
		}
	}

	@Test
	@Order(1)
	void trainADenseVaeOnImagesOfAnySize() {
		final Path file = dir.resolve("dense.zip");
		final HourglassCommand m = run(VaeTrainCommand.class, tinyTraining(file, "input", Shapes.stack("odd", 20, 10, 4),
			"network", "dense", "latent", 3, "reconstruction", "mse"));
		assertFalse(m.isCanceled(), m.getCancelReason());
		try (Model model = load(file)) {
			final NetworkSpec net = model.info().spec().network();
			assertTrue(net.isDense());
			assertEquals(10, net.inputSize(), "no padding for a dense network");
			assertEquals(LossTerm.Kind.MSE, model.info().spec().loss().reconstruction().kind());
			assertArrayEquals(new int[] { 3 }, model.codeShape());
		}
	}

	@Test
	@Order(2)
	void generateIsReproducibleFromItsSeed() {
		final ImagePlus a = generated(5L, 7, 1.0);
		final ImagePlus b = generated(5L, 7, 1.0);
		final ImagePlus c = generated(6L, 7, 1.0);
		assertEquals(7, a.getStackSize());
		assertEquals(12, a.getWidth());
		assertEquals(ImagePlus.GRAY32, a.getType());
		assertEquals("shapes-generated", a.getTitle());
		assertTrue(a.getStack().getSliceLabel(1).startsWith("z = ("), a.getStack().getSliceLabel(1));
		for (int i = 1; i <= 7; i++) {
			assertArrayEquals((float[]) a.getStack().getPixels(i), (float[]) b.getStack().getPixels(i));
		}
		assertFalse(java.util.Arrays.equals((float[]) a.getStack().getPixels(1), (float[]) c.getStack().getPixels(1)));
		// temperature 0 decodes the prior's mean, z = 0, for every draw
		final ImagePlus cold = generated(5L, 2, 0.0);
		assertArrayEquals((float[]) cold.getStack().getPixels(1), (float[]) cold.getStack().getPixels(2));
		try (Model model = load(convModel)) {
			final Plane centre = model.decode(List.of(new float[2])).get(0);
			assertArrayEquals(centre.data(), (float[]) cold.getStack().getPixels(1), 1e-4f);
			// generated images are in the training images' intensities: 0-255
			for (final float v : centre.data()) assertTrue(v >= 0 && v <= 255, "value " + v);
		}
	}

	private static ImagePlus generated(final long seed, final int count, final double temperature) {
		final HourglassCommand m = run(GenerateCommand.class, "model", convModel.toString(), "count", count, "seed", seed,
			"temperature", temperature);
		assertFalse(m.isCanceled(), m.getCancelReason());
		return (ImagePlus) m.getOutput("generated");
	}

	@Test
	@Order(2)
	void aGridDecodesTheQuantilesAndAPathJoinsTwoCodes() {
		final HourglassCommand g = run(LatentGridCommand.class, "model", convModel.toString(), "steps", 5, "spread", 0.8);
		assertFalse(g.isCanceled(), g.getCancelReason());
		final ImagePlus grid = (ImagePlus) g.getOutput("montage");
		assertEquals(60, grid.getWidth());
		assertEquals(60, grid.getHeight());
		final float[] axis = { (float) NormalQuantile.of(0.1), 0, (float) NormalQuantile.of(0.9) };
		try (Model model = load(convModel)) {
			// the centre tile is z = (0, 0); the top-left tile is (lowest z0, highest z1)
			final List<Plane> expected = model.decode(List.of(new float[] { 0, 0 }, new float[] { axis[0], axis[2] }));
			assertArrayEquals(expected.get(0).data(), tile(grid, 2, 2, 12), 1e-4f);
			assertArrayEquals(expected.get(1).data(), tile(grid, 0, 0, 12), 1e-4f);

			final HourglassCommand p = run(LatentGridCommand.class, "model", convModel.toString(), "mode", "path", "input",
				shapes, "from", 1, "to", 2, "steps", 4);
			assertFalse(p.isCanceled(), p.getCancelReason());
			final ImagePlus path = (ImagePlus) p.getOutput("montage");
			assertEquals(48, path.getWidth());
			assertEquals(12, path.getHeight());
			final List<Encoding> ends = model.encode(List.of(ImageSet.of(shapes).get(0).plane(), ImageSet.of(shapes).get(1)
				.plane()));
			final List<Plane> decodedEnds = model.decode(List.of(ends.get(0).mean(), ends.get(1).mean()));
			assertArrayEquals(decodedEnds.get(0).data(), tile(path, 0, 0, 12), 1e-4f);
			assertArrayEquals(decodedEnds.get(1).data(), tile(path, 0, 3, 12), 1e-4f);
		}
	}

	private static float[] tile(final ImagePlus montage, final int row, final int col, final int size) {
		final float[] all = (float[]) montage.getProcessor().getPixels();
		final float[] out = new float[size * size];
		for (int y = 0; y < size; y++) {
			System.arraycopy(all, (row * size + y) * montage.getWidth() + col * size, out, y * size, size);
		}
		return out;
	}

	@Test
	@Order(2)
	void encodeWritesZMeanAndZLogSigmaToCsvAndNeverOverwrites() throws IOException {
		final Path csv = dir.resolve("codes.csv");
		final HourglassCommand m = run(VaeEncodeCommand.class, "model", convModel.toString(), "input", shapes, "csv", csv
			.toFile(), "overwrite", false);
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(40, m.getOutput("encoded"));
		assertEquals(csv.toString(), m.getOutput("csvFile"));
		final List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		assertEquals("name,slice,z_mean0,z_mean1,z_log_sigma0,z_log_sigma1", lines.get(0));
		assertEquals(41, lines.size());
		try (Model model = load(convModel)) {
			final Encoding first = model.encode(List.of(ImageSet.of(shapes).get(0).plane())).get(0);
			final String[] f = lines.get(1).split(",");
			assertEquals("shapes.tif", f[0]);
			assertEquals("1", f[1]);
			assertEquals(first.mean()[0], Float.parseFloat(f[2]), 1e-5);
			assertEquals(first.logSigma()[1], Float.parseFloat(f[5]), 1e-5);
		}
		final byte[] before = Files.readAllBytes(csv);
		assertCancelled(run(VaeEncodeCommand.class, "model", convModel.toString(), "input", shapes, "csv", csv.toFile(),
			"overwrite", false), "exists already", "overwrite=true");
		assertArrayEquals(before, Files.readAllBytes(csv));
		final HourglassCommand again = run(VaeEncodeCommand.class, "model", convModel.toString(), "input", Shapes.stack(
			"other", 3, 12, 9), "csv", csv.toFile(), "overwrite", true);
		assertFalse(again.isCanceled(), again.getCancelReason());
		assertEquals(4, Files.readAllLines(csv).size());
	}

	@Test
	@Order(2)
	void aLatentMapIsColouredBySliceLabelsOrALabelFile() throws IOException {
		final HourglassCommand m = run(LatentMapCommand.class, "model", convModel.toString(), "input", shapes);
		assertFalse(m.isCanceled(), m.getCancelReason());
		final ImagePlus map = (ImagePlus) m.getOutput("map");
		assertEquals("shapes.tif-latent-map", map.getTitle());
		assertTrue(map.getWidth() > 200 && map.getHeight() > 100);
		assertTrue(colours(map) >= 3, "two label colours besides black and white");

		final Path labels = dir.resolve("labels.csv");
		final StringBuilder sb = new StringBuilder("name,label\n");
		for (int i = 1; i <= 40; i++) sb.append(i).append(',').append(i % 4 == 0 ? "four" : "other").append('\n');
		Files.writeString(labels, sb.toString());
		final HourglassCommand pca = run(LatentMapCommand.class, "model", convModel.toString(), "input", shapes, "labels",
			labels.toFile(), "projection", "pca", "thumbnails", 10);
		assertFalse(pca.isCanceled(), pca.getCancelReason());
		assertEquals(ImagePlus.COLOR_RGB, ((ImagePlus) pca.getOutput("map")).getType());
	}

	/** Distinct colours in an RGB image. */
	private static long colours(final ImagePlus rgb) {
		final int[] px = (int[]) rgb.getProcessor().convertToRGB().getPixels();
		return java.util.Arrays.stream(px).distinct().count();
	}

	@Test
	@Order(3)
	void badInputIsRefusedWithOneMessageAndNothingWritten() throws IOException {
		final String model = convModel.toString();
		// parameters out of range
		assertCancelled(run(GenerateCommand.class, "model", model, "count", 0), "at least 1");
		assertCancelled(run(GenerateCommand.class, "model", model, "count", 2_000_000_000), "ask for fewer");
		assertCancelled(run(GenerateCommand.class, "model", model, "temperature", -1.0), "temperature");
		assertCancelled(run(LatentGridCommand.class, "model", model, "dimY", 2), "2 dimension(s)", "got 0 and 2");
		assertCancelled(run(LatentGridCommand.class, "model", model, "dimX", 1, "dimY", 1), "two different ones");
		assertCancelled(run(LatentGridCommand.class, "model", model, "steps", 1), "between 2 and 100");
		assertCancelled(run(LatentGridCommand.class, "model", model, "mode", "spiral"), "Unknown mode 'spiral'");
		assertCancelled(run(LatentGridCommand.class, "model", model, "mode", "path", "input", shapes, "from", 3, "to",
			3), "the same slice");
		assertCancelled(run(LatentGridCommand.class, "model", model, "mode", "path", "input", shapes, "from", 1, "to",
			41), "has 40 slice(s)");
		assertCancelled(run(LatentGridCommand.class, "model", model, "mode", "path"), "No stack to take");
		assertCancelled(run(LatentMapCommand.class, "model", model, "input", shapes, "dimX", 5), "2 dimension(s)");
		// images of another size than the model's
		final ImagePlus big = Shapes.stack("big", 3, 16, 1);
		assertCancelled(run(LatentGridCommand.class, "model", model, "mode", "path", "input", big), "16x16",
			"trained on 12x12");
		final Path csv = dir.resolve("never.csv");
		assertCancelled(run(VaeEncodeCommand.class, "model", model, "input", big, "csv", csv.toFile()), "16x16");
		assertFalse(Files.exists(csv));
		assertCancelled(run(LatentMapCommand.class, "model", model, "input", big), "16x16");
		assertCancelled(run(VaeEncodeCommand.class, "model", model), "Nothing to encode");
		// models that cannot generate
		final ModelService service = context.service(ModelService.class);
		final Path denoise = dir.resolve("denoise.zip");
		try (Model m = service.create(new ModelSpec("denoise", 1, NetworkSpec.unet(1, 4, true), org.hourglass.api.network
			.Loss.of(LossTerm.Kind.MSE), Normalization.percentile(), null)))
		{
			m.save(denoise);
		}
		assertCancelled(run(GenerateCommand.class, "model", denoise.toString()), "'denoise' model", "'vae'");
		final Path plain = dir.resolve("plain.zip");
		try (Model m = service.create(new ModelSpec(VaeVariant.ID, 1, NetworkSpec.encoderDecoder(new int[] { 4, 4 },
			new int[] { 4 }).withLatent(org.hourglass.api.network.Latent.dense(2), 12), org.hourglass.api.network.Loss.of(
				LossTerm.Kind.MSE), Normalization.none(), null)))
		{
			m.save(plain);
		}
		assertCancelled(run(LatentGridCommand.class, "model", plain.toString()), "not a Gaussian one");
		assertCancelled(run(GenerateCommand.class, "model", dir.resolve("missing.zip").toString()), "missing.zip");
		// training refusals: nothing written
		final Path out = dir.resolve("refused.zip");
		assertCancelled(run(VaeTrainCommand.class, tinyTraining(convModel, "input", shapes)), "exists already",
			"overwrite=true");
		assertCancelled(run(VaeTrainCommand.class, tinyTraining(out, "input", Shapes.stack("one", 1, 12, 1))),
			"at least 2");
		assertCancelled(run(VaeTrainCommand.class, tinyTraining(out, "input", new ImagePlus("rgb", new ColorProcessor(12,
			12)))), "RGB");
		assertCancelled(run(VaeTrainCommand.class, tinyTraining(out, "input", shapes, "normalization", "none")),
			"maps to 0 to 255", "normalization=auto");
		assertCancelled(run(VaeTrainCommand.class, tinyTraining(out, "input", shapes, "network", "recurrent")),
			"Unknown network 'recurrent'");
		assertCancelled(run(VaeTrainCommand.class, tinyTraining(out, "input", shapes, "latent", 0)), "latent dimension");
		assertCancelled(run(VaeTrainCommand.class, tinyTraining(out)), "No training images");
		final ImagePlus mixed = Shapes.stack("mixed", 2, 12, 1);
		assertCancelled(run(VaeTrainCommand.class, tinyTraining(out, "input", mixed, "validation", big)), "must all be 12x12",
			"resize=crop");
		assertCancelled(run(VaeTrainCommand.class, tinyTraining(out, "input", shapes, "initialModel", denoise
			.toString())), "'denoise' model");
		assertFalse(Files.exists(out));
	}
}
