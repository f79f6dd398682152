package org.hourglass.engine.train;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.InvalidInputException;
import org.hourglass.api.ModelInfo;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.NormalizationParams;
import org.hourglass.api.image.Plane;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.api.training.EpochResult;
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
import org.hourglass.engine.file.ArchiveContents;
import org.hourglass.engine.file.ModelArchive;
import org.hourglass.engine.file.StoredArray;
import org.hourglass.engine.network.GraphNames;
import org.hourglass.engine.network.NetworkBuilder;
import org.hourglass.engine.network.Weights;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * One training run of a model: Adam with the learning rate reduced on plateau, validation every epoch on
 * patches fixed for the run, the best weights kept and restored at the end, early stopping, progress
 * events, finish-early and cancel between steps, a checkpoint after every epoch and resume from it.
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
	private final boolean masked;
	private final boolean gaussian;

	private volatile StopRequest stop = StopRequest.NONE;
	private Map<String, INDArray> best;
	private Map<String, StoredArray> pendingAdam;

	public Trainer(final Nd4jModel model, final TrainingData data, final PairMaker pairs, final TrainingConfig config,
		final TrainingListener listener)
	{
		this.model = model;
		this.data = data;
		this.pairs = pairs;
		this.config = config;
		this.listener = listener == null ? TrainingListener.NONE : listener;
		this.net = model.network();
		this.masked = model.info().spec().loss().needsMask();
		this.gaussian = net.latent().kind() == Latent.Kind.GAUSSIAN;
	}

	/** Trains; the model holds the best weights afterwards. */
	public TrainingReport run() {
		final long started = System.nanoTime();
		checkInputs();
		final ModelInfo startInfo = model.info();
		NormalizationParams fitted = startInfo.fittedNormalization();
		final Normalization rule = startInfo.spec().normalization();
		if (rule.fittedAtTraining() && fitted == null) {
			fitted = ImageStats.meanStd(data.training().stream().map(TrainingSource::input).toList());
		}
		final List<PatchRegion> trainRegions = new ArrayList<>();
		final List<PatchRegion> validationRegions = new ArrayList<>();
		regions(rule, fitted, trainRegions, validationRegions);
		final BatchMaker trainMaker = new BatchMaker(new PatchSampler(trainRegions, config.patchSize(), config.augment()),
			pairs, net, masked);
		final List<Batch> validation = validationBatches(new BatchMaker(new PatchSampler(validationRegions,
			config.patchSize(), false), pairs, net, masked));

		TrainerState state = new TrainerState(0, startInfo.history().size(), config.learningRate(),
			Double.POSITIVE_INFINITY, 0, 0, 0, 0);
		List<EpochResult> history = new ArrayList<>(startInfo.history());
		double previousSeconds = startInfo.trainingSeconds();
		if (!startInfo.isTrained() && !config.resume()) {
			// a new model: its initial weights come from the run's seed
			final SameDiff fresh = NetworkBuilder.build(net, null, config.seed());
			synchronized (model.lock()) {
				Weights.copyShared(fresh, model.graph());
			}
		}
		if (config.resume() && Files.isRegularFile(config.checkpoint())) {
			final TrainerState resumed = resume();
			if (resumed != null) {
				state = resumed;
				history = new ArrayList<>(model.info().history());
				previousSeconds = model.info().trainingSeconds();
				if (model.info().fittedNormalization() != null) fitted = model.info().fittedNormalization();
			}
		}
		final LearningRate lr = trainingConfig(state);
		final SameDiff sd = model.graph();
		if (state.iterations() > 0) sd.getTrainingConfig().setIterationCount(state.iterations());
		int runEpoch = state.runEpoch();
		double bestLoss = state.bestLoss();
		int bestEpoch = state.bestEpoch();
		int sinceBest = state.sinceBest();
		int plateauWait = state.plateauWait();
		final int baseEpochs = state.baseEpochs();
		TrainingReport.Ending ending = null;
		final long totalSteps = (long) (config.epochs() - runEpoch) * config.stepsPerEpoch();
		final long[] stepsDone = { 0 };
		while (runEpoch < config.epochs() && ending == null) {
			runEpoch++;
			final int epoch = baseEpochs + runEpoch;
			final long epochStart = System.nanoTime();
			final SplittableRandom random = RunRandom.epoch(config.seed(), epoch);
			final int[] steps = { 0 };
			final double[] lossSum = { 0 };
			final StepListener steps2 = new StepListener(stepLoss -> {
				steps[0]++;
				stepsDone[0]++;
				lossSum[0] += stepLoss;
				final double elapsed = (System.nanoTime() - started) / 1e9;
				final double remaining = elapsed / stepsDone[0] * (totalSteps - stepsDone[0]);
				listener.progress(new TrainingProgress(epoch, baseEpochs + config.epochs(), steps[0],
					config.stepsPerEpoch(), stepLoss, lr.get(), elapsed, remaining));
				final StopRequest request = listener.stopRequest();
				if (request != null && request != StopRequest.NONE) stop = request;
			}, this::restoreAdam);
			if (pollStop() != StopRequest.NONE) {
				runEpoch--;
				ending = endingOf(stop);
				break;
			}
			if (pendingAdam != null) initializeOptimiser(sd);
			final BatchIterator batches = new BatchIterator(trainMaker, config.batchSize(), config.stepsPerEpoch(),
				random, () -> stop != StopRequest.NONE);
			try (batches) {
				synchronized (model.lock()) {
					QuietGradients.ensure(sd);
					sd.fit(batches, 1, steps2);
				}
			}
			if (steps[0] == 0) {
				runEpoch--;
				ending = endingOf(stop == StopRequest.NONE ? StopRequest.CANCEL : stop);
				break;
			}
			final double validationLoss = validate(sd, validation);
			// like Keras and most PyTorch loops: the mean loss of the epoch's steps, as the weights changed
			final double trainingLoss = lossSum[0] / steps[0];
			final boolean improved = validationLoss < bestLoss;
			if (improved) {
				bestLoss = validationLoss;
				bestEpoch = epoch;
				sinceBest = 0;
				plateauWait = 0;
				keepBest(sd);
			}
			else {
				sinceBest++;
				plateauWait++;
			}
			final EpochResult result = new EpochResult(epoch, trainingLoss, validationLoss, lr.get(),
				(System.nanoTime() - epochStart) / 1e9, improved);
			history.add(result);
			model.setInfo(info(startInfo, fitted, history, previousSeconds + (System.nanoTime() - started) / 1e9));
			LOG.info("Epoch {}: training loss {}, validation loss {}{}", epoch, result.trainingLoss(), validationLoss,
				improved ? " (best)" : "");
			if (stop != StopRequest.NONE) ending = endingOf(stop);
			else if (config.earlyStoppingPatience() > 0 && sinceBest >= config.earlyStoppingPatience()) {
				ending = TrainingReport.Ending.EARLY_STOPPING;
				LOG.info("No improvement for {} epochs: stopping early", sinceBest);
			}
			else if (plateauWait >= config.plateauPatience()) {
				lr.set(lr.get() * config.plateauFactor());
				plateauWait = 0;
				LOG.info("Validation loss flat for {} epochs: learning rate reduced to {}", config.plateauPatience(),
					lr.get());
			}
			if (config.checkpoint() != null) {
				writeCheckpoint(new TrainerState(runEpoch, baseEpochs, lr.get(), bestLoss, bestEpoch, sinceBest,
					plateauWait, sd.getTrainingConfig().getIterationCount()));
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
		final double seconds = (System.nanoTime() - started) / 1e9;
		model.setInfo(info(startInfo, fitted, history, previousSeconds + seconds));
		return new TrainingReport(history, bestEpoch, bestEpoch == 0 ? Double.NaN : bestLoss, ending, seconds);
	}

	// -- Inputs --

	private void checkInputs() {
		if (net.inputChannels() != 1 || net.outputChannels() != 1) {
			throw new InvalidInputException("training uses single-channel images, but this network has " +
				net.inputChannels() + " input and " + net.outputChannels() + " output channels");
		}
		final int f = net.downsamplingFactor();
		if (config.patchSize() % f != 0) {
			throw new InvalidInputException("the patch size must be a multiple of " + f +
				" (the network's down-sampling factor), got " + config.patchSize());
		}
		final List<TrainingSource> all = new ArrayList<>(data.training());
		all.addAll(data.validation());
		for (final TrainingSource s : all) {
			final Plane in = s.input();
			if (in.width() < config.patchSize() || in.height() < config.patchSize()) {
				throw new InvalidInputException("image " + s.name() + " is " + in.width() + "x" + in.height() +
					", smaller than the " + config.patchSize() + "x" + config.patchSize() + " training patches");
			}
			if (in.hasNonFinite() || s.target() != null && s.target().hasNonFinite()) {
				throw new InvalidInputException("image " + s.name() + " contains NaN or infinite values");
			}
		}
	}

	/**
	 * Training and validation regions. Without validation images, the bottom {@code validationFraction} of
	 * each image (at least a patch high) is held out, so validation patches never overlap training patches.
	 */
	private void regions(final Normalization rule, final NormalizationParams fitted, final List<PatchRegion> train,
		final List<PatchRegion> validation)
	{
		final int p = config.patchSize();
		for (final TrainingSource s : data.training()) {
			final NormalizationParams params = ImageStats.params(rule, fitted, s.input());
			final int h = s.input().height();
			if (!data.validation().isEmpty()) {
				train.add(new PatchRegion(s, 0, h, params));
				continue;
			}
			final int band = Math.max(p, (int) Math.round(h * config.validationFraction()));
			if (h - band >= p) {
				train.add(new PatchRegion(s, 0, h - band, params));
				validation.add(new PatchRegion(s, h - band, h, params));
			}
			else {
				LOG.warn("Image {} ({}x{}) is too small to hold out validation rows; its validation patches may " +
					"overlap training patches", s.name(), s.input().width(), h);
				train.add(new PatchRegion(s, 0, h, params));
				validation.add(new PatchRegion(s, 0, h, params));
			}
		}
		for (final TrainingSource s : data.validation()) {
			validation.add(new PatchRegion(s, 0, s.input().height(), ImageStats.params(rule, fitted, s.input())));
		}
	}

	private List<Batch> validationBatches(final BatchMaker maker) {
		final SplittableRandom random = RunRandom.validation(config.seed());
		final List<Batch> batches = new ArrayList<>();
		for (int left = config.validationPatches(); left > 0; left -= config.batchSize()) {
			batches.add(maker.make(Math.min(left, config.batchSize()), random));
		}
		return batches;
	}

	// -- Training --

	private LearningRate trainingConfig(final TrainerState state) {
		final SameDiff sd = model.graph();
		final org.nd4j.autodiff.samediff.TrainingConfig existing = sd.getTrainingConfig();
		if (existing != null && existing.getUpdater() instanceof Adam adam &&
			adam.getLearningRateSchedule() instanceof LearningRate lr)
		{
			lr.set(state.learningRate());
			return lr;
		}
		final LearningRate lr = new LearningRate(state.learningRate());
		sd.setTrainingConfig(org.nd4j.autodiff.samediff.TrainingConfig.builder()
			.updater(new Adam(lr))
			.dataSetFeatureMapping(Batch.featureNames(gaussian))
			.dataSetLabelMapping(Batch.labelNames(masked))
			.trainEvaluation(GraphNames.LOSS, 0, new LossProbe())
			.build());
		return lr;
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

	private double validate(final SameDiff sd, final List<Batch> batches) {
		double sum = 0;
		long count = 0;
		synchronized (model.lock()) {
			for (final Batch b : batches) {
				final MultiDataSet ds = b.toDataSet();
				final Map<String, INDArray> feed = new HashMap<>();
				final List<String> features = Batch.featureNames(gaussian);
				for (int i = 0; i < features.size(); i++) feed.put(features.get(i), ds.getFeatures(i));
				final List<String> labels = Batch.labelNames(masked);
				for (int i = 0; i < labels.size(); i++) feed.put(labels.get(i), ds.getLabels(i));
				try (INDArray loss = sd.output(feed, GraphNames.LOSS).get(GraphNames.LOSS)) {
					sum += loss.getDouble(0) * b.count();
				}
				count += b.count();
				feed.values().forEach(INDArray::close);
			}
		}
		return sum / count;
	}

	private void keepBest(final SameDiff sd) {
		synchronized (model.lock()) {
			final Map<String, INDArray> copy = Weights.copy(sd);
			Weights.close(best);
			best = copy;
		}
	}

	private ModelInfo info(final ModelInfo start, final NormalizationParams fitted, final List<EpochResult> history,
		final double seconds)
	{
		final String description = start.trainingData() == null || start.trainingData().isEmpty() ||
			start.trainingData().equals(data.description()) ? data.description()
				: start.trainingData() + "; " + data.description();
		return new ModelInfo(start.spec(), start.spec().normalization().fittedAtTraining() ? fitted : null, history,
			description, seconds, start.created());
	}

	// -- Checkpoints --

	private void writeCheckpoint(final TrainerState state) {
		final Map<String, StoredArray> extra = new HashMap<>(state.toArrays());
		synchronized (model.lock()) {
			if (best != null) best.forEach((k, v) -> extra.put(TrainerState.BEST + k, stored(v)));
			final Map<String, GradientUpdater> updaters = model.graph().getUpdaterMap();
			if (updaters != null) {
				updaters.forEach((name, u) -> u.getState().forEach((key, value) -> extra.put(TrainerState.ADAM + name +
					"." + key, stored((INDArray) value))));
			}
		}
		ModelArchive.write(config.checkpoint(), model.contents(extra));
	}

	private TrainerState resume() {
		final ArchiveContents c = ModelArchive.read(config.checkpoint(), model.info().spec().variant());
		if (!c.info().spec().equals(model.info().spec())) {
			throw new InvalidInputException("checkpoint " + config.checkpoint() + " belongs to a different model " +
				"(network, loss or normalisation differ); delete it or train without resuming");
		}
		final TrainerState state = TrainerState.fromArrays(c.weights());
		if (state == null) {
			throw new InvalidInputException(config.checkpoint() + " is a model file without trainer state, " +
				"not a checkpoint");
		}
		model.setStoredWeights(c.weights(), config.checkpoint().toString());
		model.setInfo(c.info());
		final Map<String, INDArray> kept = new HashMap<>();
		final Map<String, StoredArray> adam = new HashMap<>();
		c.weights().forEach((k, v) -> {
			if (k.startsWith(TrainerState.BEST)) {
				kept.put(k.substring(TrainerState.BEST.length()), Nd4j.create(v.values(), v.shape(), 'c'));
			}
			else if (k.startsWith(TrainerState.ADAM)) adam.put(k.substring(TrainerState.ADAM.length()), v);
		});
		best = kept.isEmpty() ? null : kept;
		pendingAdam = adam.isEmpty() ? null : adam;
		LOG.info("Resuming from {} after epoch {} of {}", config.checkpoint(), state.runEpoch(), config.epochs());
		return state;
	}

	/**
	 * Creates the graph's optimiser before the first step, so that a resumed run can restore its state.
	 * SameDiff otherwise creates it inside {@code fit}, after the listeners' first call.
	 */
	private static void initializeOptimiser(final SameDiff sd) {
		if (sd.isInitializedTraining()) return;
		try {
			final java.lang.reflect.Method init = SameDiff.class.getDeclaredMethod("initializeTraining");
			init.setAccessible(true);
			init.invoke(sd);
		}
		catch (final ReflectiveOperationException | RuntimeException e) {
			LOG.warn("Cannot restore the optimiser state ({}); resuming with a fresh optimiser", e.toString());
		}
	}

	/** Before the first step after a resume, when the graph's optimiser exists: restores its state. */
	private void restoreAdam(final SameDiff sd) {
		if (pendingAdam == null) return;
		final Map<String, GradientUpdater> updaters = sd.getUpdaterMap();
		if (updaters != null) {
			for (final Map.Entry<String, GradientUpdater> u : updaters.entrySet()) {
				final Map<String, INDArray> current = u.getValue().getState();
				final Map<String, INDArray> restored = new HashMap<>();
				for (final Map.Entry<String, INDArray> s : current.entrySet()) {
					final StoredArray a = pendingAdam.get(u.getKey() + "." + s.getKey());
					if (a == null || a.values().length != s.getValue().length()) {
						restored.clear();
						break;
					}
					restored.put(s.getKey(), Nd4j.create(a.values(), s.getValue().shape(), s.getValue().ordering()));
				}
				if (!restored.isEmpty()) u.getValue().setState(restored, false);
			}
			LOG.debug("Optimiser state restored for {} variables", updaters.size());
		}
		pendingAdam = null;
	}

	private static StoredArray stored(final INDArray a) {
		try (INDArray c = a.dup('c')) {
			return new StoredArray(a.shape(), c.data().asFloat());
		}
	}
}
