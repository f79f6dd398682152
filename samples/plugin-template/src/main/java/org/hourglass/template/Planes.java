package org.hourglass.template;

import org.hourglass.api.image.Plane;

import ij.ImagePlus;
import ij.ImageStack;

/** The image-to-plane step of the Image Statistics command. */
final class Planes {

	private Planes() {}

	/** Why the command cannot use these arguments, or {@code null} if it can. */
	static String unsupported(final ImagePlus image, final double low, final double high) {
		if (image == null) return "Image Statistics needs an image.";
		if (image.getType() == ImagePlus.COLOR_RGB || image.getType() == ImagePlus.COLOR_256) {
			return "Image Statistics needs a grey-scale image (8, 16 or 32-bit); '" + image.getTitle() +
				"' is " + (image.getType() == ImagePlus.COLOR_RGB ? "RGB" : "8-bit colour") +
				". Split or convert it first (Image > Color > Split Channels).";
		}
		if (!(0 <= low && low <= high && high <= 100)) {
			return "Percentiles must satisfy 0 <= low <= high <= 100; got low " + low + ", high " + high + ".";
		}
		return null;
	}

	/** Every value of every slice, as one plane of {@code width x (height * slices)} (raw pixel values). */
	static Plane allValues(final ImagePlus image) {
		final ImageStack stack = image.getStack();
		final int w = stack.getWidth();
		final int h = stack.getHeight();
		final int n = stack.getSize();
		final float[] data = new float[Math.multiplyExact(Math.multiplyExact(w, h), n)];
		for (int z = 0; z < n; z++) {
			final float[] slice = (float[]) stack.getProcessor(z + 1).convertToFloatProcessor().getPixels();
			System.arraycopy(slice, 0, data, z * w * h, w * h);
		}
		return new Plane(w, h * n, data);
	}
}
