package org.hourglass.benchmark.autoencoder;

import java.util.List;

import org.hourglass.api.analysis.NearestNeighbours;
import org.hourglass.api.image.Plane;

/**
 * What the benchmark measures of a method at one code size, on the test digits.
 *
 * @param mse mean squared reconstruction error per pixel, intensities scaled to [0, 1]
 * @param bce mean binary cross-entropy per pixel of the reconstruction (clipped to [1e-7, 1 - 1e-7])
 * @param knn accuracy of k-nearest-neighbour classification of the test codes by the training codes
 */
record Scores(double mse, double bce, double knn) {

	/** Neighbours that vote, as in the issue: k = 5. */
	static final int K = 5;
	private static final double EPS = 1e-7;

	/**
	 * @param reconstructions the test digits' reconstructions, 0–255
	 * @param truth the test digits, 0–255
	 * @param testCodes codes of the test digits
	 * @param trainCodes codes of the training digits
	 */
	static Scores of(final List<Plane> reconstructions, final List<Plane> truth, final List<float[]> testCodes,
		final int[] testLabels, final List<float[]> trainCodes, final int[] trainLabels)
	{
		double se = 0;
		double ce = 0;
		long n = 0;
		for (int i = 0; i < truth.size(); i++) {
			final float[] r = reconstructions.get(i).data();
			final float[] t = truth.get(i).data();
			for (int j = 0; j < t.length; j++) {
				final double y = t[j] / 255.0;
				final double x = r[j] / 255.0;
				se += (x - y) * (x - y);
				final double p = Math.min(1 - EPS, Math.max(EPS, x));
				ce -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
				n++;
			}
		}
		final double knn = new NearestNeighbours(trainCodes).accuracy(testCodes, testLabels, trainLabels, K);
		return new Scores(se / n, ce / n, knn);
	}
}
