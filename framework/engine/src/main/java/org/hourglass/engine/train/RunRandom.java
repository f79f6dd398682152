package org.hourglass.engine.train;

import java.util.SplittableRandom;

/**
 * The random streams of a training run, one per epoch and one for the validation patches, all derived from the
 * run's seed: the same seed gives the same run (and a resumed run the same epochs), and no two streams share
 * values.
 * <p>
 * The seeds are scrambled on purpose. {@code SplittableRandom(s)} walks {@code s + k·γ} for a fixed γ, so the
 * obvious {@code seed + γ·epoch} makes every epoch's stream the previous one shifted by a single value: the
 * epochs would draw nearly the same patches and masks again and again, and the network would learn them by
 * heart.
 */
final class RunRandom {

	private RunRandom() {}

	/** The stream of one epoch (epochs count from 1, across resumed and fine-tuning runs alike). */
	static SplittableRandom epoch(final long seed, final int epoch) {
		return new SplittableRandom(scramble(seed ^ scramble(epoch + 0x632BE59BD9B4E019L)));
	}

	/** The stream of the validation patches, made once per run. */
	static SplittableRandom validation(final long seed) {
		return new SplittableRandom(scramble(seed ^ 0x5DEECE66DL));
	}

	/** The stream that chooses the validation blocks, made once per run. */
	static SplittableRandom split(final long seed) {
		return new SplittableRandom(scramble(seed ^ 0x2545F4914F6CDD1DL));
	}

	/** A bijective 64-bit mix (the SplitMix64 finaliser): nearby inputs give unrelated outputs. */
	static long scramble(final long value) {
		long z = value;
		z = (z ^ z >>> 30) * 0xBF58476D1CE4E5B9L;
		z = (z ^ z >>> 27) * 0x94D049BB133111EBL;
		return z ^ z >>> 31;
	}
}
