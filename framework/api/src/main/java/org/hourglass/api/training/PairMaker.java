package org.hourglass.api.training;

import java.util.SplittableRandom;

import org.hourglass.api.image.Plane;

/**
 * What makes a variant a variant at training time: how a sampled patch becomes an (input, target, mask)
 * example. Identity for a plain autoencoder, synthetic noise or a blind-spot mask for denoising,
 * down-sampling for super-resolution.
 * <p>
 * Contract: called from one thread at a time per trainer; must not modify {@code input} or
 * {@code target}; draws all randomness from {@code random} so that training is reproducible from a seed;
 * works in the raw intensities of the source images (normalisation is applied afterwards). The network
 * input it makes is the patch {@link #inputReduction()} times smaller on each side; the target must be the
 * network's output size for that input.
 */
@FunctionalInterface
public interface PairMaker {

	/**
	 * @param input the patch cropped from the source's input image
	 * @param target the aligned patch of the source's target image, or {@code null} if the source has none
	 * @param random the trainer's random generator
	 */
	TrainingPair make(Plane input, Plane target, SplittableRandom random);

	/**
	 * How many times smaller (on each side) than the patch the network inputs are: 1 for most, 2 for
	 * neighbour sub-sampling, the factor for super-resolution from high-resolution images alone.
	 */
	default int inputReduction() {
		return 1;
	}

	/** Input and target are the patch itself (a plain autoencoder). */
	PairMaker IDENTITY = (input, target, random) -> new TrainingPair(input, target != null ? target : input, null);

	/** Input and target are the source's aligned pair (supervised training); the source must have a target. */
	PairMaker ALIGNED = (input, target, random) -> {
		if (target == null) throw new IllegalArgumentException("supervised training needs a target for every input");
		return new TrainingPair(input, target, null);
	};
}
