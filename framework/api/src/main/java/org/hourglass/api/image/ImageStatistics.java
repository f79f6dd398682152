package org.hourglass.api.image;

/**
 * Summary statistics of a plane's values, as computed by
 * {@link org.hourglass.api.ModelService#statistics(Plane, double, double)}.
 *
 * @param count number of values
 * @param min smallest value
 * @param max largest value
 * @param mean arithmetic mean
 * @param stdDev population standard deviation
 * @param lowPercentile the requested low percentile's value
 * @param highPercentile the requested high percentile's value
 */
public record ImageStatistics(long count, double min, double max, double mean, double stdDev,
	double lowPercentile, double highPercentile)
{}
