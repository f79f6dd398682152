package org.hourglass.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hourglass.api.Encoding;
import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.ModelFileException;
import org.hourglass.api.ModelService;
import org.hourglass.api.PredictOptions;
import org.hourglass.api.Progress;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.ChannelNormalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.engine.file.ArchiveContents;
import org.hourglass.engine.file.ModelArchive;
import org.hourglass.engine.file.StoredArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

class ModelTest {

	private Context context;
	private ModelService service;

	@TempDir
	Path dir;

	@BeforeEach
	void setUp() {
		context = new Context(ModelService.class);
		service = context.service(ModelService.class);
	}

	@AfterEach
	void tearDown() {
		context.dispose();
	}

	/** The network applied once to the whole image, mirrored by the halo and normalised like predict. */
	private static Plane untiled(final Nd4jModel model, final Plane image) {
		final ChannelNormalization params = ImageStats.params(model.info().spec().normalization(), null, image);
		return model.inference().predictor().predict(image, params, PredictOptions.defaults().withTileSize(1024),
			Progress.NONE);
	}

	@Test
	void tiledPredictionEqualsUntiledPrediction() {
		assertTiledEqualsUntiled(Fixtures.tinyUnet());
	}

	/** Max-blur pooling reaches further than max pooling; the halo, from the receptive field, still covers it. */
	@Test
	void tiledPredictionEqualsUntiledPredictionWithN2V2sNetwork() {
		assertTiledEqualsUntiled(Fixtures.tinyUnet().withPooling(NetworkSpec.Pooling.MAX_BLUR).withSkips(
			NetworkSpec.Skips.BELOW_FULL_RESOLUTION));
	}

	private void assertTiledEqualsUntiled(final NetworkSpec net) {
		try (Model model = service.create(Fixtures.spec(net))) {
			final Plane image = Fixtures.image(50, 38, 1);
			final Plane whole = untiled((Nd4jModel) model, image);
			final Plane tiled = model.predict(image, PredictOptions.defaults().withTileSize(12).withBatchSize(3),
				Progress.NONE);
			// values around 100: 1e-4 relative to the normalised range
			final double range = 100;
			assertTrue(Fixtures.maxAbsDiff(whole, tiled) / range < 1e-4, "difference " + Fixtures.maxAbsDiff(whole,
				tiled));
		}
	}

	@Test
	void oneTileIsTheNetworkOnTheMirroredImage() {
		try (Nd4jModel model = (Nd4jModel) service.create(Fixtures.spec(Fixtures.tinyConv(), Loss.of(LossTerm.Kind.MSE),
			Normalization.none())))
		{
			// 16x16 fits one tile; the network on the image mirrored by the halo, cropped, is the same
			final Plane image = Fixtures.image(16, 16, 2);
			final int halo = model.inference().predictor().halo(PredictOptions.defaults());
			final int n = 16 + 2 * halo;
			final Plane padded = new Plane(n, n);
			for (int y = 0; y < n; y++) {
				for (int x = 0; x < n; x++) padded.set(x, y, image.get(mirror(x - halo, 16), mirror(y - halo, 16)));
			}
			final Plane expected = model.inference().raw(padded).crop(halo, halo, 16, 16);
			final Plane actual = model.predict(image, PredictOptions.defaults(), Progress.NONE);
			assertTrue(Fixtures.maxAbsDiff(expected, actual) < 1e-3, "difference " + Fixtures.maxAbsDiff(expected,
				actual));
		}
	}

	private static int mirror(final int i, final int n) {
		int m = Math.floorMod(i, 2 * (n - 1));
		return m < n ? m : 2 * (n - 1) - m;
	}

	@Test
	void twoThreadsPredictingAtOnceBothGetTheRightResult() throws Exception {
		try (Model model = service.create(Fixtures.spec(Fixtures.tinyUnet()))) {
			final Plane a = Fixtures.image(40, 40, 3);
			final Plane b = Fixtures.image(32, 48, 4);
			final PredictOptions options = PredictOptions.defaults().withTileSize(16).withBatchSize(1);
			final Plane expectedA = model.predict(a, options, Progress.NONE);
			final Plane expectedB = model.predict(b, options, Progress.NONE);
			final ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				for (int round = 0; round < 3; round++) {
					final Future<Plane> fa = pool.submit(() -> model.predict(a, options, Progress.NONE));
					final Future<Plane> fb = pool.submit(() -> model.predict(b, options, Progress.NONE));
					assertEquals(expectedA, fa.get());
					assertEquals(expectedB, fb.get());
				}
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	@Test
	void testTimeAugmentationAveragesTheEightSymmetries() {
		try (Model model = service.create(Fixtures.spec(Fixtures.tinyUnet()))) {
			final Plane image = Fixtures.image(24, 20, 7);
			final PredictOptions once = PredictOptions.defaults();
			final Plane augmented = model.predict(image, once.withAugment(true), Progress.NONE);
			final float[] mean = new float[image.data().length];
			for (int t = 0; t < org.hourglass.engine.image.Symmetry.COUNT; t++) {
				final Plane p = org.hourglass.engine.image.Symmetry.invert(model.predict(org.hourglass.engine.image.Symmetry
					.apply(image, t), once, Progress.NONE), t);
				for (int i = 0; i < mean.length; i++) mean[i] += p.data()[i] / 8;
			}
			assertTrue(Fixtures.maxAbsDiff(new Plane(24, 20, mean), augmented) < 1e-3);
			assertTrue(Fixtures.maxAbsDiff(model.predict(image, once, Progress.NONE), augmented) > 1e-3,
				"an untrained network is not symmetric: the average differs from one prediction");
		}
	}

	@Test
	void applyRunsWholePlanesInBatches() {
		try (Model model = service.create(Fixtures.spec(Fixtures.tinyConv(), Loss.of(LossTerm.Kind.MSE), Normalization
			.fixed(0, 200))))
		{
			final List<Plane> planes = List.of(Fixtures.image(16, 12, 1), Fixtures.image(16, 12, 2), Fixtures.image(16, 12,
				3));
			final List<Plane> out = model.apply(planes, 2, Progress.NONE);
			assertEquals(3, out.size());
			assertArrayEquals(model.apply(planes.subList(2, 3), 1, Progress.NONE).get(0).data(), out.get(2).data(),
				1e-4f);
			final InvalidInputException e = assertThrows(InvalidInputException.class, () -> model.apply(List.of(Fixtures
				.image(16, 12, 1), Fixtures.image(16, 16, 1)), 2, Progress.NONE));
			assertTrue(e.getMessage().contains("one size"), e.getMessage());
			assertTrue(assertThrows(InvalidInputException.class, () -> model.apply(List.of(Fixtures.image(15, 12, 1)), 1,
				Progress.NONE)).getMessage().contains("multiple of 2"));
		}
	}

	@Test
	void predictionRefusesNonFiniteValues() {
		try (Model model = service.create(Fixtures.spec(Fixtures.tinyConv()))) {
			final Plane image = Fixtures.image(16, 16, 5);
			image.set(3, 3, Float.NaN);
			final InvalidInputException e = assertThrows(InvalidInputException.class, () -> model.predict(image,
				PredictOptions.defaults(), Progress.NONE));
			assertTrue(e.getMessage().contains("NaN"), e.getMessage());
		}
	}

	@Test
	void aConvolutionalCodeOfAnySizeEncodesButDoesNotDecode() {
		try (Model model = service.create(Fixtures.spec(Fixtures.tinyConv()))) {
			final List<Encoding> codes = model.encode(List.of(Fixtures.image(16, 12, 1), Fixtures.image(16, 12, 2)));
			assertEquals(2, codes.size());
			// 8 filters at half resolution, flattened channel by channel
			assertArrayEquals(new int[] { 8, 6, 8 }, codes.get(0).shape());
			assertEquals(8 * 6 * 8, codes.get(0).size());
			final InvalidInputException e = assertThrows(InvalidInputException.class, () -> model.decode(List.of(
				new float[2])));
			assertTrue(e.getMessage().contains("depends on the image size"), e.getMessage());
		}
	}

	@Test
	void aUnetHasNoCode() {
		try (Model model = service.create(Fixtures.spec(Fixtures.tinyUnet()))) {
			final InvalidInputException e = assertThrows(InvalidInputException.class, () -> model.encode(List.of(Fixtures
				.image(16, 16, 1))));
			assertTrue(e.getMessage().contains("skip connections"), e.getMessage());
		}
	}

	@Test
	void aFixedSizeConvolutionalCodeDecodesToThePrediction() {
		final NetworkSpec net = Fixtures.tinyConv().withLatent(Latent.convolutional(), 16);
		try (Model model = service.create(Fixtures.spec(net, Loss.of(LossTerm.Kind.MSE), Normalization.fixed(0, 200)))) {
			final Plane image = Fixtures.image(16, 16, 3);
			final Encoding code = model.encode(List.of(image)).get(0);
			assertArrayEquals(new int[] { 8, 8, 8 }, model.codeShape());
			final Plane decoded = model.decode(List.of(code.mean())).get(0);
			final Plane predicted = model.predict(image, PredictOptions.defaults(), Progress.NONE);
			assertTrue(Fixtures.maxAbsDiff(decoded, predicted) < 1e-3, "difference " + Fixtures.maxAbsDiff(decoded,
				predicted));
		}
	}

	@Test
	void gaussianEncodeDecode() {
		final Normalization fixed = Normalization.fixed(0, 200);
		try (Model model = service.create(Fixtures.spec(Fixtures.tinyVector(Latent.gaussian(3), 16),
			Loss.variational(LossTerm.Kind.BCE, 1, 0), fixed)))
		{
			final Encoding code = model.encode(List.of(Fixtures.image(16, 16, 1))).get(0);
			assertEquals(3, code.size());
			assertEquals(3, code.logSigma().length);
			final Plane decoded = model.decode(List.of(code.mean())).get(0);
			assertEquals(16, decoded.width());
			// decoding the mean is the deterministic prediction (eps = 0), mapped back by the fixed normalisation
			final Plane predicted = model.predict(Fixtures.image(16, 16, 1), PredictOptions.defaults(), Progress.NONE);
			assertTrue(Fixtures.maxAbsDiff(decoded, predicted) < 1e-3);
			final InvalidInputException e = assertThrows(InvalidInputException.class, () -> model.encode(List.of(Fixtures
				.image(20, 16, 1))));
			assertTrue(e.getMessage().contains("16x16"), e.getMessage());
			assertThrows(InvalidInputException.class, () -> model.decode(List.of(new float[4])));
		}
	}

	@Test
	void denseEncodeHasNoLogSigma() {
		try (Model model = service.create(Fixtures.spec(Fixtures.tinyVector(Latent.dense(4), 8)))) {
			final Encoding code = model.encode(List.of(Fixtures.image(8, 8, 1))).get(0);
			assertEquals(4, code.size());
			assertNull(code.logSigma());
			assertEquals(8, model.decode(List.of(code.mean())).get(0).height());
		}
	}

	@Test
	void saveAndLoadGiveIdenticalPredictions() {
		final Path file = dir.resolve("m.zip");
		final Plane image = Fixtures.image(30, 20, 6);
		final Plane before;
		try (Model model = service.create(Fixtures.spec(Fixtures.tinyUnet()))) {
			before = model.predict(image, PredictOptions.defaults(), Progress.NONE);
			model.save(file);
		}
		try (Model loaded = service.load(file, "test")) {
			assertArrayEquals(before.data(), loaded.predict(image, PredictOptions.defaults(), Progress.NONE).data());
			assertEquals(Fixtures.tinyUnet(), loaded.info().spec().network());
		}
	}

	@Test
	void loadRefusesAModelWhoseWeightsWereChanged() {
		final Path file = dir.resolve("m.zip");
		try (Model model = service.create(Fixtures.spec(Fixtures.tinyConv()))) {
			model.save(file);
		}
		// a consistent file (hashes recomputed by writing it again) whose weights no longer give its test output
		final ArchiveContents c = ModelArchive.read(file, null);
		final java.util.Map<String, StoredArray> weights = new java.util.TreeMap<>(c.weights());
		final StoredArray w = weights.get("enc0_conv0_W");
		final float[] changed = w.values().clone();
		changed[0] += 0.5f;
		weights.put("enc0_conv0_W", new StoredArray(w.shape(), changed));
		final Path tampered = dir.resolve("tampered.zip");
		ModelArchive.write(tampered, new ArchiveContents(c.info(), weights, c.testInput(), c.testOutput()));
		final ModelFileException e = assertThrows(ModelFileException.class, () -> service.load(tampered, "test"));
		assertTrue(e.getMessage().contains("test output"), e.getMessage());
	}
}
