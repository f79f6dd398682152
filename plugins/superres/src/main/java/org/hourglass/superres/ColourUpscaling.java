package org.hourglass.superres;

import java.util.function.BiFunction;

import org.hourglass.api.Progress;
import org.hourglass.api.image.Plane;
import org.hourglass.imagej.variant.ModelApplication;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/**
 * Upscaling a colour image as the super-resolution literature does: every RGB slice becomes Y, Cb and Cr
 * ({@link YCbCr}); the luminance Y goes through the model (the eye sees detail in the luminance), the colour
 * Cb and Cr are enlarged by bicubic interpolation ({@link Bicubic}), and the three are turned back into RGB,
 * rounded and clipped. The result is an RGB image with the input's slices and frames and the pixel size
 * divided by the factor.
 */
public final class ColourUpscaling implements ModelApplication.ColourStrategy {

	private final String suffix;

	/** @param suffix added to the result's title */
	public ColourUpscaling(final String suffix) {
		this.suffix = suffix;
	}

	@Override
	public ImagePlus apply(final ImagePlus colour, final BiFunction<ImagePlus, Progress, ImagePlus> grey,
		final Progress progress)
	{
		final int w = colour.getWidth();
		final int h = colour.getHeight();
		final int n = colour.getStackSize();
		final ImageStack luma = new ImageStack(w, h);
		final Plane[][] chroma = new Plane[n][];
		for (int i = 1; i <= n; i++) {
			final ImageProcessor ip = colour.getStack().getProcessor(i);
			final int[] rgb = (int[]) (ip instanceof ColorProcessor ? ip : ip.convertToRGB()).getPixels();
			final Plane[] ycc = YCbCr.fromRgb(rgb, w, h);
			luma.addSlice(colour.getStack().getSliceLabel(i), new FloatProcessor(w, h, ycc[0].data()));
			chroma[i - 1] = new Plane[] { ycc[1], ycc[2] };
		}
		final ImagePlus y = new ImagePlus(colour.getTitle(), luma);
		y.setDimensions(colour.getNChannels(), colour.getNSlices(), colour.getNFrames());
		y.setCalibration(colour.getCalibration().copy());
		final ImagePlus upY = grey.apply(y, progress);
		final int factor = upY.getWidth() / w;
		final ImageStack out = new ImageStack(upY.getWidth(), upY.getHeight());
		for (int i = 1; i <= n; i++) {
			final Plane yPlane = new Plane(upY.getWidth(), upY.getHeight(), (float[]) upY.getStack().getProcessor(i)
				.getPixels());
			final int[] rgb = YCbCr.toRgb(yPlane, Bicubic.upscale(chroma[i - 1][0], factor), Bicubic.upscale(
				chroma[i - 1][1], factor));
			out.addSlice(colour.getStack().getSliceLabel(i), new ColorProcessor(upY.getWidth(), upY.getHeight(), rgb));
		}
		final ImagePlus result = new ImagePlus(ModelApplication.baseTitle(colour) + "-" + suffix, out);
		result.setDimensions(colour.getNChannels(), colour.getNSlices(), colour.getNFrames());
		if (colour.isHyperStack()) result.setOpenAsHyperStack(true);
		final Calibration cal = upY.getCalibration().copy();
		result.setCalibration(cal);
		return result;
	}
}
