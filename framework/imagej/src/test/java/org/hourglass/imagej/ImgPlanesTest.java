package org.hourglass.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hourglass.api.image.Plane;
import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

class ImgPlanesTest {

	@Test
	void rowMajorFromAnyInterval() {
		final Img<UnsignedShortType> img = ArrayImgs.unsignedShorts(4, 3);
		final RandomAccess<UnsignedShortType> ra = img.randomAccess();
		for (int y = 0; y < 3; y++) {
			for (int x = 0; x < 4; x++) {
				ra.setPosition(new long[] { x, y });
				ra.get().set(10 * y + x);
			}
		}
		final Plane p = ImgPlanes.toPlane(Views.translate(img, 100, -7));
		assertEquals(4, p.width());
		assertEquals(3, p.height());
		assertEquals(21, p.get(1, 2));
		assertEquals(3, p.get(3, 0));
	}

	@Test
	void planeAsImgSharesValues() {
		final Plane p = new Plane(2, 2, new float[] { 1, 2, 3, 4 });
		final Img<FloatType> img = ImgPlanes.toImg(p);
		final RandomAccess<FloatType> ra = img.randomAccess();
		ra.setPosition(new long[] { 0, 1 });
		assertEquals(3, ra.get().get());
		assertEquals(p, ImgPlanes.toPlane(img));
	}

	@Test
	void threeDimensionsAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> ImgPlanes.toPlane(ArrayImgs.floats(2, 2, 2)));
	}
}
