package org.hourglass.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class LatentCodesTest {

	@Test
	void priorDrawsAreReproducibleAndScaledByTheTemperature() {
		final List<float[]> a = LatentCodes.prior(200, 3, 1, 7);
		final List<float[]> b = LatentCodes.prior(200, 3, 1, 7);
		final List<float[]> hot = LatentCodes.prior(200, 3, 2, 7);
		final List<float[]> prefix = LatentCodes.prior(5, 3, 1, 7);
		double sum = 0;
		double squares = 0;
		for (int i = 0; i < a.size(); i++) {
			assertArrayEquals(a.get(i), b.get(i));
			for (int j = 0; j < 3; j++) {
				assertEquals(2 * a.get(i)[j], hot.get(i)[j], 1e-5);
				sum += a.get(i)[j];
				squares += a.get(i)[j] * a.get(i)[j];
			}
		}
		for (int i = 0; i < 5; i++) assertArrayEquals(a.get(i), prefix.get(i), "the first draws do not depend on n");
		assertEquals(0, sum / 600, 0.15, "mean of N(0, 1)");
		assertEquals(1, squares / 600, 0.2, "variance of N(0, 1)");
		assertEquals(0, LatentCodes.prior(3, 2, 0, 1).get(2)[1], 0.0, "temperature 0: the prior's mean");
	}

	@Test
	void aGridReadsLikeAPlot() {
		final float[] centre = { 9, 9, 9 };
		final List<float[]> grid = LatentCodes.grid(centre, 2, 0, new double[] { -1, 0, 1 }, new double[] { -2, 2 });
		assertEquals(6, grid.size());
		// top row: the largest y (2) in dimension 0, x from -1 to 1 in dimension 2, dimension 1 untouched
		assertArrayEquals(new float[] { 2, 9, -1 }, grid.get(0));
		assertArrayEquals(new float[] { 2, 9, 1 }, grid.get(2));
		assertArrayEquals(new float[] { -2, 9, -1 }, grid.get(3));
		assertArrayEquals(new float[] { -2, 9, 1 }, grid.get(5));
		assertArrayEquals(new float[] { 9, 9, 9 }, centre, "the centre is not changed");
		assertThrows(IllegalArgumentException.class, () -> LatentCodes.grid(centre, 1, 1, new double[2], new double[2]));
		assertThrows(IllegalArgumentException.class, () -> LatentCodes.grid(centre, 0, 3, new double[2], new double[2]));
	}

	@Test
	void aPathRunsStraightFromOneCodeToTheOther() {
		final List<float[]> path = LatentCodes.path(new float[] { 0, 10 }, new float[] { 4, -10 }, 5);
		assertEquals(5, path.size());
		assertArrayEquals(new float[] { 0, 10 }, path.get(0));
		assertArrayEquals(new float[] { 1, 5 }, path.get(1));
		assertArrayEquals(new float[] { 2, 0 }, path.get(2));
		assertArrayEquals(new float[] { 4, -10 }, path.get(4));
		assertThrows(IllegalArgumentException.class, () -> LatentCodes.path(new float[1], new float[2], 3));
	}
}
