package org.hourglass.imagej;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

/** Converts a 32-bit result back to the bit depth of the image it was computed from. */
public final class BitDepth {

	private BitDepth() {}

	/**
	 * {@code result} (32-bit) as an image of {@code like}'s type: 8-bit for 8-bit and colour images, 16-bit for
	 * 16-bit ones; a 32-bit {@code like} returns {@code result} itself. Values are mapped back through
	 * {@code like}'s density calibration if it has one, rounded, and clipped to the type's range (0–255 or
	 * 0–65535); NaN becomes 0. Dimensions, slice labels, title and {@code like}'s calibration are kept.
	 */
	public static ImagePlus toTypeOf(final ImagePlus result, final ImagePlus like) {
		final int type = like.getType();
		if (type == ImagePlus.GRAY32) return result;
		final boolean sixteen = type == ImagePlus.GRAY16;
		final int max = sixteen ? 65535 : 255;
		final Calibration cal = like.getCalibration();
		final boolean calibrated = cal.calibrated() && !ImagePlanes.isColour(like);
		final ImageStack in = result.getStack();
		final ImageStack out = new ImageStack(in.getWidth(), in.getHeight());
		for (int i = 1; i <= in.getSize(); i++) {
			final ImageProcessor src = in.getProcessor(i);
			final ImageProcessor dst = sixteen ? new ShortProcessor(src.getWidth(), src.getHeight()) :
				new ByteProcessor(src.getWidth(), src.getHeight());
			final int n = src.getPixelCount();
			for (int p = 0; p < n; p++) {
				final double v = src.getf(p);
				dst.set(p, clip(calibrated ? cal.getRawValue(v) : v, max));
			}
			out.addSlice(in.getSliceLabel(i), dst);
		}
		final Calibration outCal = like.getCalibration().copy();
		final Calibration spatial = result.getCalibration();
		outCal.pixelWidth = spatial.pixelWidth;
		outCal.pixelHeight = spatial.pixelHeight;
		outCal.xOrigin = spatial.xOrigin;
		outCal.yOrigin = spatial.yOrigin;
		if (!calibrated) outCal.disableDensityCalibration();
		return ImagePlanes.assemble(result.getTitle(), out, result, outCal);
	}

	static int clip(final double v, final int max) {
		if (Double.isNaN(v) || v <= 0) return 0;
		if (v >= max) return max;
		return (int) Math.round(v);
	}
}
