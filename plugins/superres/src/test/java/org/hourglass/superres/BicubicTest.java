package org.hourglass.superres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hourglass.api.image.Plane;
import org.junit.jupiter.api.Test;

/**
 * The kernel and the MATLAB-style weights against values worked out by hand from the definitions (Keys 1981,
 * MATLAB's {@code imresize} documentation): {@code k(t) = 1.5|t|³ − 2.5|t|² + 1} for |t| ≤ 1,
 * {@code −0.5|t|³ + 2.5|t|² − 4|t| + 2} for 1 < |t| < 2.
 */
class BicubicTest {

	@Test
	void kernelHasKeysValues() {
		assertEquals(1, Bicubic.kernel(0), 0);
		assertEquals(0, Bicubic.kernel(1), 0);
		assertEquals(0, Bicubic.kernel(-2), 0);
		assertEquals(0, Bicubic.kernel(2.5), 0);
		assertEquals(0.5625, Bicubic.kernel(0.5), 1e-15);
		assertEquals(-0.0625, Bicubic.kernel(-1.5), 1e-15);
		assertEquals(0.8671875, Bicubic.kernel(0.25), 1e-15);
		assertEquals(0.2265625, Bicubic.kernel(0.75), 1e-15);
		assertEquals(-0.0703125, Bicubic.kernel(1.25), 1e-15);
		assertEquals(-0.0234375, Bicubic.kernel(-1.75), 1e-15);
	}

	@Test
	void upscalingByTwoUsesQuarterPixelPhases() {
		// output pixel 1 (MATLAB counting) sits at input 0.75: weights k(1.75), k(0.75), k(0.25), k(1.25) on input
		// pixels -1, 0, 1, 2, which the symmetric edge maps to 2, 1, 1, 2
		final Plane row = new Plane(4, 1, new float[] { 1, 2, 3, 4 });
		final Plane two = Bicubic.upscale(row, 2);
		assertEquals(8, two.width());
		assertEquals(2, two.height());
		final float[] up = two.data();
		assertEquals(1.09375 * 1 - 0.09375 * 2, up[0], 1e-6);
		// output pixel 2 at input 1.25: k(1.25) k(0.25) k(0.75) k(1.75) on pixels 0, 1, 2, 3 -> 1, 1, 2, 3
		assertEquals(-0.0703125 + 0.8671875 + 0.2265625 * 2 - 0.0234375 * 3, up[1], 1e-6);
		// inside, a linear ramp stays linear: pixel 4 (from 0) sits at input 2.25 (MATLAB 2.75 - 0.5)
		assertEquals(2.75, up[4], 1e-6);
		assertEquals(2.25, up[3], 1e-6);
	}

	@Test
	void downscalingByTwoAveragesEightPixelsWithTheWidenedKernel() {
		// scale 1/2: output pixel u sits at input 2u - 0.5 (MATLAB counting); weights 0.5 k(0.5 d) for d = ±0.5,
		// ±1.5, ±2.5, ±3.5
		final double[] w = { -0.01171875, -0.03515625, 0.11328125, 0.43359375, 0.43359375, 0.11328125, -0.03515625,
			-0.01171875 };
		final Bicubic.Weights weights = Bicubic.Weights.of(16, 8, 0.5);
		assertEquals(10, weights.taps);
		// output pixel 3 (from 0) reads input pixels 3..10 (from 0) with those weights, the outer taps 0
		assertEquals(0, weights.weight(3, 0), 1e-15);
		for (int k = 0; k < 8; k++) {
			assertEquals(w[k], weights.weight(3, k + 1), 1e-12, "tap " + k);
			assertEquals(3 + k, weights.index(3, k + 1));
		}
		final float[] ramp = new float[16];
		for (int i = 0; i < 16; i++) ramp[i] = i;
		final float[] down = Bicubic.downscale(new Plane(16, 1, ramp), 2).data();
		// a ramp's interior pixels land half-way between the two pixels they replace
		assertEquals(6.5, down[3], 1e-5);
		assertEquals(10.5, down[5], 1e-5);
		// at the edge the mirrored pixels pull the value back: pixel 7 reads 12..17, and 16, 17 are 15, 14
		assertEquals(-0.01171875 * 11 - 0.03515625 * 12 + 0.11328125 * 13 + 0.43359375 * 14 + 0.43359375 * 15 +
			0.11328125 * 15 - 0.03515625 * 14 - 0.01171875 * 13, down[7], 1e-5);
	}

	@Test
	void constantsStayConstantAndWeightsSumToOne() {
		final float[] v = new float[12 * 8 * 2];
		java.util.Arrays.fill(v, 0, 96, 7);
		java.util.Arrays.fill(v, 96, 192, -3);
		final Plane p = new Plane(12, 8, 2, v);
		for (final Plane q : new Plane[] { Bicubic.upscale(p, 4), Bicubic.downscale(p, 4), Bicubic.downscale(p, 2) }) {
			for (int i = 0; i < q.pixels(); i++) {
				assertEquals(7, q.data()[i], 1e-5);
				assertEquals(-3, q.data()[q.pixels() + i], 1e-5);
			}
		}
		final Bicubic.Weights w = Bicubic.Weights.of(9, 3, 1 / 3.0);
		for (int u = 0; u < 3; u++) {
			double sum = 0;
			for (int k = 0; k < w.taps; k++) sum += w.weight(u, k);
			assertEquals(1, sum, 1e-12);
		}
	}

	@Test
	void sizesAreCeiledAsMatlabDoes() {
		final Plane p = new Plane(9, 6);
		final Plane d = Bicubic.downscale(p, 4);
		assertEquals(3, d.width());
		assertEquals(2, d.height());
		final Plane u = Bicubic.upscale(p, 2);
		assertEquals(18, u.width());
		assertEquals(12, u.height());
		assertThrows(IllegalArgumentException.class, () -> Bicubic.downscale(p, 0));
	}

	@Test
	void rowsAndColumnsAreResampledAlike() {
		// a separable resampling: transposing the input transposes the output
		final float[] v = new float[6 * 4];
		for (int i = 0; i < v.length; i++) v[i] = (float) Math.sin(i * 1.3) * 50 + i;
		final Plane p = new Plane(6, 4, v);
		final float[] t = new float[v.length];
		for (int y = 0; y < 4; y++) {
			for (int x = 0; x < 6; x++) t[x * 4 + y] = v[y * 6 + x];
		}
		final Plane a = Bicubic.upscale(p, 2);
		final Plane b = Bicubic.upscale(new Plane(4, 6, t), 2);
		for (int y = 0; y < a.height(); y++) {
			for (int x = 0; x < a.width(); x++) assertEquals(a.get(x, y), b.get(y, x), 1e-4);
		}
	}

	@Test
	void symmetricEdgesRepeatTheEdgePixel() {
		assertArrayEquals(new int[] { 1, 0, 0, 1, 2, 2, 1 }, java.util.stream.IntStream.rangeClosed(-1, 5).map(
			j -> Bicubic.symmetric(j, 3)).toArray());
	}
}
