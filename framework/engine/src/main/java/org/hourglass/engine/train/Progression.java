package org.hourglass.engine.train;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.training.TrainingConfig;
import org.hourglass.api.training.TrainingReport;

/**
 * Where a run stands between epochs and what the validation loss makes of it: the best loss and epoch so far,
 * the learning rate reduced on a plateau (or decayed along a cosine, step by step), early stopping. Its numbers are what a checkpoint keeps
 * ({@link TrainerState}).
 */
final class Progression {

	private static final Logger LOG = LogManager.getLogger();

	private final TrainingConfig.Schedule schedule;
	private final LearningRate lr;
	private int runEpoch;
	private final int baseEpochs;
	private double bestLoss;
	private int bestEpoch;
	private int sinceBest;
	private int plateauWait;

	Progression(final TrainingConfig.Schedule schedule, final LearningRate lr, final TrainerState state) {
		this.schedule = schedule;
		this.lr = lr;
		runEpoch = state.runEpoch();
		baseEpochs = state.baseEpochs();
		bestLoss = state.bestLoss();
		bestEpoch = state.bestEpoch();
		sinceBest = state.sinceBest();
		plateauWait = state.plateauWait();
		lr.set(state.learningRate());
	}

	/** Epochs of this run still to go. */
	boolean moreEpochs() {
		return runEpoch < schedule.epochs();
	}

	/** Starts the next epoch; its number across runs (fine-tuning counts on from the model's history). */
	int nextEpoch() {
		return baseEpochs + ++runEpoch;
	}

	/** The epoch just started did not run (stopped before its first step). */
	void undoEpoch() {
		runEpoch--;
	}

	int runEpoch() {
		return runEpoch;
	}

	int baseEpochs() {
		return baseEpochs;
	}

	int bestEpoch() {
		return bestEpoch;
	}

	double bestLoss() {
		return bestLoss;
	}

	/**
	 * Takes the validation loss of epoch {@code epoch}: true if it is the best so far. Otherwise counts towards
	 * early stopping and the plateau, and reduces the learning rate at a plateau.
	 */
	boolean record(final int epoch, final double validationLoss) {
		if (validationLoss < bestLoss) {
			bestLoss = validationLoss;
			bestEpoch = epoch;
			sinceBest = 0;
			plateauWait = 0;
			return true;
		}
		sinceBest++;
		plateauWait++;
		return false;
	}

	/**
	 * After step {@code step} (from 1) of the current epoch: with the cosine decay, sets the learning rate for the
	 * next step, {@code learningRate · (1 + cos(π·t)) / 2} with {@code t} the part of the run done, by steps over
	 * all its epochs or by {@code budgetUsed} of a time budget, whichever is further.
	 */
	void afterStep(final int step, final double budgetUsed) {
		if (schedule.decay() != TrainingConfig.Decay.COSINE) return;
		final double bySteps = ((runEpoch - 1) * (double) schedule.stepsPerEpoch() + step) / ((double) schedule
			.epochs() * schedule.stepsPerEpoch());
		final double t = Math.min(1, Math.max(bySteps, budgetUsed));
		lr.set(schedule.learningRate() * 0.5 * (1 + Math.cos(Math.PI * t)));
	}

	/** After {@link #record}: {@link TrainingReport.Ending#EARLY_STOPPING} if patience ran out, else null (and the plateau rule applied). */
	TrainingReport.Ending afterEpoch() {
		if (schedule.earlyStoppingPatience() > 0 && sinceBest >= schedule.earlyStoppingPatience()) {
			LOG.info("No improvement for {} epochs: stopping early", sinceBest);
			return TrainingReport.Ending.EARLY_STOPPING;
		}
		if (schedule.decay() == TrainingConfig.Decay.PLATEAU && plateauWait >= schedule.plateauPatience()) {
			lr.set(lr.get() * schedule.plateauFactor());
			plateauWait = 0;
			LOG.info("Validation loss flat for {} epochs: learning rate reduced to {}", schedule.plateauPatience(),
				lr.get());
		}
		return null;
	}

	/** The state a checkpoint keeps, with the optimiser's step count. */
	TrainerState state(final int iterations) {
		return new TrainerState(runEpoch, baseEpochs, lr.get(), bestLoss, bestEpoch, sinceBest, plateauWait, iterations);
	}
}
