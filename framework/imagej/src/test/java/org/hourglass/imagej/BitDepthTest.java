package org.hourglass.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.hourglass.api.image.Plane;
import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImagePlus;

class BitDepthTest {

	@Test
	void eightBitIsRoundedAndClipped() {
		final ImagePlus like = IJ.createImage("in", "8-bit black", 5, 1, 1);
		like.getCalibration().pixelWidth = 3;
		final ImagePlus result = ImagePlanes.toImage("res", List.of(new Plane(5, 1, new float[] { -4, 12.4f, 12.6f,
			300, Float.NaN })), like);
		final ImagePlus out = BitDepth.toTypeOf(result, like);
		assertEquals(ImagePlus.GRAY8, out.getType());
		assertEquals("res", out.getTitle());
		assertEquals(3, out.getCalibration().pixelWidth);
		final int[] v = new int[5];
		for (int i = 0; i < 5; i++) v[i] = out.getProcessor().get(i);
		assertArrayEquals(new int[] { 0, 12, 13, 255, 0 }, v);
	}

	@Test
	void sixteenBitStackKeepsDimensions() {
		final ImagePlus like = ImagePlanesTest.hyperstack();
		final ImagePlus result = ImagePlanes.map(like, RgbPolicy.REFUSE, "r", sp -> {
			final Plane p = sp.plane().copy();
			p.set(0, 0, 70000);
			return p;
		});
		final ImagePlus out = BitDepth.toTypeOf(result, like);
		assertEquals(ImagePlus.GRAY16, out.getType());
		assertArrayEquals(like.getDimensions(), out.getDimensions());
		assertEquals(65535, out.getStack().getProcessor(5).get(0));
		assertEquals(like.getStack().getProcessor(5).get(3), out.getStack().getProcessor(5).get(3));
	}

	@Test
	void floatStaysAsItIs() {
		final ImagePlus like = IJ.createImage("in", "32-bit black", 3, 3, 1);
		final ImagePlus result = IJ.createImage("r", "32-bit black", 3, 3, 1);
		assertSame(result, BitDepth.toTypeOf(result, like));
	}
}
