package org.hourglass.benchmark.autoencoder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.Progress;
import org.hourglass.api.analysis.Pca;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingConfig;
import org.hourglass.api.training.TrainingData;
import org.hourglass.api.training.TrainingListener;
import org.hourglass.api.training.TrainingReport;
import org.hourglass.autoencoder.Autoencoder;
import org.hourglass.autoencoder.AutoencoderVariant;
import org.hourglass.autoencoder.Canvas;
import org.hourglass.autoencoder.EmbeddingMap;
import org.hourglass.autoencoder.WholeImageTraining;
import org.hourglass.imagej.codes.ImageSet;

/**
 * The autoencoder against PCA on the MNIST digits, at each code size: both learn from the same training digits
 * (the training set without the {@value WholeImageTraining#VALIDATION_FRACTION} held out for the autoencoder's
 * validation), both encode the test digits and all training digits, and both are scored on the test digits by
 * {@link Scores}. The autoencoder is the variant's dense-code network, trained through the engine as the Train
 * command trains it.
 */
final class DigitsBenchmark {

	private static final Logger LOG = LogManager.getLogger();

	/**
	 * How the autoencoders are trained.
	 *
	 * @param filters filters of the convolution-and-pooling levels
	 * @param loss the reconstruction loss
	 */
	record Setup(int[] filters, LossTerm.Kind loss, int epochs, int stepsPerEpoch, int batchSize,
		double learningRate, double minutes, long seed)
	{}

	/**
	 * One method at one code size.
	 *
	 * @param method {@code PCA} or {@code autoencoder}
	 * @param seconds time to fit or train
	 * @param report the autoencoder's training, {@code null} for PCA
	 * @param load the machine's load average (1 minute) before and after
	 */
	record Row(String method, int size, Scores scores, double seconds, TrainingReport report, double[] load) {}

	/**
	 * @param rows PCA and autoencoder rows per size
	 * @param maps the autoencoder's map of the test digits per size
	 */
	record Result(List<Row> rows, Map<Integer, EmbeddingMap> maps, int trainCount, int validationCount,
		int testCount)
	{}

	private final ModelService models;
	private final Setup setup;
	private final Function<String, TrainingListener> listeners;

	/** @param listeners a training listener for a run, by its name (e.g. {@code d = 2}) */
	DigitsBenchmark(final ModelService models, final Setup setup, final Function<String, TrainingListener> listeners) {
		this.models = models;
		this.setup = setup;
		this.listeners = listeners;
	}

	/**
	 * An autoencoder to train: a dense code of {@code size} values with the setup's filters, or the lesson's
	 * network with its convolutional code of {@code size} channels.
	 */
	record Code(boolean lesson, int size) {

		/** The code's length. */
		int values() {
			return lesson ? size * 4 * 4 : size;
		}

		String name() {
			return lesson ? "autoencoder, the lesson's " + size + "x4x4 code" : "autoencoder";
		}

		String file() {
			return lesson ? "autoencoder-digits-lesson.zip" : "autoencoder-digits-d" + size + ".zip";
		}
	}

	/** Runs every code; with {@code modelFolder}, also saves each trained model there. */
	Result run(final Digits digits, final List<Code> codes, final Path modelFolder, final Progress progress) {
		final Canvas canvas = Canvas.fit(28, 28, setup.filters().length);
		if (codes.stream().anyMatch(Code::lesson) && setup.filters().length != 3) {
			throw new org.hourglass.api.InvalidInputException("The lesson's network has three levels; give filters " +
				"of three levels too (e.g. 16,32,64), so that both see the digits on the same 32x32 canvas.");
		}
		final TrainingData data = WholeImageTraining.data(digits.train(), canvas);
		final boolean[] held = WholeImageTraining.heldOut(digits.train().size(), WholeImageTraining.validationCount(
			digits.train().size()), WholeImageTraining.SPLIT_SEED);
		final List<float[]> fitPixels = new ArrayList<>();
		for (int i = 0; i < digits.train().size(); i++) {
			if (!held[i]) fitPixels.add(scaled(digits.train().get(i).plane()));
		}
		final List<float[]> trainPixels = digits.train().stream().map(it -> scaled(it.plane())).toList();
		final List<float[]> testPixels = digits.test().stream().map(it -> scaled(it.plane())).toList();
		final List<Plane> truth = digits.test().stream().map(ImageSet.Item::plane).toList();
		final List<Row> rows = new ArrayList<>();
		final Map<Integer, EmbeddingMap> maps = new LinkedHashMap<>();
		for (final Code code : codes) {
			final int d = code.values();
			rows.add(pca(d, fitPixels, trainPixels, testPixels, truth, digits));
			final double[] load = { Load.now(), 0 };
			final long t0 = System.nanoTime();
			final ModelSpec spec = AutoencoderVariant.spec(code.lesson() ? AutoencoderVariant.network(AutoencoderVariant
				.filters(AutoencoderVariant.DEFAULT_FILTERS), AutoencoderVariant.LATENT_CONVOLUTIONAL, code.size(), canvas
					.side(), setup.loss()) : AutoencoderVariant.network(setup.filters(), AutoencoderVariant.LATENT_DENSE, d,
						canvas.side(), setup.loss()), setup.loss(), Normalization.fixed(0, 255), canvas);
			try (Autoencoder ae = new Autoencoder(models.create(spec))) {
				final Model model = ae.model();
				final TrainingConfig config = WholeImageTraining.configure(TrainingConfig.defaults().withBatchSize(setup
					.batchSize()).withEpochs(setup.epochs()).withStepsPerEpoch(setup.stepsPerEpoch()).withLearningRate(
						setup.learningRate()).withTimeBudget(setup.minutes()).withSeed(setup.seed()), canvas, data, false);
				final TrainingReport report = models.train(model, data, PairMaker.IDENTITY, config, listeners.apply((code
					.lesson() ? "lesson " : "") + "d = " + d));
				final double seconds = (System.nanoTime() - t0) / 1e9;
				load[1] = Load.now();
				LOG.info("autoencoder d = {}: {} epochs in {} s, best epoch {} (validation loss {})", d, report.epochs()
					.size(), seconds, report.bestEpoch(), report.bestValidationLoss());
				if (modelFolder != null) model.save(modelFolder.resolve(code.file()));
				final List<float[]> testCodes = ae.encode(digits.test(), progress);
				final List<float[]> trainCodes = ae.encode(digits.train(), progress);
				final List<Plane> reconstructions = ae.reconstruct(digits.test(), progress);
				final Scores scores = Scores.of(reconstructions, truth, testCodes, digits.testLabels(), trainCodes, digits
					.trainLabels());
				LOG.info("autoencoder d = {}: {}", d, scores);
				rows.add(new Row(code.name(), d, scores, seconds, report, load));
				if (!code.lesson()) maps.put(d, EmbeddingMap.of(testCodes, ae.normalised(digits.test(), models)));
			}
		}
		return new Result(rows, maps, data.training().size(), data.validation().size(), digits.test().size());
	}

	/** PCA of {@code d} components fitted on {@code fit}, scored like the autoencoder. */
	private Row pca(final int d, final List<float[]> fit, final List<float[]> train, final List<float[]> test,
		final List<Plane> truth, final Digits digits)
	{
		final double[] load = { Load.now(), 0 };
		final long t0 = System.nanoTime();
		final Pca pca = Pca.fit(fit, d);
		final double seconds = (System.nanoTime() - t0) / 1e9;
		load[1] = Load.now();
		final List<float[]> testCodes = test.stream().map(pca::project).toList();
		final List<float[]> trainCodes = train.stream().map(pca::project).toList();
		final List<Plane> reconstructions = new ArrayList<>();
		for (final float[] code : testCodes) {
			final float[] r = pca.reconstruct(code);
			for (int i = 0; i < r.length; i++) r[i] *= 255;
			reconstructions.add(new Plane(28, 28, r));
		}
		final Scores scores = Scores.of(reconstructions, truth, testCodes, digits.testLabels(), trainCodes, digits
			.trainLabels());
		LOG.info("PCA d = {}: {} (fitted in {} s)", d, scores, seconds);
		return new Row("PCA", d, scores, seconds, null, load);
	}

	/** A digit's pixels in [0, 1]. */
	private static float[] scaled(final Plane p) {
		final float[] v = p.data().clone();
		for (int i = 0; i < v.length; i++) v[i] /= 255f;
		return v;
	}
}
