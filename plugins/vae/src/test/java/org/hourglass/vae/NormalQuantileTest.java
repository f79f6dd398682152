package org.hourglass.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NormalQuantileTest {

	@Test
	void knownQuantiles() {
		// values of the standard normal's quantile function (e.g. scipy.stats.norm.ppf)
		assertEquals(0, NormalQuantile.of(0.5), 1e-12);
		assertEquals(1.959963984540054, NormalQuantile.of(0.975), 1e-8);
		assertEquals(-1.6448536269514729, NormalQuantile.of(0.05), 1e-8);
		assertEquals(-2.3263478740408408, NormalQuantile.of(0.01), 1e-8);
		assertEquals(-4.753424308822899, NormalQuantile.of(1e-6), 1e-7);
		assertEquals(0.6744897501960817, NormalQuantile.of(0.75), 1e-8);
	}

	@Test
	void symmetricAndIncreasing() {
		double previous = Double.NEGATIVE_INFINITY;
		for (int i = 1; i < 1000; i++) {
			final double p = i / 1000.0;
			final double x = NormalQuantile.of(p);
			assertTrue(x > previous, "increasing at " + p);
			assertEquals(-x, NormalQuantile.of(1 - p), 1e-8);
			previous = x;
		}
	}

	@Test
	void invertsTheDistributionFunction() {
		// Φ(x) by integrating the density numerically from 0: Φ(x) = 1/2 + ∫0^x φ
		for (final double p : new double[] { 0.001, 0.02, 0.02425, 0.1, 0.3, 0.6, 0.9, 0.97575, 0.999 }) {
			final double x = NormalQuantile.of(p);
			final int n = 20_000;
			double integral = 0;
			for (int k = 0; k < n; k++) {
				final double t = x * (k + 0.5) / n;
				integral += Math.exp(-t * t / 2) / Math.sqrt(2 * Math.PI) * x / n;
			}
			assertEquals(p, 0.5 + integral, 1e-8, "at p = " + p);
		}
	}

	@Test
	void anAxisCoversTheCentralSpreadInEqualSteps() {
		final double[] axis = NormalQuantile.axis(3, 0.9);
		assertArrayEquals(new double[] { -1.6448536269514729, 0, 1.6448536269514729 }, axis, 1e-8);
		final double[] fifteen = NormalQuantile.axis(15, 0.9);
		assertEquals(15, fifteen.length);
		assertEquals(NormalQuantile.of(0.05 + 0.9 / 14), fifteen[1], 1e-12);
		assertThrows(IllegalArgumentException.class, () -> NormalQuantile.axis(1, 0.9));
		assertThrows(IllegalArgumentException.class, () -> NormalQuantile.axis(5, 1));
		assertThrows(IllegalArgumentException.class, () -> NormalQuantile.of(0));
		assertThrows(IllegalArgumentException.class, () -> NormalQuantile.of(Double.NaN));
	}
}
