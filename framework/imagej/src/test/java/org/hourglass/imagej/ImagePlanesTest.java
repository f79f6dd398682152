package org.hourglass.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.Plane;
import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

class ImagePlanesTest {

	/** A 16-bit hyperstack of 5x4 pixels, 2 channels, 3 slices, 2 frames; pixel value encodes its position. */
	static ImagePlus hyperstack() {
		final ImagePlus imp = IJ.createHyperStack("cells", 5, 4, 2, 3, 2, 16);
		for (int i = 1; i <= imp.getStackSize(); i++) {
			final int[] czt = imp.convertIndexToPosition(i);
			final ImageProcessor ip = imp.getStack().getProcessor(i);
			for (int p = 0; p < 20; p++) ip.set(p, 1000 * czt[0] + 100 * czt[1] + 10 * czt[2] + p);
			imp.getStack().setSliceLabel("label" + i, i);
		}
		final Calibration cal = imp.getCalibration();
		cal.pixelWidth = 0.25;
		cal.pixelHeight = 0.5;
		cal.pixelDepth = 2;
		cal.frameInterval = 7;
		cal.setUnit("mm");
		return imp;
	}

	@Test
	void everyHyperstackPlaneComesWithItsPosition() {
		final ImagePlus imp = hyperstack();
		final List<StackPlane> planes = ImagePlanes.planes(imp, RgbPolicy.REFUSE);
		assertEquals(12, planes.size());
		for (final StackPlane sp : planes) {
			final float expected = 1000 * sp.channel() + 100 * sp.slice() + 10 * sp.frame();
			assertEquals(expected, sp.plane().get(0, 0));
			assertEquals(expected + 19, sp.plane().get(4, 3));
		}
		assertEquals(List.of(1, 2, 1, 2), planes.subList(0, 4).stream().map(StackPlane::channel).toList());
		assertEquals("c2 z3 t2", planes.get(11).position());
	}

	@Test
	void roundTripKeepsDimensionsOrderLabelsAndCalibration() {
		final ImagePlus imp = hyperstack();
		final ImagePlus out = ImagePlanes.toImage("out", ImagePlanes.planes(imp, RgbPolicy.REFUSE).stream().map(
			StackPlane::plane).toList(), imp);
		assertEquals(ImagePlus.GRAY32, out.getType());
		assertEquals("out", out.getTitle());
		assertArrayEquals(imp.getDimensions(), out.getDimensions());
		assertTrue(out.isHyperStack());
		for (int i = 1; i <= imp.getStackSize(); i++) {
			assertEquals("label" + i, out.getStack().getSliceLabel(i));
			final ImageProcessor a = imp.getStack().getProcessor(i);
			final ImageProcessor b = out.getStack().getProcessor(i);
			for (int p = 0; p < 20; p++) assertEquals(a.get(p), b.getf(p));
		}
		final Calibration cal = out.getCalibration();
		assertEquals(0.25, cal.pixelWidth);
		assertEquals(0.5, cal.pixelHeight);
		assertEquals(2, cal.pixelDepth);
		assertEquals(7, cal.frameInterval);
		assertEquals("mm", cal.getUnit());
	}

	@Test
	void mapAppliesToEveryPlaneAndScalesPixelSizeWhenSizeChanges() {
		final ImagePlus imp = hyperstack();
		final ImagePlus out = ImagePlanes.map(imp, RgbPolicy.REFUSE, "big", sp -> {
			final Plane p = new Plane(10, 8);
			p.set(0, 0, sp.plane().get(0, 0) + 1);
			return p;
		});
		assertEquals(10, out.getWidth());
		assertEquals(8, out.getHeight());
		assertArrayEquals(new int[] { 10, 8, 2, 3, 2 }, out.getDimensions());
		assertEquals(0.125, out.getCalibration().pixelWidth);
		assertEquals(0.25, out.getCalibration().pixelHeight);
		out.setPosition(2, 3, 1);
		assertEquals(2311, out.getProcessor().getf(0, 0));
	}

	@Test
	void signedSixteenBitGivesCalibratedValues() {
		final ImagePlus imp = new ImagePlus("signed", new ShortProcessor(3, 1));
		imp.getProcessor().set(0, 0, 32768 - 5);
		imp.getProcessor().set(1, 0, 32768);
		imp.getProcessor().set(2, 0, 32768 + 7);
		imp.getCalibration().setSigned16BitCalibration();
		final Plane p = ImagePlanes.plane(imp, 1, RgbPolicy.REFUSE).plane();
		assertArrayEquals(new float[] { -5, 0, 7 }, p.data());
		final ImagePlus back = BitDepth.toTypeOf(ImagePlanes.toImage("f", List.of(p), imp), imp);
		assertEquals(ImagePlus.GRAY16, back.getType());
		assertEquals(32768 - 5, back.getProcessor().get(0));
		assertEquals(32768 + 7, back.getProcessor().get(2));
		assertTrue(back.getCalibration().isSigned16Bit());
	}

	@Test
	void rgbIsRefusedUnlessLuminanceIsAsked() {
		final ColorProcessor cp = new ColorProcessor(2, 1);
		cp.set(0, 0, 0xff0000);
		cp.set(1, 0, 0x00ff00);
		final ImagePlus rgb = new ImagePlus("photo", cp);
		final InvalidInputException e = assertThrows(InvalidInputException.class, () -> ImagePlanes.planes(rgb,
			RgbPolicy.REFUSE));
		assertTrue(e.getMessage().contains("'photo' is an RGB colour image"), e.getMessage());
		assertTrue(e.getMessage().contains("grey-scale"), e.getMessage());
		final Plane lum = ImagePlanes.plane(rgb, 1, RgbPolicy.LUMINANCE).plane();
		assertEquals(0.299 * 255, lum.get(0, 0), 1e-3);
		assertEquals(0.587 * 255, lum.get(1, 0), 1e-3);
	}

	@Test
	void floatPlanesAreCopies() {
		final ImagePlus imp = IJ.createImage("f", "32-bit black", 4, 4, 1);
		final Plane p = ImagePlanes.plane(imp, 1, RgbPolicy.REFUSE).plane();
		p.set(0, 0, 5);
		assertEquals(0, imp.getProcessor().getf(0, 0));
	}

	@Test
	void toImageRefusesWrongPlaneCount() {
		final ImagePlus imp = hyperstack();
		assertThrows(IllegalArgumentException.class, () -> ImagePlanes.toImage("x", List.of(new Plane(5, 4)), imp));
	}

	@Test
	void compositeStaysComposite() {
		final ImagePlus imp = IJ.createHyperStack("comp", 4, 4, 2, 1, 1, 8);
		final ImagePlus comp = new ij.CompositeImage(imp, ij.CompositeImage.COMPOSITE);
		final ImagePlus out = ImagePlanes.map(comp, RgbPolicy.REFUSE, "o", StackPlane::plane);
		assertTrue(out.isComposite());
		assertEquals(2, out.getNChannels());
		assertEquals(ImagePlus.GRAY32, out.getType());
		final ImageStack s = out.getStack();
		assertEquals(2, s.getSize());
	}
}
