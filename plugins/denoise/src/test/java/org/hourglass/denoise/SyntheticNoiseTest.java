package org.hourglass.denoise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.hourglass.api.image.Plane;
import org.hourglass.api.training.TrainingPair;
import org.junit.jupiter.api.Test;

/**
 * Noise statistics on 256×256 constant images (65,536 samples). Tolerances are about 5 standard errors of
 * the estimate, so a correct sampler fails them with negligible probability, and a wrong mean, variance or
 * distribution shape does not pass.
 */
class SyntheticNoiseTest {

	private static final int N = 256;

	private static Plane constant(final float v) {
		final float[] d = new float[N * N];
		Arrays.fill(d, v);
		return new Plane(N, N, d);
	}

	private static double mean(final float[] v) {
		double s = 0;
		for (final float x : v) s += x;
		return s / v.length;
	}

	private static double variance(final float[] v) {
		final double m = mean(v);
		double s = 0;
		for (final float x : v) s += (x - m) * (x - m);
		return s / v.length;
	}

	@Test
	void gaussianHasTheRequestedSigma() {
		final Plane noisy = SyntheticNoise.gaussian(25).apply(constant(100), new SplittableRandom(1));
		assertEquals(100, mean(noisy.data()), 0.5); // standard error 0.1
		assertEquals(25, Math.sqrt(variance(noisy.data())), 0.4); // standard error 0.07
	}

	@Test
	void poissonSmallMeanHasPoissonMomentsAndZeros() {
		// photons 10 at peak 200: intensity 100 is 5 photons, one photon is 20 intensity units
		final Plane noisy = SyntheticNoise.poisson(10, 200).apply(constant(100), new SplittableRandom(2));
		final float[] v = noisy.data();
		assertEquals(100, mean(v), 1.0); // standard error 0.17
		assertEquals(5 * 20 * 20, variance(v), 2000 * 0.05);
		long zeros = 0;
		for (final float x : v) {
			assertEquals(0, x % 20, 1e-3, "whole photons only");
			if (x == 0) zeros++;
		}
		assertEquals(Math.exp(-5) * v.length, zeros, 5 * 21); // P(0) = e^-5, standard error ~21
	}

	@Test
	void poissonLargeMeanHasPoissonMomentsAndMode() {
		// 50 photons at intensity 100: the rejection sampler
		final Plane noisy = SyntheticNoise.poisson(50, 100).apply(constant(100), new SplittableRandom(3));
		final float[] v = noisy.data();
		assertEquals(100, mean(v), 0.2); // standard error 0.028 (scale 2, sqrt(50)/256)
		assertEquals(50 * 4, variance(v), 200 * 0.04);
		long at50 = 0;
		for (final float x : v) if (Math.round(x / 2) == 50) at50++;
		final double p50 = Math.exp(-50 + 50 * Math.log(50) - Poisson.logFactorial(50));
		assertEquals(p50 * v.length, at50, 5 * Math.sqrt(p50 * v.length));
	}

	@Test
	void poissonGaussianAddsBothVariances() {
		final Plane noisy = SyntheticNoise.poissonGaussian(20, 100, 3).apply(constant(100), new SplittableRandom(4));
		// Poisson: 20 photons at scale 5 -> variance 20 * 25 = 500; Gaussian 9
		assertEquals(509, variance(noisy.data()), 509 * 0.05);
		assertEquals(100, mean(noisy.data()), 0.5);
	}

	@Test
	void logFactorialIsExactEnough() {
		double exact = 0;
		for (int k = 1; k <= 200; k++) {
			exact += Math.log(k);
			assertEquals(exact, Poisson.logFactorial(k), 1e-9 * Math.max(1, exact), "k=" + k);
		}
	}

	@Test
	void pairIsNoisyInputAndCleanTarget() {
		final Plane clean = constant(10);
		final TrainingPair pair = SyntheticNoise.gaussian(1).make(clean, null, new SplittableRandom(5));
		assertSame(clean, pair.target());
		assertNull(pair.mask());
		assertFalse(Arrays.equals(clean.data(), pair.input().data()));
		assertEquals(constant(10), clean, "clean patch unchanged");
		final Plane other = constant(20);
		assertSame(other, SyntheticNoise.gaussian(1).make(clean, other, new SplittableRandom(5)).target());
	}

	@Test
	void reproducibleWithASeed() {
		final SyntheticNoise noise = SyntheticNoise.poissonGaussian(30, 100, 2);
		final Plane clean = constant(50);
		assertArrayEquals(noise.apply(clean, new SplittableRandom(9)).data(), noise.apply(clean,
			new SplittableRandom(9)).data());
		assertFalse(Arrays.equals(noise.apply(clean, new SplittableRandom(9)).data(), noise.apply(clean,
			new SplittableRandom(10)).data()));
	}

	@Test
	void badParametersAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> SyntheticNoise.gaussian(0));
		assertThrows(IllegalArgumentException.class, () -> SyntheticNoise.poisson(10, 0));
		assertThrows(IllegalArgumentException.class, () -> SyntheticNoise.Kind.of("speckle"));
		assertEquals(SyntheticNoise.Kind.POISSON_GAUSSIAN, SyntheticNoise.Kind.of("poisson-gaussian"));
		assertTrue(SyntheticNoise.gaussian(25).toString().contains("25"));
	}
}
