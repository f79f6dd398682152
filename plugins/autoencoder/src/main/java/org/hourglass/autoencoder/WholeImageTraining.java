package org.hourglass.autoencoder;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.training.TrainingConfig;
import org.hourglass.api.training.TrainingData;
import org.hourglass.api.training.TrainingSource;
import org.hourglass.imagej.codes.HeldOut;
import org.hourglass.imagej.codes.ImageSet;

/**
 * Training data for an autoencoder of whole images: every image on its canvas is one training source (its
 * only "patch" is itself), and a random {@link #VALIDATION_FRACTION} of the images, drawn with a fixed seed,
 * is held out to measure progress, so that images sorted by class or time validate on a fair mix.
 */
public final class WholeImageTraining {

	/** Fraction of the images held out for validation. */
	public static final double VALIDATION_FRACTION = 0.1;

	/** Seed of the split: the same images are held out whatever the run's seed, so runs compare. */
	public static final long SPLIT_SEED = 42;

	/** At most this many validation examples are drawn per epoch (from the held-out images). */
	static final int MAX_VALIDATION_EXAMPLES = 2000;

	private WholeImageTraining() {}

	/**
	 * The training data: the items on {@code canvas}, about {@value #VALIDATION_FRACTION} of them (at least one)
	 * held out at random ({@link #SPLIT_SEED}).
	 *
	 * @throws InvalidInputException if there are fewer than two images
	 */
	public static TrainingData data(final List<ImageSet.Item> items, final Canvas canvas) {
		if (items.size() < 2) {
			throw new InvalidInputException("An autoencoder learns from at least 2 images (one is held out to measure " +
				"progress), but " + (items.isEmpty() ? "none was" : "only 1 was") + " given; use a stack or a folder " +
				"of images.");
		}
		final boolean[] validation = heldOut(items.size(), validationCount(items.size()), SPLIT_SEED);
		final List<TrainingSource> train = new ArrayList<>();
		final List<TrainingSource> val = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			final ImageSet.Item it = items.get(i);
			final TrainingSource s = TrainingSource.of(canvas.pad(it.plane()), it.name() + (it.slice() > 0 ? " " + it
				.slice() : ""));
			(validation[i] ? val : train).add(s);
		}
		final String description = items.size() + " images of " + canvas.size() + ": " + items.get(0).name() + (items
			.size() > 1 && !items.get(items.size() - 1).name().equals(items.get(0).name()) ? " ... " + items.get(items
				.size() - 1).name() : "");
		return new TrainingData(train, val, description);
	}

	/** How many of {@code n} images are held out: {@value #VALIDATION_FRACTION} of them, at least one. */
	public static int validationCount(final int n) {
		return Math.max(1, (int) Math.round(n * VALIDATION_FRACTION));
	}

	/**
	 * The configuration for whole images on {@code canvas}: patches are the canvas, augmentation as asked, and as
	 * many validation examples as there are held-out images (at most {@value #MAX_VALIDATION_EXAMPLES}).
	 */
	public static TrainingConfig configure(final TrainingConfig config, final Canvas canvas, final TrainingData data,
		final boolean augment)
	{
		return config.withPatchSize(canvas.side()).withAugment(augment).withValidation(VALIDATION_FRACTION, Math.min(
			MAX_VALIDATION_EXAMPLES, Math.max(1, data.validation().size())));
	}

	/**
	 * Which of {@code n} images are held out: {@code count} of them, chosen by a shuffle seeded with {@code seed}
	 * ({@link #data} holds out {@link #validationCount} with {@link #SPLIT_SEED}).
	 */
	public static boolean[] heldOut(final int n, final int count, final long seed) {
		return HeldOut.choose(n, count, new SplittableRandom(seed ^ 0x5DEECE66DL));
	}
}
