package org.hourglass.api.training;

import java.nio.file.Path;

/**
 * How to train. Build with {@link #defaults()} and the {@code with…} methods.
 *
 * @param patchSize width and height of training patches (a multiple of the network's down-sampling factor)
 * @param batchSize patches per step
 * @param epochs number of epochs
 * @param stepsPerEpoch optimiser steps per epoch
 * @param learningRate Adam's initial learning rate
 * @param plateauPatience epochs without validation improvement before the learning rate is multiplied
 *          by {@code plateauFactor}
 * @param plateauFactor factor applied to the learning rate on a plateau, in (0, 1)
 * @param earlyStoppingPatience epochs without validation improvement before training stops; 0 = never
 * @param validationFraction fraction of sampled patches held out when no validation images are given
 * @param validationPatches number of validation patches (fixed for the whole run)
 * @param augment use the 8 flips and rotations of each patch
 * @param seed seed of all randomness
 * @param checkpoint file the trainer writes after every epoch and can resume from; {@code null} = none
 * @param resume continue from {@code checkpoint} if it exists
 */
public record TrainingConfig(int patchSize, int batchSize, int epochs, int stepsPerEpoch, double learningRate,
	int plateauPatience, double plateauFactor, int earlyStoppingPatience, double validationFraction,
	int validationPatches, boolean augment, long seed, Path checkpoint, boolean resume)
{

	public TrainingConfig {
		require(patchSize >= 4, "patch size must be at least 4, got " + patchSize);
		require(batchSize >= 1, "batch size must be at least 1, got " + batchSize);
		require(epochs >= 1, "epochs must be at least 1, got " + epochs);
		require(stepsPerEpoch >= 1, "steps per epoch must be at least 1, got " + stepsPerEpoch);
		require(learningRate > 0 && learningRate < 1, "learning rate must be in (0, 1), got " + learningRate);
		require(plateauPatience >= 1, "plateau patience must be at least 1, got " + plateauPatience);
		require(plateauFactor > 0 && plateauFactor < 1, "plateau factor must be in (0, 1), got " + plateauFactor);
		require(earlyStoppingPatience >= 0, "early stopping patience must be >= 0");
		require(validationFraction > 0 && validationFraction < 1,
			"validation fraction must be in (0, 1), got " + validationFraction);
		require(validationPatches >= 1, "validation patches must be at least 1");
		require(!resume || checkpoint != null, "resume needs a checkpoint file");
	}

	private static void require(final boolean ok, final String message) {
		if (!ok) throw new IllegalArgumentException(message);
	}

	/** Patches 64×64, batch 32, 50 epochs × 100 steps, Adam 4e-4 halved after 10 flat epochs. */
	public static TrainingConfig defaults() {
		return new TrainingConfig(64, 32, 50, 100, 4e-4, 10, 0.5, 0, 0.1, 256, true, 42, null, false);
	}

	public TrainingConfig withPatchSize(final int v) {
		return new TrainingConfig(v, batchSize, epochs, stepsPerEpoch, learningRate, plateauPatience, plateauFactor,
			earlyStoppingPatience, validationFraction, validationPatches, augment, seed, checkpoint, resume);
	}

	public TrainingConfig withBatchSize(final int v) {
		return new TrainingConfig(patchSize, v, epochs, stepsPerEpoch, learningRate, plateauPatience, plateauFactor,
			earlyStoppingPatience, validationFraction, validationPatches, augment, seed, checkpoint, resume);
	}

	public TrainingConfig withEpochs(final int v) {
		return new TrainingConfig(patchSize, batchSize, v, stepsPerEpoch, learningRate, plateauPatience, plateauFactor,
			earlyStoppingPatience, validationFraction, validationPatches, augment, seed, checkpoint, resume);
	}

	public TrainingConfig withStepsPerEpoch(final int v) {
		return new TrainingConfig(patchSize, batchSize, epochs, v, learningRate, plateauPatience, plateauFactor,
			earlyStoppingPatience, validationFraction, validationPatches, augment, seed, checkpoint, resume);
	}

	public TrainingConfig withLearningRate(final double v) {
		return new TrainingConfig(patchSize, batchSize, epochs, stepsPerEpoch, v, plateauPatience, plateauFactor,
			earlyStoppingPatience, validationFraction, validationPatches, augment, seed, checkpoint, resume);
	}

	public TrainingConfig withPlateau(final int patience, final double factor) {
		return new TrainingConfig(patchSize, batchSize, epochs, stepsPerEpoch, learningRate, patience, factor,
			earlyStoppingPatience, validationFraction, validationPatches, augment, seed, checkpoint, resume);
	}

	public TrainingConfig withEarlyStopping(final int patience) {
		return new TrainingConfig(patchSize, batchSize, epochs, stepsPerEpoch, learningRate, plateauPatience,
			plateauFactor, patience, validationFraction, validationPatches, augment, seed, checkpoint, resume);
	}

	public TrainingConfig withValidation(final double fraction, final int patches) {
		return new TrainingConfig(patchSize, batchSize, epochs, stepsPerEpoch, learningRate, plateauPatience,
			plateauFactor, earlyStoppingPatience, fraction, patches, augment, seed, checkpoint, resume);
	}

	public TrainingConfig withAugment(final boolean v) {
		return new TrainingConfig(patchSize, batchSize, epochs, stepsPerEpoch, learningRate, plateauPatience,
			plateauFactor, earlyStoppingPatience, validationFraction, validationPatches, v, seed, checkpoint, resume);
	}

	public TrainingConfig withSeed(final long v) {
		return new TrainingConfig(patchSize, batchSize, epochs, stepsPerEpoch, learningRate, plateauPatience,
			plateauFactor, earlyStoppingPatience, validationFraction, validationPatches, augment, v, checkpoint, resume);
	}

	public TrainingConfig withCheckpoint(final Path file, final boolean resumeIfPresent) {
		return new TrainingConfig(patchSize, batchSize, epochs, stepsPerEpoch, learningRate, plateauPatience,
			plateauFactor, earlyStoppingPatience, validationFraction, validationPatches, augment, seed, file,
			resumeIfPresent);
	}
}
