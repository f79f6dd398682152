package org.hourglass.api.training;

import java.nio.file.Path;

/**
 * How to train. Build with {@link #defaults()} and the {@code with…} methods.
 *
 * @param patches what a training step sees
 * @param schedule how long and how fast training goes
 * @param validation what measures progress
 * @param seed seed of all randomness
 * @param checkpointing where the trainer keeps its state between epochs
 */
public record TrainingConfig(Patches patches, Schedule schedule, Validation validation, long seed,
	Checkpointing checkpointing)
{

	/**
	 * @param size width and height of training patches (see {@link PatchGeometry})
	 * @param batchSize patches per step
	 * @param augment use the 8 flips and rotations of each patch
	 */
	public record Patches(int size, int batchSize, boolean augment) {

		public Patches {
			require(size >= 4, "patch size must be at least 4, got " + size);
			require(batchSize >= 1, "batch size must be at least 1, got " + batchSize);
		}
	}

	/**
	 * @param epochs number of epochs (with a time budget: at most)
	 * @param stepsPerEpoch optimiser steps per epoch
	 * @param learningRate Adam's initial learning rate
	 * @param plateauPatience epochs without validation improvement before the learning rate is multiplied by
	 *          {@code plateauFactor}
	 * @param plateauFactor factor applied to the learning rate on a plateau, in (0, 1)
	 * @param earlyStoppingPatience epochs without validation improvement before training stops; 0 = never
	 * @param minutes a time budget: training ends after the step in which it runs out (validating that last,
	 *          partial epoch); 0 = none
	 * @param decay how the learning rate changes during the run
	 */
	public record Schedule(int epochs, int stepsPerEpoch, double learningRate, int plateauPatience,
		double plateauFactor, int earlyStoppingPatience, double minutes, Decay decay)
	{

		public Schedule {
			require(epochs >= 1, "epochs must be at least 1, got " + epochs);
			require(stepsPerEpoch >= 1, "steps per epoch must be at least 1, got " + stepsPerEpoch);
			require(learningRate > 0 && learningRate < 1, "learning rate must be in (0, 1), got " + learningRate);
			require(plateauPatience >= 1, "plateau patience must be at least 1, got " + plateauPatience);
			require(plateauFactor > 0 && plateauFactor < 1, "plateau factor must be in (0, 1), got " + plateauFactor);
			require(earlyStoppingPatience >= 0, "early stopping patience must be >= 0, got " + earlyStoppingPatience);
			require(minutes >= 0 && Double.isFinite(minutes), "the time budget must be >= 0 minutes, got " + minutes);
			require(decay != null, "a learning rate decay is required");
		}
	}

	/** How the learning rate changes during a run. */
	public enum Decay {
		/** Multiplied by {@code plateauFactor} when the validation loss is flat for {@code plateauPatience} epochs. */
		PLATEAU,
		/**
		 * Decays from {@code learningRate} to 0 along half a cosine, step by step, over the run's epochs, or over its
		 * time budget if that ends first; the validation loss still chooses the best epoch.
		 */
		COSINE
	}

	/**
	 * @param fraction fraction of each training image held out when no validation images are given
	 * @param patches number of validation patches (fixed for the whole run)
	 */
	public record Validation(double fraction, int patches) {

		public Validation {
			require(fraction > 0 && fraction < 1, "validation fraction must be in (0, 1), got " + fraction);
			require(patches >= 1, "validation patches must be at least 1, got " + patches);
		}
	}

	/**
	 * @param file file the trainer writes after every epoch and can resume from; {@code null} = none
	 * @param resume continue from {@code file} if it exists
	 */
	public record Checkpointing(Path file, boolean resume) {

		public Checkpointing {
			require(!resume || file != null, "resume needs a checkpoint file");
		}
	}

	public TrainingConfig {
		require(patches != null && schedule != null && validation != null && checkpointing != null,
			"patches, schedule, validation and checkpointing are required");
	}

	private static void require(final boolean ok, final String message) {
		if (!ok) throw new IllegalArgumentException(message);
	}

	/** Patches 64×64, batch 32, 50 epochs × 100 steps, Adam 4e-4 halved after 10 flat epochs, no time budget. */
	public static TrainingConfig defaults() {
		return new TrainingConfig(new Patches(64, 32, true), new Schedule(50, 100, 4e-4, 10, 0.5, 0, 0,
			Decay.PLATEAU), new Validation(0.1, 256), 42, new Checkpointing(null, false));
	}

	// -- Parts --

	public int patchSize() {
		return patches.size();
	}

	public int batchSize() {
		return patches.batchSize();
	}

	public boolean augment() {
		return patches.augment();
	}

	public int epochs() {
		return schedule.epochs();
	}

	public int stepsPerEpoch() {
		return schedule.stepsPerEpoch();
	}

	public double learningRate() {
		return schedule.learningRate();
	}

	public double validationFraction() {
		return validation.fraction();
	}

	public int validationPatches() {
		return validation.patches();
	}

	/** The checkpoint file, or {@code null}. */
	public Path checkpoint() {
		return checkpointing.file();
	}

	public boolean resume() {
		return checkpointing.resume();
	}

	// -- Copies with one part changed --

	public TrainingConfig withPatchSize(final int v) {
		return new TrainingConfig(new Patches(v, patches.batchSize(), patches.augment()), schedule, validation, seed,
			checkpointing);
	}

	public TrainingConfig withBatchSize(final int v) {
		return new TrainingConfig(new Patches(patches.size(), v, patches.augment()), schedule, validation, seed,
			checkpointing);
	}

	public TrainingConfig withAugment(final boolean v) {
		return new TrainingConfig(new Patches(patches.size(), patches.batchSize(), v), schedule, validation, seed,
			checkpointing);
	}

	public TrainingConfig withSchedule(final Schedule v) {
		return new TrainingConfig(patches, v, validation, seed, checkpointing);
	}

	public TrainingConfig withEpochs(final int v) {
		final Schedule s = schedule;
		return withSchedule(new Schedule(v, s.stepsPerEpoch(), s.learningRate(), s.plateauPatience(), s
			.plateauFactor(), s.earlyStoppingPatience(), s.minutes(), s.decay()));
	}

	public TrainingConfig withStepsPerEpoch(final int v) {
		final Schedule s = schedule;
		return withSchedule(new Schedule(s.epochs(), v, s.learningRate(), s.plateauPatience(), s.plateauFactor(), s
			.earlyStoppingPatience(), s.minutes(), s.decay()));
	}

	public TrainingConfig withLearningRate(final double v) {
		final Schedule s = schedule;
		return withSchedule(new Schedule(s.epochs(), s.stepsPerEpoch(), v, s.plateauPatience(), s.plateauFactor(), s
			.earlyStoppingPatience(), s.minutes(), s.decay()));
	}

	public TrainingConfig withPlateau(final int patience, final double factor) {
		final Schedule s = schedule;
		return withSchedule(new Schedule(s.epochs(), s.stepsPerEpoch(), s.learningRate(), patience, factor, s
			.earlyStoppingPatience(), s.minutes(), s.decay()));
	}

	public TrainingConfig withEarlyStopping(final int patience) {
		final Schedule s = schedule;
		return withSchedule(new Schedule(s.epochs(), s.stepsPerEpoch(), s.learningRate(), s.plateauPatience(), s
			.plateauFactor(), patience, s.minutes(), s.decay()));
	}

	/** How the learning rate changes during the run. */
	public TrainingConfig withDecay(final Decay v) {
		final Schedule s = schedule;
		return withSchedule(new Schedule(s.epochs(), s.stepsPerEpoch(), s.learningRate(), s.plateauPatience(), s
			.plateauFactor(), s.earlyStoppingPatience(), s.minutes(), v));
	}

	/** A time budget in minutes (0 = none). */
	public TrainingConfig withTimeBudget(final double minutes) {
		final Schedule s = schedule;
		return withSchedule(new Schedule(s.epochs(), s.stepsPerEpoch(), s.learningRate(), s.plateauPatience(), s
			.plateauFactor(), s.earlyStoppingPatience(), minutes, s.decay()));
	}

	public TrainingConfig withValidation(final double fraction, final int count) {
		return new TrainingConfig(patches, schedule, new Validation(fraction, count), seed, checkpointing);
	}

	public TrainingConfig withSeed(final long v) {
		return new TrainingConfig(patches, schedule, validation, v, checkpointing);
	}

	public TrainingConfig withCheckpoint(final Path file, final boolean resumeIfPresent) {
		return new TrainingConfig(patches, schedule, validation, seed, new Checkpointing(file, resumeIfPresent));
	}
}
