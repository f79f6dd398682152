package org.hourglass.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.PredictOptions;
import org.hourglass.api.Progress;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.network.Activation;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.api.training.EpochResult;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingConfig;
import org.hourglass.api.training.TrainingData;
import org.hourglass.api.training.TrainingListener;
import org.hourglass.api.training.TrainingPair;
import org.hourglass.api.training.TrainingProgress;
import org.hourglass.api.training.TrainingReport;
import org.hourglass.api.training.TrainingSource;
import org.hourglass.engine.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scijava.Context;

/**
 * What the variants need of the trainer beyond denoising: losses of several terms with a warm-up, targets
 * larger than the inputs (real low/high-resolution pairs, or made by the pair maker from smaller inputs), and
 * networks of several channels.
 */
class TrainingShapesTest {

	private Context context;
	private ModelService service;

	@BeforeEach
	void setUp() {
		context = new Context(ModelService.class);
		service = context.service(ModelService.class);
	}

	@AfterEach
	void tearDown() {
		context.dispose();
	}

	private static TrainingConfig tiny(final int patch) {
		return TrainingConfig.defaults().withPatchSize(patch).withBatchSize(4).withEpochs(3).withStepsPerEpoch(5)
			.withLearningRate(3e-3).withValidation(0.25, 8);
	}

	private static final class Recorder implements TrainingListener {

		final List<TrainingProgress> steps = new ArrayList<>();
		final List<EpochResult> epochs = new ArrayList<>();

		@Override
		public void progress(final TrainingProgress p) {
			steps.add(p);
		}

		@Override
		public void epochFinished(final EpochResult r) {
			epochs.add(r);
		}
	}

	/** Planes in [0, 1]: the digits-like data a VAE trains on. */
	private static TrainingData unitImages() {
		final List<TrainingSource> s = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			final Plane p = Fixtures.image(16, 16, i);
			for (int k = 0; k < p.data().length; k++) p.data()[k] /= 200f;
			s.add(TrainingSource.of(p, "unit " + i));
		}
		return TrainingData.of(s, "six images");
	}

	@Test
	void everyTermOfAVariationalLossIsReportedPerStepAndPerEpochAndKept() {
		final NetworkSpec net = Fixtures.tinyVector(Latent.gaussian(2), 16);
		try (Model model = service.create(Fixtures.spec(net, Loss.variational(LossTerm.Kind.BCE, 1, 2), Normalization
			.none())))
		{
			final Recorder r = new Recorder();
			service.train(model, unitImages(), PairMaker.IDENTITY, tiny(16), r);
			assertEquals(15, r.steps.size());
			for (final TrainingProgress p : r.steps) {
				assertEquals(List.of("reconstruction", "kl"), List.copyOf(p.loss().terms().keySet()));
				// BCE summed over 256 pixels is much larger than 0 and than the per-pixel mean
				assertTrue(p.loss().term("reconstruction") > 20, "reconstruction " + p.loss());
				assertTrue(p.loss().term("kl") >= 0, "kl " + p.loss());
			}
			// epoch 1 of a 2-epoch warm-up: total = reconstruction + 0.5 KL, step by step
			final TrainingProgress first = r.steps.get(0);
			assertEquals(first.loss().term("reconstruction") + 0.5 * first.loss().term("kl"), first.loss().total(), 1e-3 *
				first.loss().total());
			final TrainingProgress third = r.steps.get(12);
			assertEquals(third.loss().term("reconstruction") + third.loss().term("kl"), third.loss().total(), 1e-3 * third
				.loss().total());
			// validation always weighs the terms fully, so epochs compare
			for (final EpochResult e : r.epochs) {
				assertEquals(e.validation().term("reconstruction") + e.validation().term("kl"), e.validationLoss(), 1e-6 * e
					.validationLoss());
				assertEquals(2, e.training().terms().size());
			}
			assertEquals(r.epochs, model.info().history());
		}
	}

	@Test
	void realPairsTrainASuperResolutionNetwork() {
		final NetworkSpec x2 = Fixtures.tinyConv().withUpscale(2);
		final List<TrainingSource> pairs = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			final Plane high = Fixtures.image(48, 48, i);
			pairs.add(new TrainingSource(downscale(high, 2), high, "pair " + i));
		}
		try (Model model = service.create(Fixtures.spec(x2))) {
			final TrainingReport report = service.train(model, TrainingData.of(pairs, "pairs"), PairMaker.ALIGNED, tiny(
				8), TrainingListener.NONE);
			assertEquals(3, report.epochs().size());
			assertTrue(Double.isFinite(report.bestValidationLoss()));
			final Plane out = model.predict(downscale(Fixtures.image(48, 48, 9), 2), PredictOptions.defaults(),
				Progress.NONE);
			assertEquals(48, out.width());
		}
	}

	@Test
	void aPairMakerMayMakeInputsSmallerThanThePatch() {
		final PairMaker halve = new PairMaker() {

			@Override
			public TrainingPair make(final Plane input, final Plane target, final SplittableRandom random) {
				return new TrainingPair(downscale(input, 2), input, null);
			}

			@Override
			public int inputReduction() {
				return 2;
			}
		};
		final TrainingData data = TrainingData.of(List.of(TrainingSource.of(Fixtures.image(48, 48, 1), "a")), "one");
		try (Model model = service.create(Fixtures.spec(Fixtures.tinyConv().withUpscale(2)))) {
			assertEquals(1, service.train(model, data, halve, tiny(16).withEpochs(1), TrainingListener.NONE).epochs()
				.size());
			// the patch must give network inputs of the network's grid: 18 / 2 = 9 is not a multiple of 2
			final InvalidInputException e = assertThrows(InvalidInputException.class, () -> service.train(model, data,
				halve, tiny(18), TrainingListener.NONE));
			assertTrue(e.getMessage().contains("multiple of 4"), e.getMessage());
		}
	}

	@Test
	void aTwoChannelNetworkTrainsOnTwoChannelImages() {
		final NetworkSpec net = Fixtures.tinyUnet().withChannels(2, 2);
		final Plane both = Plane.stack(List.of(Fixtures.image(32, 32, 1), Fixtures.image(32, 32, 2)));
		try (Model model = service.create(Fixtures.spec(net))) {
			service.train(model, TrainingData.of(List.of(TrainingSource.of(both, "two")), "two"), PairMaker.IDENTITY,
				tiny(16).withEpochs(1), TrainingListener.NONE);
			assertEquals(1, model.info().history().size());
			final Plane out = model.predict(both, PredictOptions.defaults(), Progress.NONE);
			assertEquals(2, out.channels());
			final InvalidInputException e = assertThrows(InvalidInputException.class, () -> service.train(model,
				TrainingData.of(List.of(TrainingSource.of(Fixtures.image(32, 32, 3), "one")), "one"), PairMaker.IDENTITY,
				tiny(16), TrainingListener.NONE));
			assertTrue(e.getMessage().contains("1 channel(s), but this network reads 2"), e.getMessage());
		}
	}

	@Test
	void aTimeBudgetEndsTrainingAndSaysSo() {
		try (Model model = service.create(Fixtures.spec(Fixtures.tinyConv().withOutput(false, Activation.LINEAR)))) {
			// 60 ns: the first step always takes longer, so the first epoch ends after one step
			final int[] steps = { 0 };
			final TrainingReport r = service.train(model, unitImages(), PairMaker.IDENTITY, tiny(16).withEpochs(50)
				.withTimeBudget(1e-9), new TrainingListener() {

					@Override
					public void progress(final TrainingProgress progress) {
						steps[0]++;
					}
				});
			assertEquals(TrainingReport.Ending.TIME_BUDGET, r.stoppedBy());
			assertEquals(1, r.epochs().size());
			assertEquals(1, steps[0], "steps");
			assertEquals(1, r.steps(), "the report's steps");
			assertTrue(r.stoppedBy().byItself());
		}
	}

	/** The mean of every {@code f}×{@code f} block. */
	static Plane downscale(final Plane p, final int f) {
		final int w = p.width() / f;
		final int h = p.height() / f;
		final Plane out = new Plane(w, h);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				float s = 0;
				for (int dy = 0; dy < f; dy++) for (int dx = 0; dx < f; dx++) s += p.get(f * x + dx, f * y + dy);
				out.set(x, y, s / (f * f));
			}
		}
		return out;
	}
}
