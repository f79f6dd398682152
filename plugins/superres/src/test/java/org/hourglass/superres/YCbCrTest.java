package org.hourglass.superres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.hourglass.api.image.Plane;
import org.junit.jupiter.api.Test;

class YCbCrTest {

	@Test
	void blackAndWhiteHaveStudioRange() {
		final Plane[] ycc = YCbCr.fromRgb(new int[] { 0x000000, 0xffffff, 0xff0000 }, 3, 1);
		assertEquals(16, ycc[0].get(0, 0), 1e-4);
		assertEquals(235, ycc[0].get(1, 0), 1e-4);
		assertEquals(128, ycc[1].get(1, 0), 1e-4);
		assertEquals(128, ycc[2].get(1, 0), 1e-4);
		// MATLAB: rgb2ycbcr(uint8([255 0 0])) = [81 90 240]
		assertEquals(81, Math.round(ycc[0].get(2, 0)));
		assertEquals(90, Math.round(ycc[1].get(2, 0)));
		assertEquals(240, Math.round(ycc[2].get(2, 0)));
		assertEquals(ycc[0].get(2, 0), YCbCr.luma(0xff0000), 1e-4);
	}

	@Test
	void roundTripGivesTheColoursBack() {
		final SplittableRandom r = new SplittableRandom(3);
		final int[] rgb = new int[500];
		for (int i = 0; i < rgb.length; i++) rgb[i] = r.nextInt(1 << 24);
		final Plane[] ycc = YCbCr.fromRgb(rgb, 50, 10);
		assertArrayEquals(rgb, YCbCr.toRgb(ycc[0], ycc[1], ycc[2]));
	}
}
