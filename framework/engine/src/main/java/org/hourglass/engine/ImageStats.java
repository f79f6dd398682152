package org.hourglass.engine;

import java.util.ArrayList;
import java.util.List;

import org.hourglass.api.image.ChannelNormalization;
import org.hourglass.api.image.ImageStatistics;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.NormalizationParams;
import org.hourglass.api.image.Plane;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Statistics of planes, and normalisation parameters fitted from them, channel by channel. */
public final class ImageStats {

	private ImageStats() {}

	/** Count, range, mean, population standard deviation and two percentiles (in [0, 100]) of all values. */
	public static ImageStatistics of(final Plane plane, final double lowPercentile, final double highPercentile) {
		return of(plane.data(), lowPercentile, highPercentile);
	}

	private static ImageStatistics of(final float[] data, final double lowPercentile, final double highPercentile) {
		try (INDArray values = Nd4j.createFromArray(data).castTo(DataType.DOUBLE)) {
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
	 * Parameters of {@code rule} for each channel of one image: per image for percentiles; {@code fitted} (the
	 * training data's) for rules fixed at training time, or the image's own if there are none yet; the rule's
	 * values otherwise.
	 */
	public static ChannelNormalization params(final Normalization rule, final ChannelNormalization fitted,
		final Plane plane)
	{
		if (!rule.perImage(fitted != null)) {
			return rule.mode() == Normalization.Mode.MEAN_STD ? fitted : ChannelNormalization.of(rule.fit(null));
		}
		final double low = rule.mode() == Normalization.Mode.PERCENTILE ? rule.low() : 0;
		final double high = rule.mode() == Normalization.Mode.PERCENTILE ? rule.high() : 100;
		final List<NormalizationParams> channels = new ArrayList<>();
		for (int c = 0; c < plane.channels(); c++) {
			channels.add(rule.fit(of(plane.channel(c).data(), low, high)));
		}
		return new ChannelNormalization(channels);
	}

	/** Mean and standard deviation of each channel over all values of several planes, as one data set. */
	public static ChannelNormalization meanStd(final List<Plane> planes) {
		final int channels = planes.get(0).channels();
		final List<NormalizationParams> out = new ArrayList<>();
		for (int c = 0; c < channels; c++) {
			double sum = 0;
			double sumSq = 0;
			long n = 0;
			for (final Plane p : planes) {
				final float[] d = p.data();
				for (int i = c * p.pixels(), end = i + p.pixels(); i < end; i++) {
					sum += d[i];
					sumSq += (double) d[i] * d[i];
				}
				n += p.pixels();
			}
			final double mean = sum / n;
			final double std = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
			out.add(new NormalizationParams(mean, std > 0 ? std : 1));
		}
		return new ChannelNormalization(out);
	}
}
