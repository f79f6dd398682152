package org.hourglass.vae;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.NormalizationParams;
import org.hourglass.api.image.Plane;
import org.hourglass.api.training.TrainingConfig;
import org.hourglass.api.training.TrainingData;
import org.hourglass.api.training.TrainingSource;
import org.hourglass.imagej.codes.HeldOut;
import org.hourglass.imagej.codes.ImageSet;

/**
 * The training data of a VAE, shared by the Train command and the benchmark: a set of same-size images (every
 * image is one example, not a source of patches), its normalisation fixed at training, each image placed in
 * the network's {@link ImageFrame}, and whole images held out to validate on.
 */
public final class VaeTraining {

	/** The fewest training images. */
	public static final int MIN_IMAGES = 2;

	private VaeTraining() {}

	/**
	 * The normalisation called {@code choice} for these images: {@value VaeVariant#NORM_AUTO} (0–255 for 8-bit
	 * images, otherwise their minimum and maximum), {@value VaeVariant#NORM_RANGE_8BIT} or
	 * {@value VaeVariant#NORM_NONE}. The result maps every image into [0, 1], or the command is refused.
	 *
	 * @param eightBit whether the images are 8-bit
	 * @throws InvalidInputException for an unknown choice, constant images, or values that would fall outside [0, 1]
	 */
	public static Normalization normalization(final String choice, final List<ImageSet.Item> images,
		final boolean eightBit)
	{
		final double[] range = range(images);
		final Normalization n = switch (choice == null ? VaeVariant.NORM_AUTO : choice.toLowerCase(Locale.ROOT)) {
			case VaeVariant.NORM_AUTO -> eightBit ? Normalization.fixed(0, 255) : dataRange(range);
			case VaeVariant.NORM_RANGE_8BIT -> Normalization.fixed(0, 255);
			case VaeVariant.NORM_NONE -> Normalization.none();
			default -> throw new InvalidInputException("Unknown normalisation '" + choice + "'; expected " +
				VaeVariant.NORM_AUTO + ", " + VaeVariant.NORM_RANGE_8BIT + " or " + VaeVariant.NORM_NONE + ".");
		};
		final NormalizationParams p = n.fit(null);
		final double lo = (range[0] - p.offset()) / p.scale();
		final double hi = (range[1] - p.offset()) / p.scale();
		if (lo < -1e-6 || hi > 1 + 1e-6) {
			throw new InvalidInputException(String.format(Locale.ROOT, "The training images range from %s to %s, which " +
				"normalisation %s maps to %s to %s; a variational autoencoder models images in [0, 1]. Choose " +
				"normalization=%s (the images' own range) or convert the images first.", fmt(range[0]), fmt(range[1]),
				choice, fmt(lo), fmt(hi), VaeVariant.NORM_AUTO));
		}
		return n;
	}

	private static Normalization dataRange(final double[] range) {
		if (!(range[1] > range[0])) {
			throw new InvalidInputException("Every training image has the same value " + fmt(range[0]) +
				" everywhere: there is nothing to learn.");
		}
		return Normalization.fixed(range[0], range[1]);
	}

	/** The intensity that {@code n} maps to 0: the background images are padded with. */
	public static double padValue(final Normalization n) {
		return n.fit(null).offset();
	}

	/**
	 * The training data: every image placed in {@code frame}; {@code validation} if given, otherwise about
	 * {@code holdOut} of the images (at least one, chosen with {@code seed}) held out to validate on.
	 *
	 * @throws InvalidInputException if there are fewer than {@value #MIN_IMAGES} images, or none left to train on
	 */
	public static TrainingData data(final List<ImageSet.Item> images, final List<ImageSet.Item> validation,
		final ImageFrame frame, final double holdOut, final long seed, final String description)
	{
		if (images.size() < MIN_IMAGES && validation.isEmpty()) {
			throw new InvalidInputException("A variational autoencoder learns from many images of one kind, but " +
				images.size() + " image was given: give a stack or a folder of at least " + MIN_IMAGES + " (better: " +
				"hundreds).");
		}
		if (!(holdOut > 0 && holdOut < 1)) {
			throw new InvalidInputException("The validation fraction must be between 0 and 1 (exclusive), got " +
				holdOut + ".");
		}
		final List<TrainingSource> train = new ArrayList<>();
		final List<TrainingSource> check = new ArrayList<>();
		if (!validation.isEmpty()) {
			for (final ImageSet.Item it : images) train.add(source(it, frame));
			for (final ImageSet.Item it : validation) check.add(source(it, frame));
		}
		else {
			final boolean[] held = heldOut(images.size(), holdOut, seed);
			for (int i = 0; i < images.size(); i++) (held[i] ? check : train).add(source(images.get(i), frame));
		}
		return new TrainingData(train, check, description);
	}

	/** Which of {@code n} images are held out: {@code round(fraction·n)} of them, at least 1, at most n − 1. */
	static boolean[] heldOut(final int n, final double fraction, final long seed) {
		final int count = Math.max(1, Math.min(n - 1, (int) Math.round(fraction * n)));
		return HeldOut.choose(n, count, new SplittableRandom(seed ^ 0x5eed_0f_da7aL));
	}

	/**
	 * The training configuration for whole images: patches are the network's input (whole framed images), no
	 * flips or rotations unless asked for (digits and faces have an orientation), and validation on twice as
	 * many draws as there are validation images (at least 256, at most 4096).
	 */
	public static TrainingConfig configure(final TrainingConfig config, final TrainingData data, final boolean augment) {
		final int draws = Math.max(256, Math.min(4096, 2 * data.validation().size()));
		return config.withAugment(augment).withValidation(config.validationFraction(), draws);
	}

	private static TrainingSource source(final ImageSet.Item it, final ImageFrame frame) {
		final String name = it.slice() > 0 ? it.name() + " (slice " + it.slice() + ")" : it.name();
		final Plane framed = frame.toNetwork(it.plane(), name);
		return TrainingSource.of(framed, name);
	}

	/** The smallest and largest value of all images. */
	static double[] range(final List<ImageSet.Item> images) {
		double lo = Double.POSITIVE_INFINITY;
		double hi = Double.NEGATIVE_INFINITY;
		for (final ImageSet.Item it : images) {
			for (final float v : it.plane().data()) {
				lo = Math.min(lo, v);
				hi = Math.max(hi, v);
			}
		}
		return new double[] { lo, hi };
	}

	private static String fmt(final double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
	}
}
