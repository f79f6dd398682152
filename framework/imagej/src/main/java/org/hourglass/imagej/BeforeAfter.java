package org.hourglass.imagej;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import ij.process.ImageStatistics;

/**
 * A before/after figure: the current plane of an input and of its result side by side, as one 8-bit image.
 * Both halves share one display range (the input's 0.5–99.5 % percentiles), so the eye compares like with
 * like. A result of another size (super-resolution) is shown at its size, the input scaled up to match
 * without interpolation.
 */
public final class BeforeAfter {

	private static final int GAP = 8;
	private static final double LOW = 0.5;
	private static final double HIGH = 99.5;

	private BeforeAfter() {}

	/** The figure, titled {@code <input title>-before-after}. */
	public static ImagePlus of(final ImagePlus before, final ImagePlus after) {
		final ImageProcessor b = before.getProcessor().convertToFloat();
		final ImageProcessor a = after.getProcessor().convertToFloat();
		final ImageProcessor scaledBefore = b.getWidth() == a.getWidth() && b.getHeight() == a.getHeight() ? b
			: nearest(b, a.getWidth(), a.getHeight());
		final double[] range = percentiles(b);
		final int w = a.getWidth();
		final int h = a.getHeight();
		final ByteProcessor figure = new ByteProcessor(2 * w + GAP, h);
		figure.setColor(255);
		figure.fill();
		paste(figure, scaledBefore, 0, range);
		paste(figure, a, w + GAP, range);
		return new ImagePlus(before.getShortTitle() + "-before-after", figure);
	}

	private static ImageProcessor nearest(final ImageProcessor ip, final int w, final int h) {
		ip.setInterpolationMethod(ImageProcessor.NONE);
		return ip.resize(w, h);
	}

	private static double[] percentiles(final ImageProcessor ip) {
		final float[] v = ((float[]) ip.getPixels()).clone();
		java.util.Arrays.sort(v);
		final double lo = v[(int) Math.floor(LOW / 100 * (v.length - 1))];
		final double hi = v[(int) Math.ceil(HIGH / 100 * (v.length - 1))];
		if (hi > lo) return new double[] { lo, hi };
		final ImageStatistics s = ip.getStats();
		return new double[] { s.min, s.max > s.min ? s.max : s.min + 1 };
	}

	private static void paste(final ByteProcessor figure, final ImageProcessor src, final int x0,
		final double[] range)
	{
		final double scale = 255 / (range[1] - range[0]);
		for (int y = 0; y < src.getHeight(); y++) {
			for (int x = 0; x < src.getWidth(); x++) {
				final double v = (src.getf(x, y) - range[0]) * scale;
				figure.set(x0 + x, y, (int) Math.max(0, Math.min(255, Math.round(v))));
			}
		}
	}
}
