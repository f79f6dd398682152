package org.hourglass.api.image;

import java.util.Locale;

/**
 * How image intensities are mapped to the range a network sees, and back.
 * <p>
 * A normalisation is a rule; {@link #fit} turns it into concrete {@link NormalizationParams} for one
 * image (or for the training data, for rules that are fixed at training time). The model file records
 * the rule and, for fixed rules, the fitted parameters, so prediction normalises exactly as training did.
 *
 * @param mode the rule
 * @param low for {@link Mode#PERCENTILE}: the percentile mapped to 0 (default 1); for {@link Mode#FIXED}:
 *          the value mapped to 0
 * @param high for {@link Mode#PERCENTILE}: the percentile mapped to 1 (default 99.8); for
 *          {@link Mode#FIXED}: the value mapped to 1
 */
public record Normalization(Mode mode, double low, double high) {

	/** The normalisation rules. */
	public enum Mode {
		/** Per image: the low percentile maps to 0, the high one to 1 (as CSBDeep). */
		PERCENTILE,
		/** Fixed at training time: zero mean, unit standard deviation of the training data (as N2V). */
		MEAN_STD,
		/** Fixed values: {@code low} maps to 0, {@code high} to 1 (e.g. 0 and 255 for 8-bit data). */
		FIXED,
		/** Values are used as they are. */
		NONE
	}

	public static final double DEFAULT_LOW_PERCENTILE = 1.0;
	public static final double DEFAULT_HIGH_PERCENTILE = 99.8;

	public Normalization {
		if (mode == null) throw new IllegalArgumentException("normalisation mode is required");
		if (mode == Mode.PERCENTILE && !(0 <= low && low < high && high <= 100)) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"percentiles must satisfy 0 <= low < high <= 100, got %s and %s", low, high));
		}
		if (mode == Mode.FIXED && !(low < high)) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"fixed normalisation needs low < high, got %s and %s", low, high));
		}
	}

	public static Normalization percentile(final double low, final double high) {
		return new Normalization(Mode.PERCENTILE, low, high);
	}

	/** Percentile normalisation with the default 1 % and 99.8 %. */
	public static Normalization percentile() {
		return percentile(DEFAULT_LOW_PERCENTILE, DEFAULT_HIGH_PERCENTILE);
	}

	public static Normalization meanStd() {
		return new Normalization(Mode.MEAN_STD, 0, 0);
	}

	public static Normalization fixed(final double low, final double high) {
		return new Normalization(Mode.FIXED, low, high);
	}

	public static Normalization none() {
		return new Normalization(Mode.NONE, 0, 1);
	}

	/** True if the parameters are fitted once (on training data) rather than per image. */
	public boolean fittedAtTraining() {
		return mode == Mode.MEAN_STD;
	}

	/**
	 * True if each image is normalised with its own statistics: percentiles always, mean and standard deviation
	 * when a model has none fitted at training ({@code fitted} false, files of old versions).
	 */
	public boolean perImage(final boolean fitted) {
		return mode == Mode.PERCENTILE || mode == Mode.MEAN_STD && !fitted;
	}

	/**
	 * Parameters for an image with the given statistics (which must have been computed with this rule's
	 * percentiles, for {@link Mode#PERCENTILE}). A zero spread maps everything to 0 rather than dividing by 0.
	 */
	public NormalizationParams fit(final ImageStatistics stats) {
		return switch (mode) {
			case PERCENTILE -> NormalizationParams.between(stats.lowPercentile(), stats.highPercentile());
			case MEAN_STD -> new NormalizationParams(stats.mean(), stats.stdDev() > 0 ? stats.stdDev() : 1);
			case FIXED -> NormalizationParams.between(low, high);
			case NONE -> NormalizationParams.IDENTITY;
		};
	}
}
