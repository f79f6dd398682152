package org.hourglass.denoise;

import java.util.SplittableRandom;

/**
 * Exact Poisson random numbers: multiplication of uniforms for small means, Hörmann's transformed
 * rejection with squeeze (PTRS, 1993) for means of 10 and more.
 */
final class Poisson {

	private static final double PTRS_FROM = 10;
	private static final double[] LOG_FACTORIAL = new double[32];

	static {
		for (int k = 1; k < LOG_FACTORIAL.length; k++) LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
	}

	private Poisson() {}

	/** A Poisson sample with mean {@code lambda} (0 for {@code lambda <= 0}). */
	static long sample(final double lambda, final SplittableRandom random) {
		if (!(lambda > 0)) return 0;
		return lambda < PTRS_FROM ? multiplication(lambda, random) : ptrs(lambda, random);
	}

	private static long multiplication(final double lambda, final SplittableRandom random) {
		final double limit = Math.exp(-lambda);
		long k = 0;
		double p = random.nextDouble();
		while (p > limit) {
			k++;
			p *= random.nextDouble();
		}
		return k;
	}

	private static long ptrs(final double lambda, final SplittableRandom random) {
		final double slam = Math.sqrt(lambda);
		final double logLam = Math.log(lambda);
		final double b = 0.931 + 2.53 * slam;
		final double a = -0.059 + 0.02483 * b;
		final double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
		final double vr = 0.9277 - 3.6224 / (b - 2);
		while (true) {
			final double u = random.nextDouble() - 0.5;
			final double v = random.nextDouble();
			final double us = 0.5 - Math.abs(u);
			final long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
			if (us >= 0.07 && v <= vr) return k;
			if (k < 0 || us < 0.013 && v > us) continue;
			if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -lambda + k * logLam -
				logFactorial(k))
			{
				return k;
			}
		}
	}

	/** {@code log(k!)}: a table for small k, Stirling's series (error below 1e-10) beyond. */
	static double logFactorial(final long k) {
		if (k < LOG_FACTORIAL.length) return LOG_FACTORIAL[(int) k];
		final double x = k;
		final double x2 = x * x;
		return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x2) + 1 /
			(1260 * x2 * x2 * x);
	}
}
