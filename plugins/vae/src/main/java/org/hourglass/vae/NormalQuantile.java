package org.hourglass.vae;

/**
 * The quantile function (inverse cumulative distribution) of the standard normal distribution, by P. J.
 * Acklam's rational approximations (relative error below 1.2e-9 over (0, 1)): a central one for
 * {@code 0.02425 <= p <= 0.97575} and one for each tail.
 */
public final class NormalQuantile {

	private static final double[] A = { -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
		1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00 };
	private static final double[] B = { -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
		6.680131188771972e+01, -1.328068155288572e+01 };
	private static final double[] C = { -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
		-2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00 };
	private static final double[] D = { 7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
		3.754408661907416e+00 };
	private static final double LOW = 0.02425;

	private NormalQuantile() {}

	/**
	 * The {@code x} with {@code P(X <= x) = p} for {@code X ~ N(0, 1)}.
	 *
	 * @throws IllegalArgumentException unless {@code 0 < p < 1}
	 */
	public static double of(final double p) {
		if (!(p > 0 && p < 1)) throw new IllegalArgumentException("a probability strictly between 0 and 1, got " + p);
		if (p < LOW) return tail(p);
		if (p > 1 - LOW) return -tail(1 - p);
		final double q = p - 0.5;
		final double r = q * q;
		return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q / (((((B[0] * r + B[1]) * r +
			B[2]) * r + B[3]) * r + B[4]) * r + 1);
	}

	/** The lower tail, {@code p < 0.02425}. */
	private static double tail(final double p) {
		final double q = Math.sqrt(-2 * Math.log(p));
		return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q +
			D[2]) * q + D[3]) * q + 1);
	}

	/**
	 * {@code steps} values at evenly spaced quantiles covering the central {@code spread} of the distribution:
	 * the quantiles {@code (1 - spread) / 2} to {@code (1 + spread) / 2}, in increasing order (for 15 steps over
	 * 90 %: 5 %, 11.4 %, …, 95 %, i.e. −1.645 … 1.645). Equal steps in probability, so each cell of a grid over
	 * two dimensions holds the same share of the prior N(0, I).
	 *
	 * @throws IllegalArgumentException unless {@code steps >= 2} and {@code 0 < spread < 1}
	 */
	public static double[] axis(final int steps, final double spread) {
		if (steps < 2) throw new IllegalArgumentException("an axis needs at least 2 steps, got " + steps);
		if (!(spread > 0 && spread < 1)) throw new IllegalArgumentException("spread must be in (0, 1), got " + spread);
		final double first = (1 - spread) / 2;
		final double[] out = new double[steps];
		for (int i = 0; i < steps; i++) out[i] = of(first + spread * i / (steps - 1));
		return out;
	}
}
