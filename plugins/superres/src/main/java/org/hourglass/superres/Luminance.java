package org.hourglass.superres;

import java.util.ArrayList;
import java.util.List;

import org.hourglass.api.image.Plane;
import org.hourglass.imagej.ImagePlanes;
import org.hourglass.imagej.RgbPolicy;
import org.hourglass.imagej.StackPlane;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/**
 * The planes quality is measured on: a grey image's planes as they are, an RGB image's luminance Y
 * ({@link YCbCr}, as the literature measures), slice by slice; and back to a 32-bit image of the same shape.
 */
final class Luminance {

	private Luminance() {}

	/** Every plane of {@code image} in stack order; for a colour image the Y of every slice. */
	static List<Plane> planes(final ImagePlus image) {
		if (!ImagePlanes.isColour(image)) {
			return ImagePlanes.planes(image, RgbPolicy.REFUSE).stream().map(StackPlane::plane).toList();
		}
		final List<Plane> out = new ArrayList<>();
		for (int i = 1; i <= image.getStackSize(); i++) {
			final ImageProcessor ip = image.getStack().getProcessor(i);
			final int[] rgb = (int[]) (ip instanceof ColorProcessor ? ip : ip.convertToRGB()).getPixels();
			out.add(YCbCr.fromRgb(rgb, image.getWidth(), image.getHeight())[0]);
		}
		return out;
	}

	/** A 32-bit image of {@code planes} (all of one size) with {@code like}'s channels, slices and frames. */
	static ImagePlus image(final String title, final List<Plane> planes, final ImagePlus like) {
		final Plane first = planes.get(0);
		final ImageStack stack = new ImageStack(first.width(), first.height());
		for (final Plane p : planes) stack.addSlice(null, new FloatProcessor(p.width(), p.height(), p.data()));
		final ImagePlus out = new ImagePlus(title, stack);
		out.setDimensions(like.getNChannels(), like.getNSlices(), like.getNFrames());
		return out;
	}

	/** Every plane without {@code border} pixels at each edge. */
	static List<Plane> crop(final List<Plane> planes, final int border) {
		if (border == 0) return planes;
		return planes.stream().map(p -> p.crop(border, border, p.width() - 2 * border, p.height() - 2 * border))
			.toList();
	}
}
