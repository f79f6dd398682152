package org.hourglass.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hourglass.api.image.Plane;
import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.ShortProcessor;

class PlanesTest {

	@Test
	void everySliceEndsUpInOnePlaneWithRawValues() {
		final ImageStack stack = new ImageStack(2, 1);
		stack.addSlice(new ShortProcessor(2, 1, new short[] { 1, 300 }, null));
		stack.addSlice(new ShortProcessor(2, 1, new short[] { (short) 60000, 4 }, null));
		final Plane p = Planes.allValues(new ImagePlus("s", stack));
		assertEquals(2, p.width());
		assertEquals(2, p.height());
		assertArrayEquals(new float[] { 1, 300, 60000, 4 }, p.data());
	}

	@Test
	void rgbImagesAndBadPercentilesAreRefusedWithAReason() {
		final String rgb = Planes.unsupported(new ImagePlus("photo", new ColorProcessor(2, 2)), 1, 99);
		assertTrue(rgb.contains("grey-scale") && rgb.contains("'photo' is RGB"), rgb);
		final ImagePlus grey = new ImagePlus("g", new ShortProcessor(2, 2));
		assertTrue(Planes.unsupported(grey, 99, 1).contains("0 <= low <= high <= 100"));
		assertNull(Planes.unsupported(grey, 1, 99));
	}
}
