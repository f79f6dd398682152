package org.hourglass.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.PredictOptions;
import org.hourglass.api.Progress;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.training.EpochResult;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.StopRequest;
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
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

class TrainerTest {

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

	private static TrainingConfig tiny() {
		return TrainingConfig.defaults().withPatchSize(16).withBatchSize(4).withEpochs(3).withStepsPerEpoch(8)
			.withLearningRate(3e-3).withValidation(0.25, 8);
	}

	private static TrainingData data() {
		return TrainingData.of(List.of(TrainingSource.of(Fixtures.image(48, 64, 1), "a"), TrainingSource.of(Fixtures
			.image(40, 40, 2), "b")), "two test images");
	}

	private Model model() {
		return service.create(Fixtures.spec(Fixtures.tinyConv()));
	}

	/** Records events; answers stop requests from a rule. */
	private static class Recorder implements TrainingListener {

		final List<TrainingProgress> steps = new ArrayList<>();
		final List<EpochResult> epochs = new ArrayList<>();
		Supplier<StopRequest> rule = () -> StopRequest.NONE;

		@Override
		public void progress(final TrainingProgress p) {
			steps.add(p);
		}

		@Override
		public void epochFinished(final EpochResult r) {
			epochs.add(r);
		}

		@Override
		public StopRequest stopRequest() {
			return rule.get();
		}
	}

	@Test
	void lossDecreasesOnAnIdentityTaskAndEventsArrive() {
		try (Model model = model()) {
			final Recorder events = new Recorder();
			final TrainingReport report = service.train(model, data(), PairMaker.IDENTITY, tiny().withEpochs(4), events);
			assertEquals(TrainingReport.Ending.COMPLETED, report.stoppedBy());
			assertEquals(4, report.epochs().size());
			assertEquals(32, events.steps.size());
			assertEquals(32, report.steps());
			assertEquals(report.steps() / (report.seconds() / 60), report.stepsPerMinute(), 1e-9);
			assertEquals(4, events.epochs.size());
			final TrainingProgress last = events.steps.get(31);
			assertEquals(4, last.epoch());
			assertEquals(8, last.step());
			assertEquals(1.0, last.fraction(), 1e-9);
			assertEquals(0, last.secondsRemaining(), 1e-9);
			assertTrue(events.steps.get(3).secondsRemaining() > 0);
			// every step reports its own loss, from the first step on; an epoch's training loss is their mean
			assertTrue(events.steps.stream().allMatch(p -> Double.isFinite(p.loss().total()) && p.loss()
				.total() > 0), "step losses");
			final double firstEpochMean = events.steps.subList(0, 8).stream().mapToDouble(p -> p.loss().total()).average()
				.orElseThrow();
			final List<EpochResult> h = report.epochs();
			assertEquals(firstEpochMean, h.get(0).trainingLoss(), 1e-9 * firstEpochMean);
			assertTrue(h.get(3).trainingLoss() < h.get(0).trainingLoss() * 0.7, "training losses " + h);
			assertTrue(report.bestValidationLoss() < h.get(0).validationLoss(), "validation losses " + h);
			assertEquals(h, model.info().history());
			assertEquals("two test images", model.info().trainingData());
		}
	}

	@Test
	void sameSeedSameTraining() {
		final TrainingConfig config = tiny().withEpochs(1);
		final double a;
		try (Model model = model()) {
			a = service.train(model, data(), PairMaker.IDENTITY, config, null).epochs().get(0).validationLoss();
		}
		try (Model model = model()) {
			assertEquals(a, service.train(model, data(), PairMaker.IDENTITY, config, null).epochs().get(0)
				.validationLoss(), 1e-6 * a);
		}
	}

	@Test
	void earlyStoppingStopsWhenValidationDoesNotImprove() {
		try (Model model = model()) {
			// a learning rate far below float resolution: the weights, and the validation loss, stay as they are
			final TrainingReport report = service.train(model, data(), PairMaker.IDENTITY, tiny().withEpochs(10)
				.withLearningRate(1e-15).withEarlyStopping(2), null);
			assertEquals(TrainingReport.Ending.EARLY_STOPPING, report.stoppedBy());
			assertEquals(3, report.epochs().size());
			assertEquals(1, report.bestEpoch());
		}
	}

	@Test
	void learningRateIsReducedOnPlateau() {
		try (Model model = model()) {
			final TrainingReport report = service.train(model, data(), PairMaker.IDENTITY, tiny().withEpochs(4)
				.withLearningRate(1e-15).withPlateau(1, 0.5), null);
			final List<EpochResult> h = report.epochs();
			assertEquals(1e-15, h.get(0).learningRate(), 1e-20);
			assertEquals(1e-15, h.get(1).learningRate(), 1e-20);
			assertEquals(0.5e-15, h.get(2).learningRate(), 1e-20);
			assertEquals(0.25e-15, h.get(3).learningRate(), 1e-20);
		}
	}

	@Test
	void theCosineDecayTakesTheLearningRateToZeroOverTheRun() {
		try (Model model = model()) {
			final Recorder events = new Recorder();
			final TrainingReport report = service.train(model, data(), PairMaker.IDENTITY, tiny().withEpochs(2)
				.withPlateau(1, 0.5).withDecay(TrainingConfig.Decay.COSINE), events);
			assertEquals(16, events.steps.size());
			// the rate a step reports is the one set after it, for the next step; no plateau halving on top
			for (int i = 0; i < 16; i++) {
				final double expected = 3e-3 * 0.5 * (1 + Math.cos(Math.PI * (i + 1) / 16));
				assertEquals(expected, events.steps.get(i).learningRate(), 1e-12, "step " + (i + 1));
			}
			assertEquals(0, report.epochs().get(1).learningRate(), 1e-12);
		}
	}

	@Test
	void theCosineDecayFollowsATimeBudgetThatEndsFirst() {
		try (Model model = model()) {
			final Recorder events = new Recorder();
			// 1000 epochs could not end in the budget: the decay follows the time, and reaches 0 as it runs out
			service.train(model, data(), PairMaker.IDENTITY, tiny().withEpochs(1000).withTimeBudget(0.05).withDecay(
				TrainingConfig.Decay.COSINE), events);
			final List<Double> rates = events.steps.stream().map(TrainingProgress::learningRate).toList();
			assertTrue(rates.size() > 2, rates.size() + " steps");
			for (int i = 1; i < rates.size(); i++) assertTrue(rates.get(i) <= rates.get(i - 1), "falling: " + rates);
			// by the 8000 steps of the epochs it would still be near 3e-3
			assertEquals(0, rates.get(rates.size() - 1), 3e-3 * 0.02, "at the end of the budget");
		}
	}

	@Test
	void finishingEarlyKeepsTheBestModel() {
		try (Model model = model()) {
			final Plane probe = Fixtures.image(16, 16, 9);
			final Map<Integer, Plane> predictions = new HashMap<>();
			final Recorder events = new Recorder() {

				@Override
				public void epochFinished(final EpochResult r) {
					super.epochFinished(r);
					predictions.put(r.epoch(), model.predict(probe, PredictOptions.defaults(), Progress.NONE));
				}
			};
			// a large learning rate makes later epochs likely worse than an earlier one
			events.rule = () -> events.steps.size() >= 20 ? StopRequest.FINISH_EARLY : StopRequest.NONE;
			final TrainingReport report = service.train(model, data(), PairMaker.IDENTITY, tiny().withEpochs(10)
				.withLearningRate(0.05), events);
			assertEquals(TrainingReport.Ending.FINISHED_EARLY, report.stoppedBy());
			assertEquals(3, report.epochs().size(), "two full epochs and the one that was finished early");
			final double bestLoss = report.epochs().stream().mapToDouble(EpochResult::validationLoss).min().orElseThrow();
			assertEquals(bestLoss, report.bestValidationLoss());
			assertArrayEquals(predictions.get(report.bestEpoch()).data(), model.predict(probe, PredictOptions.defaults(),
				Progress.NONE).data());
		}
	}

	@Test
	void aStopRequestDuringTheLastStepOfTheLastEpochStopsNothing() {
		for (final int stopAt : new int[] { 16, 15 }) {
			try (Model model = model()) {
				final Recorder events = new Recorder();
				events.rule = () -> events.steps.size() >= stopAt ? StopRequest.CANCEL : StopRequest.NONE;
				final TrainingReport report = service.train(model, data(), PairMaker.IDENTITY, tiny().withEpochs(2), events);
				assertEquals(stopAt == 16 ? TrainingReport.Ending.COMPLETED : TrainingReport.Ending.CANCELLED, report
					.stoppedBy(), "asked to stop at step " + stopAt + " of 16");
				assertEquals(2, report.epochs().size());
			}
		}
	}

	@Test
	void cancellingBeforeTheFirstStepKeepsTheModel() {
		try (Model model = model()) {
			final Plane probe = Fixtures.image(16, 16, 9);
			final Recorder events = new Recorder();
			events.rule = () -> StopRequest.CANCEL;
			final TrainingReport report = service.train(model, data(), PairMaker.IDENTITY, tiny(), events);
			assertEquals(TrainingReport.Ending.CANCELLED, report.stoppedBy());
			assertTrue(report.epochs().isEmpty());
			assertNotNull(model.predict(probe, PredictOptions.defaults(), Progress.NONE));
		}
	}

	@Test
	void checkpointAndResumeContinueTheEpochs() throws Exception {
		final Path checkpoint = dir.resolve("run.checkpoint.zip");
		final TrainingConfig config = tiny().withEpochs(3).withCheckpoint(checkpoint, true);
		final List<EpochResult> uninterrupted;
		try (Model model = model()) {
			uninterrupted = service.train(model, data(), PairMaker.IDENTITY, tiny().withEpochs(3), null).epochs();
		}
		try (Model model = model()) {
			final Recorder events = new Recorder();
			events.rule = () -> events.steps.size() >= 16 ? StopRequest.CANCEL : StopRequest.NONE;
			final TrainingReport first = service.train(model, data(), PairMaker.IDENTITY, config, events);
			assertEquals(TrainingReport.Ending.CANCELLED, first.stoppedBy());
			assertTrue(Files.isRegularFile(checkpoint));
		}
		try (Model model = model()) {
			final Recorder events = new Recorder();
			final TrainingReport resumed = service.train(model, data(), PairMaker.IDENTITY, config, events);
			assertEquals(TrainingReport.Ending.COMPLETED, resumed.stoppedBy());
			assertEquals(List.of(1, 2, 3), resumed.epochs().stream().map(EpochResult::epoch).toList());
			assertEquals(8, events.steps.size(), "only the third epoch ran");
			assertEquals(3, events.steps.get(0).epoch());
			// the resumed run continues exactly: same batches, same optimiser state
			final double expected = uninterrupted.get(2).validationLoss();
			assertEquals(expected, resumed.epochs().get(2).validationLoss(), 1e-3 * expected);
		}
	}

	@Test
	void fineTuningAppendsToTheHistory() {
		try (Model model = model()) {
			service.train(model, data(), PairMaker.IDENTITY, tiny().withEpochs(1), null);
			final TrainingReport second = service.train(model, data(), PairMaker.IDENTITY, tiny().withEpochs(2), null);
			assertEquals(List.of(1, 2, 3), second.epochs().stream().map(EpochResult::epoch).toList());
			assertEquals(3, model.info().history().size());
		}
	}

	@Test
	void meanStdIsFittedOnTheTrainingInputsAndKept() {
		try (Model model = service.create(Fixtures.spec(Fixtures.tinyConv(), Loss.of(LossTerm.Kind.MAE), Normalization
			.meanStd())))
		{
			service.train(model, data(), PairMaker.IDENTITY, tiny().withEpochs(1), null);
			assertNotNull(model.info().fittedNormalization());
			assertEquals(100, model.info().fittedNormalization().get(0).offset(), 10);
		}
	}

	@Test
	void maskedLossTrainsWithMasks() {
		final PairMaker blindSpot = (input, target, random) -> {
			final Plane mask = new Plane(input.width(), input.height());
			for (int i = 0; i < 10; i++) mask.set(random.nextInt(input.width()), random.nextInt(input.height()), 1);
			return new TrainingPair(input, input, mask);
		};
		try (Model model = service.create(Fixtures.spec(Fixtures.tinyConv(), Loss.of(LossTerm.Kind.MASKED_MSE),
			Normalization.percentile())))
		{
			final TrainingReport r = service.train(model, data(), blindSpot, tiny().withEpochs(1), null);
			assertTrue(Double.isFinite(r.bestValidationLoss()));
		}
	}

	@Test
	void badInputsGiveClearMessages() {
		try (Model model = model()) {
			final TrainingData small = TrainingData.of(List.of(TrainingSource.of(Fixtures.image(12, 40, 1), "small.tif")),
				"");
			assertMessage("small.tif is 12x40, smaller than the 16x16", () -> service.train(model, small,
				PairMaker.IDENTITY, tiny(), null));
			final Plane nan = Fixtures.image(32, 32, 1);
			nan.set(1, 1, Float.NaN);
			assertMessage("NaN", () -> service.train(model, TrainingData.of(List.of(TrainingSource.of(nan, "nan.tif")), ""),
				PairMaker.IDENTITY, tiny(), null));
			assertMessage("multiple of 2", () -> service.train(model, data(), PairMaker.IDENTITY, tiny().withPatchSize(
				15), null));
			// nothing to learn: the loss would be 0 from the first step on
			final TrainingData flat = TrainingData.of(List.of(TrainingSource.of(new Plane(32, 32, new float[32 * 32]),
				"flat.tif")), "");
			assertMessage("the training image flat.tif is constant (every pixel of flat.tif is 0.0): there is nothing " +
				"to learn", () -> service.train(model, flat, PairMaker.IDENTITY, tiny(), null));
			final TrainingData oneFlat = TrainingData.of(List.of(TrainingSource.of(new Plane(32, 32, new float[32 * 32]),
				"flat.tif"), TrainingSource.of(Fixtures.image(32, 32, 3), "busy.tif")), "");
			assertEquals(1, service.train(model, oneFlat, PairMaker.IDENTITY, tiny().withEpochs(1).withStepsPerEpoch(1),
				null).epochs().size(), "a blank image beside others is data");
		}
		try (Model masked = service.create(Fixtures.spec(Fixtures.tinyConv(), Loss.of(LossTerm.Kind.MASKED_MSE),
			Normalization.percentile())))
		{
			assertMessage("needs a mask", () -> service.train(masked, data(), PairMaker.IDENTITY, tiny(), null));
		}
	}

	private static void assertMessage(final String part, final Runnable r) {
		final InvalidInputException e = assertThrows(InvalidInputException.class, r::run);
		assertTrue(e.getMessage().contains(part), e.getMessage());
	}
}
