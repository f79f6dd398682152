package org.hourglass.imagej;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.Plane;

import ij.ImagePlus;

/**
 * The checks every command makes on its images before it starts. Each throws
 * {@link InvalidInputException} with a message that says what was expected, what was found and what to do.
 */
public final class InputChecks {

	private InputChecks() {}

	/** {@code image} must be given. */
	public static ImagePlus requireImage(final ImagePlus image, final String what) {
		if (image == null) throw new InvalidInputException("No " + what + " was given: open an image or choose one.");
		return image;
	}

	/** {@code image} must be grey-scale: 8, 16 or 32-bit. */
	public static void requireGrey(final ImagePlus image) {
		if (ImagePlanes.isColour(image)) throw new InvalidInputException(colourMessage(image));
	}

	/** Both sides of {@code image} must be at least {@code size} pixels, e.g. one training patch. */
	public static void requireAtLeast(final ImagePlus image, final int size, final String what) {
		if (image.getWidth() < size || image.getHeight() < size) {
			throw new InvalidInputException(tooSmall("'" + image.getTitle() + "'", image.getWidth(), image
				.getHeight(), size, what));
		}
	}

	/** Both sides of {@code plane} must be at least {@code size} pixels. */
	public static void requireAtLeast(final Plane plane, final String name, final int size, final String what) {
		if (plane.width() < size || plane.height() < size) {
			throw new InvalidInputException(tooSmall(name, plane.width(), plane.height(), size, what));
		}
	}

	/** No NaN or infinite value in any plane of {@code image} (only 32-bit images can hold them). */
	public static void requireFinite(final ImagePlus image) {
		if (image.getType() != ImagePlus.GRAY32) return;
		for (int i = 1; i <= image.getStackSize(); i++) {
			final float[] v = (float[]) image.getStack().getProcessor(i).getPixels();
			final int at = firstNonFinite(v);
			if (at >= 0) {
				final int w = image.getWidth();
				final int[] czt = image.convertIndexToPosition(i);
				throw new InvalidInputException(nonFiniteMessage("'" + image.getTitle() + "'" + (image
					.getStackSize() > 1 ? " (c" + czt[0] + " z" + czt[1] + " t" + czt[2] + ")" : ""), v[at], at % w, at /
						w));
			}
		}
	}

	/** No NaN or infinite value in {@code plane}. */
	public static void requireFinite(final Plane plane, final String name) {
		final int at = firstNonFinite(plane.data());
		if (at >= 0) {
			throw new InvalidInputException(nonFiniteMessage(name, plane.data()[at], at % plane.width(), at / plane
				.width()));
		}
	}

	/** {@code a} and {@code b} must have the same width, height, channels, slices and frames. */
	public static void requireSameShape(final ImagePlus a, final ImagePlus b) {
		if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight() || a.getNChannels() != b
			.getNChannels() || a.getNSlices() != b.getNSlices() || a.getNFrames() != b.getNFrames())
		{
			throw new InvalidInputException("'" + a.getTitle() + "' and '" + b.getTitle() +
				"' must have the same size; found " + shape(a) + " and " + shape(b) + ".");
		}
	}

	/** Width x height, and channels, slices, frames where more than one, e.g. {@code 512x512, 3 channels}. */
	public static String shape(final ImagePlus image) {
		final StringBuilder sb = new StringBuilder().append(image.getWidth()).append('x').append(image.getHeight());
		if (image.getNChannels() > 1) sb.append(", ").append(image.getNChannels()).append(" channels");
		if (image.getNSlices() > 1) sb.append(", ").append(image.getNSlices()).append(" slices");
		if (image.getNFrames() > 1) sb.append(", ").append(image.getNFrames()).append(" frames");
		return sb.toString();
	}

	// -- Helper methods --

	static String colourMessage(final ImagePlus image) {
		final String kind = image.getType() == ImagePlus.COLOR_RGB ? "an RGB colour image" : "an 8-bit colour image";
		return "Expected a grey-scale image (8, 16 or 32-bit), but '" + image.getTitle() + "' is " + kind +
			". Convert it first (Image > Type > 8-bit or 32-bit), or split its channels (Image > Color > " +
			"Split Channels) and process each.";
	}

	private static String tooSmall(final String name, final int w, final int h, final int size,
		final String what)
	{
		return "Image " + name + " is " + w + "x" + h + " pixels, smaller than " + what + " (" + size + "x" + size +
			"). Use a larger image or a smaller size.";
	}

	private static String nonFiniteMessage(final String name, final float value, final int x, final int y) {
		return "Image " + name + " contains " + (Float.isNaN(value) ? "NaN" : "infinite") + " values (the first at x=" +
			x + ", y=" + y + "). Expected finite numbers only: replace them first (e.g. Process > Noise > " +
			"Remove NaNs...).";
	}

	private static int firstNonFinite(final float[] values) {
		for (int i = 0; i < values.length; i++) {
			if (!Float.isFinite(values[i])) return i;
		}
		return -1;
	}
}
