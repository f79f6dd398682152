package org.hourglass.engine.train;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.ModelInfo;
import org.hourglass.api.image.ChannelNormalization;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.api.training.EpochResult;
import org.hourglass.api.training.LossValues;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.StopRequest;
import org.hourglass.api.training.TrainingConfig;
import org.hourglass.api.training.TrainingData;
import org.hourglass.api.training.TrainingListener;
import org.hourglass.api.training.TrainingProgress;
import org.hourglass.api.training.TrainingReport;
import org.hourglass.api.training.TrainingSource;
import org.hourglass.engine.ImageStats;
import org.hourglass.engine.Nd4jModel;
import org.hourglass.engine.network.GraphNames;
import org.hourglass.engine.network.NetworkBuilder;
import org.hourglass.engine.network.Weights;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One training run of a model: the epoch loop. Adam with the learning rate reduced on plateau or decayed
 * along a cosine ({@link Progression}), validation every epoch on patches fixed for the run ({@link Validation}), the best
 * weights kept and restored at the end, early stopping, a time budget, progress events with every loss term,
 * finish-early and cancel between steps, a checkpoint after every epoch and resume from it
 * ({@link Checkpoints}).
 * <p>
 * Each epoch is one {@code fit} call over an iterator of all its steps (one training session keeps reusing
 * its arrays), fed by a background thread; a garbage collection every few steps keeps native memory flat.
 */
public final class Trainer {

	private static final Logger LOG = LogManager.getLogger();

	private final Nd4jModel model;
	private final TrainingData data;
	private final PairMaker pairs;
	private final TrainingConfig config;
	private final TrainingListener listener;
	private final NetworkSpec net;
	private final Loss loss;
	private final boolean gaussian;

	private volatile StopRequest stop = StopRequest.NONE;
	private volatile boolean outOfTime;
	private Map<String, INDArray> best;

	public Trainer(final Nd4jModel model, final TrainingData data, final PairMaker pairs, final TrainingConfig config,
		final TrainingListener listener)
	{
		this.model = model;
		this.data = data;
		this.pairs = pairs;
		this.config = config;
		this.listener = listener == null ? TrainingListener.NONE : listener;
		this.net = model.network();
		this.loss = model.info().spec().loss();
		this.gaussian = net.latent().kind() == Latent.Kind.GAUSSIAN;
	}

	/** Trains; the model holds the best weights afterwards. */
	public TrainingReport run() {
		final long started = System.nanoTime();
		TrainingInputs.check(net, pairs, config, data);
		final ModelInfo startInfo = model.info();
		final Normalization rule = startInfo.spec().normalization();
		ChannelNormalization fitted = startInfo.fittedNormalization();
		if (rule.fittedAtTraining() && fitted == null) {
			fitted = ImageStats.meanStd(data.training().stream().map(TrainingSource::input).toList());
		}
		final ChannelNormalization fixed = fitted;
		final TrainingSplit split = TrainingSplit.of(data, config.patchSize(), config.validationFraction(), config
			.seed(), s -> ImageStats.params(rule, fixed, s.input()));
		final boolean masked = loss.needsMask();
		final BatchMaker trainMaker = new BatchMaker(new PatchSampler(split.training(), config.patchSize(), config
			.augment()), pairs, net, masked);

		TrainerState state = TrainerState.start(startInfo.history().size(), config.learningRate());
		List<EpochResult> history = new ArrayList<>(startInfo.history());
		double previousSeconds = startInfo.trainingSeconds();
		if (!startInfo.isTrained() && !config.resume()) initialWeights();
		Map<String, org.hourglass.engine.file.StoredArray> pendingOptimiser = null;
		if (config.resume() && Files.isRegularFile(config.checkpoint())) {
			final Checkpoints.Resumed resumed = Checkpoints.resume(config.checkpoint(), model);
			state = resumed.state();
			best = resumed.best();
			pendingOptimiser = resumed.optimiser();
			history = new ArrayList<>(model.info().history());
			previousSeconds = model.info().trainingSeconds();
			if (model.info().fittedNormalization() != null) fitted = model.info().fittedNormalization();
		}
		final SameDiff sd = model.graph();
		final Validation validation = Validation.of(new BatchMaker(new PatchSampler(split.validation(), config
			.patchSize(), false), pairs, net, masked), config.validationPatches(), config.batchSize(), config.seed(),
			loss, sd, gaussian);
		final LearningRate lr = Optimiser.attach(sd, state.learningRate(), gaussian, masked);
		if (state.iterations() > 0) sd.getTrainingConfig().setIterationCount(state.iterations());
		final Progression progression = new Progression(config.schedule(), lr, state);
		final Clock clock = new Clock(started, config.schedule().minutes(), (long) (config.epochs() - progression
			.runEpoch()) * config.stepsPerEpoch());

		TrainingReport.Ending ending = null;
		while (progression.moreEpochs() && ending == null) {
			final int epoch = progression.nextEpoch();
			final long epochStart = System.nanoTime();
			if (pollStop() != StopRequest.NONE) {
				progression.undoEpoch();
				ending = endingOf(stop);
				break;
			}
			final Map<String, org.hourglass.engine.file.StoredArray> restore = pendingOptimiser;
			pendingOptimiser = null;
			final StepTotals totals = new StepTotals(loss.names());
			final StepListener steps = new StepListener(loss.names(), sd.hasVariable(GraphNames.term(loss
				.reconstruction().name())), values -> {
					totals.add(values);
					clock.step();
					progression.afterStep(totals.count(), clock.budgetUsed());
					listener.progress(new TrainingProgress(epoch, progression.baseEpochs() + config.epochs(), totals
						.count(), config.stepsPerEpoch(), values, lr.get(), clock.elapsed(), clock.remaining()));
					final StopRequest request = listener.stopRequest();
					if (request != null && request != StopRequest.NONE) stop = request;
					if (clock.outOfTime()) outOfTime = true;
				}, graph -> {
					if (restore != null) Optimiser.restore(graph, restore);
				});
			if (restore != null) Optimiser.initialize(sd);
			final SplittableRandom random = RunRandom.epoch(config.seed(), epoch);
			try (BatchIterator batches = new BatchIterator(trainMaker, config.batchSize(), config.stepsPerEpoch(),
				random, () -> stop != StopRequest.NONE || outOfTime))
			{
				synchronized (model.lock()) {
					LossWeights.setForEpoch(sd, loss, progression.runEpoch());
					QuietGradients.ensure(sd);
					sd.fit(batches, 1, steps);
				}
			}
			if (totals.count() == 0) {
				progression.undoEpoch();
				ending = outOfTime ? TrainingReport.Ending.TIME_BUDGET : endingOf(stop == StopRequest.NONE
					? StopRequest.CANCEL : stop);
				break;
			}
			final LossValues validated;
			synchronized (model.lock()) {
				validated = validation.measure(sd);
			}
			final boolean improved = progression.record(epoch, validated.total());
			if (improved) keepBest(sd);
			final EpochResult result = new EpochResult(epoch, totals.mean(), validated, lr.get(), (System.nanoTime() -
				epochStart) / 1e9, improved);
			history.add(result);
			model.setInfo(info(startInfo, fitted, history, previousSeconds + clock.elapsed()));
			LOG.info("Epoch {}: training loss {}, validation loss {}{}", epoch, result.trainingLoss(), result
				.validationLoss(), improved ? " (best)" : "");
			// a request that came during the last step of the last epoch stopped nothing: the run is complete
			final boolean complete = !progression.moreEpochs() && totals.count() == config.stepsPerEpoch();
			if (stop != StopRequest.NONE && !complete) ending = endingOf(stop);
			// validation counts against the budget too: an epoch that ends past it is the last
			else if (outOfTime || clock.outOfTime()) ending = TrainingReport.Ending.TIME_BUDGET;
			else ending = progression.afterEpoch();
			if (config.checkpoint() != null) {
				Checkpoints.write(config.checkpoint(), model, progression.state(sd.getTrainingConfig()
					.getIterationCount()), best);
			}
			listener.epochFinished(result);
		}
		if (ending == null) ending = TrainingReport.Ending.COMPLETED;
		if (best != null) {
			synchronized (model.lock()) {
				Weights.assign(sd, best);
			}
			Weights.close(best);
			best = null;
		}
		model.weightsChanged();
		final double seconds = clock.elapsed();
		model.setInfo(info(startInfo, fitted, history, previousSeconds + seconds));
		final int bestEpoch = progression.bestEpoch();
		return new TrainingReport(history, bestEpoch, bestEpoch == 0 ? Double.NaN : progression.bestLoss(), ending,
			seconds, clock.steps());
	}

	/** A new model: its initial weights come from the run's seed. */
	private void initialWeights() {
		final SameDiff fresh = NetworkBuilder.build(net, null, config.seed());
		synchronized (model.lock()) {
			Weights.copyShared(fresh, model.graph());
		}
	}

	private StopRequest pollStop() {
		if (stop == StopRequest.NONE) {
			final StopRequest r = listener.stopRequest();
			if (r != null) stop = r;
		}
		return stop;
	}

	private static TrainingReport.Ending endingOf(final StopRequest r) {
		return r == StopRequest.CANCEL ? TrainingReport.Ending.CANCELLED : TrainingReport.Ending.FINISHED_EARLY;
	}

	private void keepBest(final SameDiff sd) {
		synchronized (model.lock()) {
			final Map<String, INDArray> copy = Weights.copy(sd);
			Weights.close(best);
			best = copy;
		}
	}

	private ModelInfo info(final ModelInfo start, final ChannelNormalization fitted, final List<EpochResult> history,
		final double seconds)
	{
		final String description = start.trainingData() == null || start.trainingData().isEmpty() ||
			start.trainingData().equals(data.description()) ? data.description()
				: start.trainingData() + "; " + data.description();
		return new ModelInfo(start.spec(), start.spec().normalization().fittedAtTraining() ? fitted : null, history,
			description, seconds, start.created());
	}

	/** The mean loss and terms of an epoch's steps. */
	private static final class StepTotals {

		private final List<String> names;
		private final double[] sums;
		private double total;
		private int count;

		StepTotals(final List<String> names) {
			this.names = names;
			this.sums = new double[names.size()];
		}

		void add(final LossValues v) {
			total += v.total();
			for (int i = 0; i < names.size(); i++) sums[i] += v.term(names.get(i));
			count++;
		}

		int count() {
			return count;
		}

		LossValues mean() {
			final Map<String, Double> terms = new LinkedHashMap<>();
			for (int i = 0; i < names.size(); i++) terms.put(names.get(i), sums[i] / count);
			return new LossValues(total / count, terms);
		}
	}
}
