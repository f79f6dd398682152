package org.hourglass.superres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hourglass.api.image.Plane;
import org.junit.jupiter.api.Test;

class AreaAverageTest {

	@Test
	void eachPixelIsTheMeanOfItsBlock() {
		final Plane p = new Plane(4, 2, new float[] { 1, 3, 10, 20, 5, 7, 30, 40 });
		assertArrayEquals(new float[] { 4, 25 }, AreaAverage.downscale(p, 2).data());
	}

	@Test
	void leftoverPixelsAreLeftOutAndChannelsKept() {
		final float[] v = new float[9 * 5 * 2];
		for (int i = 0; i < 45; i++) v[i] = 1;
		for (int i = 45; i < 90; i++) v[i] = i;
		final Plane d = AreaAverage.downscale(new Plane(9, 5, 2, v), 4);
		assertEquals(2, d.width());
		assertEquals(1, d.height());
		assertEquals(2, d.channels());
		assertEquals(1, d.get(0, 1, 0), 0);
		// second channel, block x 4..7, rows 0..3: values 45 + y*9 + x
		double sum = 0;
		for (int y = 0; y < 4; y++) {
			for (int x = 4; x < 8; x++) sum += 45 + y * 9 + x;
		}
		assertEquals(sum / 16, d.get(1, 1, 0), 1e-4);
		assertThrows(IllegalArgumentException.class, () -> AreaAverage.downscale(new Plane(3, 8), 4));
	}
}
