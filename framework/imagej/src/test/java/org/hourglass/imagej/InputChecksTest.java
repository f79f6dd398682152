package org.hourglass.imagej;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.Plane;
import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImagePlus;

class InputChecksTest {

	@Test
	void tooSmallSaysBothSizes() {
		final ImagePlus imp = IJ.createImage("tiny", "8-bit black", 40, 70, 1);
		final String m = assertThrows(InvalidInputException.class, () -> InputChecks.requireAtLeast(imp, 64,
			"one training patch")).getMessage();
		assertTrue(m.contains("'tiny' is 40x70 pixels"), m);
		assertTrue(m.contains("one training patch (64x64)"), m);
		assertDoesNotThrow(() -> InputChecks.requireAtLeast(imp, 40, "x"));
	}

	@Test
	void nanIsFoundWithItsPosition() {
		final ImagePlus imp = IJ.createImage("holes", "32-bit black", 8, 8, 3);
		imp.getStack().getProcessor(2).setf(3, 5, Float.NaN);
		final String m = assertThrows(InvalidInputException.class, () -> InputChecks.requireFinite(imp))
			.getMessage();
		assertTrue(m.contains("NaN"), m);
		assertTrue(m.contains("x=3, y=5"), m);
		assertTrue(m.contains("z2"), m);
		final Plane p = new Plane(2, 1, new float[] { 0, Float.POSITIVE_INFINITY });
		assertTrue(assertThrows(InvalidInputException.class, () -> InputChecks.requireFinite(p, "'p'"))
			.getMessage().contains("infinite"));
	}

	@Test
	void shapesMustMatch() {
		final ImagePlus a = IJ.createImage("a", "8-bit black", 8, 8, 1);
		final ImagePlus b = IJ.createImage("b", "8-bit black", 8, 8, 2);
		final String m = assertThrows(InvalidInputException.class, () -> InputChecks.requireSameShape(a, b))
			.getMessage();
		assertTrue(m.contains("8x8 and 8x8, 2 slices"), m);
	}

	@Test
	void missingImageIsNamed() {
		assertTrue(assertThrows(InvalidInputException.class, () -> InputChecks.requireImage(null, "noisy image"))
			.getMessage().contains("noisy image"));
	}
}
