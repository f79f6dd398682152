package org.hourglass.benchmark.engine;

import java.util.Arrays;

/** Small statistics for benchmark figures. */
public final class Stats {

	private Stats() {}

	/** The median (mean of the middle two for an even count); NaN for no values. */
	public static double median(final double... values) {
		if (values.length == 0) return Double.NaN;
		final double[] v = values.clone();
		Arrays.sort(v);
		final int m = v.length / 2;
		return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
	}
}
