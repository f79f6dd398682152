package org.hourglass.superres;

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

class DownscalerTest {

	private static Plane patch(final int w, final int h) {
		final float[] v = new float[w * h];
		for (int i = 0; i < v.length; i++) v[i] = (float) (100 + 60 * Math.sin(i * 0.37) + (i % w));
		return new Plane(w, h, v);
	}

	@Test
	void inputsAreTheFactorSmallerAndTargetsThePatch() {
		final Plane hr = patch(32, 16);
		for (final int f : new int[] { 2, 4 }) {
			for (final Downscaling m : Downscaling.values()) {
				final Downscaler d = new Downscaler(f, m, 0);
				assertEquals(f, d.inputReduction());
				final TrainingPair pair = d.make(hr, null, new SplittableRandom(1));
				assertEquals(32 / f, pair.input().width());
				assertEquals(16 / f, pair.input().height());
				assertSame(hr, pair.target());
				assertNull(pair.mask());
				assertEquals(m.apply(hr, f), pair.input(), "the method's own downscaling");
			}
		}
	}

	@Test
	void bicubicAndAreaDiffer() {
		final Plane hr = patch(16, 16);
		final Plane bicubic = new Downscaler(2, Downscaling.BICUBIC, 0).make(hr, null, new SplittableRandom(1)).input();
		final Plane area = new Downscaler(2, Downscaling.AREA, 0).make(hr, null, new SplittableRandom(1)).input();
		assertFalse(Arrays.equals(bicubic.data(), area.data()));
		assertEquals((hr.get(0, 0) + hr.get(1, 0) + hr.get(0, 1) + hr.get(1, 1)) / 4, area.get(0, 0), 1e-4);
	}

	@Test
	void withoutNoiseThePairIgnoresTheRandomStream() {
		final Downscaler d = new Downscaler(2, Downscaling.BICUBIC, 0);
		final Plane hr = patch(8, 8);
		assertEquals(d.make(hr, null, new SplittableRandom(1)).input(), d.make(hr, null, new SplittableRandom(99))
			.input());
	}

	@Test
	void noiseIsReproducibleFromTheSeed() {
		final Downscaler d = new Downscaler(4, Downscaling.AREA, 5);
		final Plane hr = patch(64, 64);
		final Plane clean = AreaAverage.downscale(hr, 4);
		final Plane a = d.make(hr, null, new SplittableRandom(7)).input();
		final Plane b = d.make(hr, null, new SplittableRandom(7)).input();
		final Plane c = d.make(hr, null, new SplittableRandom(8)).input();
		assertArrayEquals(a.data(), b.data(), "same seed, same pair");
		assertFalse(Arrays.equals(a.data(), c.data()), "another seed, other noise");
		double sum = 0;
		double sq = 0;
		for (int i = 0; i < clean.data().length; i++) {
			final double e = a.data()[i] - clean.data()[i];
			sum += e;
			sq += e * e;
		}
		final int n = clean.data().length;
		final double sd = Math.sqrt(sq / n - (sum / n) * (sum / n));
		assertTrue(sd > 4 && sd < 6, "noise standard deviation " + sd);
		assertEquals(hr, d.make(hr, null, new SplittableRandom(7)).target(), "the target has no noise");
	}

	@Test
	void badPatchesAndSettingsAreRefused() {
		final Downscaler d = new Downscaler(4, Downscaling.BICUBIC, 0);
		assertThrows(IllegalArgumentException.class, () -> d.make(patch(30, 32), null, new SplittableRandom(1)));
		assertThrows(IllegalArgumentException.class, () -> d.make(patch(32, 32), patch(32, 32), new SplittableRandom(
			1)));
		assertThrows(IllegalArgumentException.class, () -> new Downscaler(3, Downscaling.BICUBIC, 0));
		assertThrows(IllegalArgumentException.class, () -> new Downscaler(2, Downscaling.BICUBIC, -1));
		assertEquals("area downscaling x4 + gaussian noise sigma=2.5", new Downscaler(4, Downscaling.AREA, 2.5)
			.toString());
	}
}
