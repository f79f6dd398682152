package org.hourglass.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.process.FloatProcessor;

class BeforeAfterTest {

	private static ImagePlus ramp(final String title, final int w, final int h, final float scale) {
		final FloatProcessor fp = new FloatProcessor(w, h);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) fp.setf(x, y, scale * x);
		}
		return new ImagePlus(title, fp);
	}

	@Test
	void halvesShareTheInputsDisplayRange() {
		final ImagePlus before = ramp("cells.tif", 100, 10, 1);
		final ImagePlus after = ramp("cells-denoised", 100, 10, 0.5f); // half as bright
		final ImagePlus figure = BeforeAfter.of(before, after);
		assertEquals("cells-before-after", figure.getTitle());
		assertEquals(2 * 100 + 8, figure.getWidth());
		assertEquals(8, figure.getBitDepth());
		// the brightest input pixel saturates; the result at the same place shows about half as bright
		final int beforeRight = figure.getProcessor().get(99, 5);
		final int afterRight = figure.getProcessor().get(100 + 8 + 99, 5);
		assertEquals(255, beforeRight);
		assertTrue(Math.abs(afterRight - 128) < 4, "after: " + afterRight);
		assertEquals(255, figure.getProcessor().get(100 + 3, 5), "the gap is white");
	}

	@Test
	void aLargerResultScalesTheInputUp() {
		final ImagePlus figure = BeforeAfter.of(ramp("a", 20, 10, 1), ramp("b", 40, 20, 0.5f));
		assertEquals(2 * 40 + 8, figure.getWidth());
		assertEquals(20, figure.getHeight());
	}
}
