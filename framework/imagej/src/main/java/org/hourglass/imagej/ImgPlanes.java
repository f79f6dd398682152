package org.hourglass.imagej;

import org.hourglass.api.image.Plane;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/** imglib2 images as planes and back, for callers of the API that work with imglib2. */
public final class ImgPlanes {

	private ImgPlanes() {}

	/**
	 * A copy of a 2-D image as a plane: dimension 0 is x, dimension 1 is y; the interval's minimum becomes
	 * (0, 0). Values are converted to float with {@link RealType#getRealFloat()}.
	 *
	 * @throws IllegalArgumentException if the image is not 2-D or too large for one plane
	 */
	public static Plane toPlane(final RandomAccessibleInterval<? extends RealType<?>> image) {
		if (image.numDimensions() != 2) {
			throw new IllegalArgumentException("a plane is 2-D; the image has " + image.numDimensions() +
				" dimensions (take a 2-D view first, e.g. Views.hyperSlice)");
		}
		final long w = image.dimension(0);
		final long h = image.dimension(1);
		if (w * h > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("image " + w + "x" + h + " is too large for one plane");
		}
		final float[] data = new float[(int) (w * h)];
		final Cursor<? extends RealType<?>> c = Views.flatIterable(image).cursor();
		for (int i = 0; i < data.length; i++) {
			data[i] = c.next().getRealFloat();
		}
		return new Plane((int) w, (int) h, data);
	}

	/** A float image backed by the plane's array (not a copy): x is dimension 0, y dimension 1. */
	public static Img<FloatType> toImg(final Plane plane) {
		return ArrayImgs.floats(plane.data(), plane.width(), plane.height());
	}
}
