package org.hourglass.api.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PcaTest {

	/** Points spread 10 along (1, 1, 0)/√2, 3 along (1, −1, 0)/√2, 0.5 along z, around (5, −2, 1). */
	private static List<float[]> cloud(final int n) {
		final SplittableRandom r = new SplittableRandom(3);
		final List<float[]> out = new ArrayList<>();
		final double s = Math.sqrt(0.5);
		for (int i = 0; i < n; i++) {
			final double a = 10 * r.nextGaussian();
			final double b = 3 * r.nextGaussian();
			final double c = 0.5 * r.nextGaussian();
			out.add(new float[] { (float) (5 + s * (a + b)), (float) (-2 + s * (a - b)), (float) (1 + c) });
		}
		return out;
	}

	@Test
	void findsTheDirectionsOfLargestVariance() {
		final Pca pca = Pca.fit(cloud(4000), 2);
		final double[] var = pca.variances();
		assertEquals(100, var[0], 8);
		assertEquals(9, var[1], 1);
		// the first coordinate of a point moved along (1, 1, 0) grows by its length
		final float[] p0 = pca.project(new float[] { 5, -2, 1 });
		final float[] p1 = pca.project(new float[] { 6, -1, 1 });
		assertEquals(Math.sqrt(2), Math.abs(p1[0] - p0[0]), 0.02);
		assertEquals(0, p1[1] - p0[1], 0.02);
	}

	@Test
	void allComponentsReconstructExactly() {
		final List<float[]> data = cloud(50);
		final Pca pca = Pca.fit(data, 3);
		for (final float[] v : data.subList(0, 5)) assertArrayEquals(v, pca.reconstruct(pca.project(v)), 1e-3f);
	}

	@Test
	void aFlatCloudStillGivesOrthonormalComponents() {
		final List<float[]> flat = new ArrayList<>();
		for (int i = 0; i < 10; i++) flat.add(new float[] { i, 2 * i, 0, 0 });
		final Pca pca = Pca.fit(flat, 3);
		assertEquals(3, pca.components());
		assertTrue(pca.variances()[1] < 1e-9);
	}

	@Test
	void badInputIsRefused() {
		assertThrows(IllegalArgumentException.class, () -> Pca.fit(List.of(new float[2]), 1));
		assertThrows(IllegalArgumentException.class, () -> Pca.fit(List.of(new float[2], new float[3]), 1));
		assertThrows(IllegalArgumentException.class, () -> Pca.fit(List.of(new float[2], new float[2]), 3));
	}
}
