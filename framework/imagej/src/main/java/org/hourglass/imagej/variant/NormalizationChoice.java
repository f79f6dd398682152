package org.hourglass.imagej.variant;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.Normalization;

import ij.ImagePlus;

/**
 * The normalisations a training command offers, by the names its {@code normalization} parameter takes, and
 * the rule that the fixed 0–255 range is for 8-bit images only. Every variant names them the same way.
 */
public final class NormalizationChoice {

	/** 1 % to 99.8 % percentiles of each image mapped to [0, 1]: images of any bit depth and intensity scale. */
	public static final String PERCENTILE = "percentile";
	/** The fixed range 0–255 mapped to [0, 1]: 8-bit images whose intensities mean the same in every image. */
	public static final String RANGE_8BIT = "0-255";
	/** Zero mean, unit standard deviation per image. */
	public static final String MEAN_STD = "mean-std";
	/** {@link #RANGE_8BIT} for 8-bit images, {@link #PERCENTILE} otherwise. */
	public static final String AUTO = "auto";

	private NormalizationChoice() {}

	/**
	 * The normalisation called {@code choice} ({@value #PERCENTILE} when {@code null}).
	 *
	 * @throws InvalidInputException for a name that is not {@value #PERCENTILE}, {@value #RANGE_8BIT} or
	 *           {@value #MEAN_STD}
	 */
	public static Normalization of(final String choice) {
		return switch (choice == null ? PERCENTILE : choice) {
			case PERCENTILE -> Normalization.percentile();
			case RANGE_8BIT -> Normalization.fixed(0, 255);
			case MEAN_STD -> Normalization.meanStd();
			default -> throw new InvalidInputException("Unknown normalisation '" + choice + "'; expected " + PERCENTILE +
				", " + RANGE_8BIT + " or " + MEAN_STD + ".");
		};
	}

	/**
	 * The normalisation called {@code choice} ({@value #AUTO} when {@code null}) for images of {@code bitDepth}.
	 *
	 * @throws InvalidInputException for an unknown name, or the 0–255 range for images that are not 8-bit
	 */
	public static Normalization forBitDepth(final String choice, final int bitDepth) {
		final String c = choice == null ? AUTO : choice;
		if (AUTO.equals(c)) return bitDepth == 8 ? Normalization.fixed(0, 255) : Normalization.percentile();
		if (!PERCENTILE.equals(c) && !RANGE_8BIT.equals(c) && !MEAN_STD.equals(c)) {
			throw new InvalidInputException("Unknown normalisation '" + c + "'; expected " + AUTO + ", " + RANGE_8BIT +
				", " + PERCENTILE + " or " + MEAN_STD + ".");
		}
		final Normalization n = of(c);
		requireFitting(n, bitDepth, "these images are");
		return n;
	}

	/**
	 * Refuses the fixed 0–255 range for {@code image} if it is not 8-bit (grey or RGB).
	 *
	 * @throws InvalidInputException if so
	 */
	public static void requireFitting(final Normalization n, final ImagePlus image) {
		final int depth = image.getBitDepth() == 24 ? 8 : image.getBitDepth();
		requireFitting(n, depth, "'" + image.getTitle() + "' is");
	}

	private static void requireFitting(final Normalization n, final int bitDepth, final String subject) {
		if (n.mode() == Normalization.Mode.FIXED && bitDepth != 8) {
			throw new InvalidInputException("Normalisation " + RANGE_8BIT + " is meant for 8-bit images, but " + subject +
				" " + bitDepth + "-bit; use " + PERCENTILE + ".");
		}
	}
}
