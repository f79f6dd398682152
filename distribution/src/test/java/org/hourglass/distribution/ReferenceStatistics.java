package org.hourglass.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ImageProcessor;
import ij.process.ImageStatistics;

/**
 * The numbers the Image Statistics command must produce, computed independently: ImageJ's own statistics
 * for count, min, max and mean, plain Java for the population standard deviation and the percentiles.
 */
record ReferenceStatistics(long count, double min, double max, double mean, double std, double[] sorted) {

	static ReferenceStatistics of(final Path image) {
		final ImagePlus imp = IJ.openImage(image.toString());
		final ImageProcessor ip = imp.getProcessor();
		final ImageStatistics ij = ImageStatistics.getStatistics(ip, ImageStatistics.MIN_MAX |
			ImageStatistics.MEAN, null);
		final int n = ip.getPixelCount();
		final double[] values = new double[n];
		double sum = 0;
		for (int i = 0; i < n; i++) {
			values[i] = ip.getf(i);
			sum += values[i];
		}
		final double mean = sum / n;
		double ss = 0;
		for (final double v : values) ss += (v - mean) * (v - mean);
		Arrays.sort(values);
		assertEquals(mean, ij.mean, 1e-9, "ImageJ and the test agree on the mean");
		return new ReferenceStatistics(ij.pixelCount, ij.min, ij.max, ij.mean, Math.sqrt(ss / n), values);
	}

	/** Checks the command's outputs ({@code key = value} strings or numbers) against these numbers. */
	void check(final Map<String, ?> outputs, final double lowPercentile, final double highPercentile) {
		assertEquals(count, Long.parseLong(String.valueOf(outputs.get("count"))), "count");
		assertEquals(min, number(outputs, "min"), 1e-6, "min");
		assertEquals(max, number(outputs, "max"), 1e-6, "max");
		assertEquals(mean, number(outputs, "mean"), 1e-4, "mean");
		assertEquals(std, number(outputs, "std"), 1e-4, "std");
		checkPercentile(lowPercentile, number(outputs, "lowValue"));
		checkPercentile(highPercentile, number(outputs, "highValue"));
	}

	/** Definitions of percentiles differ by interpolation: the value must lie between the neighbouring ranks. */
	private void checkPercentile(final double p, final double value) {
		final int k = (int) Math.round(p / 100 * (sorted.length - 1));
		final double lo = sorted[Math.max(0, k - 1)];
		final double hi = sorted[Math.min(sorted.length - 1, k + 1)];
		assertTrue(lo <= value && value <= hi, "percentile " + p + " = " + value + ", expected within [" + lo +
			", " + hi + "]");
	}

	private static double number(final Map<String, ?> outputs, final String key) {
		final Object v = outputs.get(key);
		if (v == null) throw new AssertionError("no output '" + key + "' in " + outputs);
		return Double.parseDouble(String.valueOf(v));
	}
}
