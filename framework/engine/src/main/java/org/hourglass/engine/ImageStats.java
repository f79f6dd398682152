package org.hourglass.engine;

import org.hourglass.api.image.ImageStatistics;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.NormalizationParams;
import org.hourglass.api.image.Plane;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Statistics of planes, and normalisation parameters fitted from them. */
public final class ImageStats {

	private ImageStats() {}

	/** Count, range, mean, population standard deviation and two percentiles (in [0, 100]). */
	public static ImageStatistics of(final Plane plane, final double lowPercentile, final double highPercentile) {
		try (INDArray values = Nd4j.createFromArray(plane.data()).castTo(DataType.DOUBLE)) {
			final double mean = values.meanNumber().doubleValue();
			final double std = values.stdNumber(false).doubleValue();
			final double min = values.minNumber().doubleValue();
			final double max = values.maxNumber().doubleValue();
			final double low = values.percentileNumber(lowPercentile).doubleValue();
			final double high = values.percentileNumber(highPercentile).doubleValue();
			return new ImageStatistics(values.length(), min, max, mean, std, low, high);
		}
	}

	/**
	 * Parameters of {@code rule} for one image: per image for percentiles; {@code fitted} (the training data's)
	 * for rules fixed at training time, or the image's own if there are none yet; the rule's values otherwise.
	 */
	public static NormalizationParams params(final Normalization rule, final NormalizationParams fitted,
		final Plane plane)
	{
		return switch (rule.mode()) {
			case PERCENTILE -> rule.fit(of(plane, rule.low(), rule.high()));
			case MEAN_STD -> fitted != null ? fitted : rule.fit(of(plane, 0, 100));
			case FIXED, NONE -> rule.fit(null);
		};
	}

	/** Mean and standard deviation over all values of several planes, as one data set. */
	public static NormalizationParams meanStd(final Iterable<Plane> planes) {
		double sum = 0;
		double sumSq = 0;
		long n = 0;
		for (final Plane p : planes) {
			for (final float v : p.data()) {
				sum += v;
				sumSq += (double) v * v;
			}
			n += p.data().length;
		}
		final double mean = sum / n;
		final double std = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
		return new NormalizationParams(mean, std > 0 ? std : 1);
	}
}
