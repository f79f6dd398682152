package org.hourglass.benchmark.superres;

import org.hourglass.api.image.Plane;
import org.hourglass.api.metrics.Metrics;
import org.hourglass.imagej.ImagePlanes;
import org.hourglass.imagej.RgbPolicy;
import org.hourglass.superres.Bicubic;
import org.hourglass.superres.YCbCr;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

/**
 * The super-resolution literature's Set5 protocol, as in SRCNN's evaluation code: the 8-bit luminance Y of
 * the original (MATLAB's {@code rgb2ycbcr}, rounded), cropped to a multiple of the factor from the top left
 * ({@code modcrop}), downscaled bicubically with antialiasing (kept as floats), upscaled; every result rounded
 * and clipped to 8 bits, {@code factor} pixels cropped at every edge ({@code shave}), PSNR with peak 255.
 */
public final class LiteratureProtocol {

	/** The peak value of 8-bit images. */
	public static final double PEAK = 255;

	private LiteratureProtocol() {}

	/** The 8-bit luminance of the first slice: Y rounded for RGB, the values themselves for a grey image. */
	public static Plane luminance(final ImagePlus image) {
		if (!ImagePlanes.isColour(image)) return ImagePlanes.plane(image, 1, RgbPolicy.REFUSE).plane();
		final ImageProcessor ip = image.getProcessor();
		final int[] rgb = (int[]) (ip instanceof ColorProcessor ? ip : ip.convertToRGB()).getPixels();
		final float[] y = new float[rgb.length];
		for (int i = 0; i < y.length; i++) y[i] = Math.round(YCbCr.luma(rgb[i]));
		return new Plane(image.getWidth(), image.getHeight(), y);
	}

	/** The top-left part whose sides are multiples of {@code factor}. */
	public static Plane modcrop(final Plane p, final int factor) {
		final int w = p.width() - p.width() % factor;
		final int h = p.height() - p.height() % factor;
		return w == p.width() && h == p.height() ? p : p.crop(0, 0, w, h);
	}

	/** The low-resolution input: {@code truth} downscaled bicubically by {@code factor}, not rounded. */
	public static Plane lowResolution(final Plane truth, final int factor) {
		return Bicubic.downscale(truth, factor);
	}

	/** Values rounded and clipped to [0, 255], as MATLAB's {@code uint8}. */
	public static Plane quantise(final Plane p) {
		final float[] v = p.data().clone();
		for (int i = 0; i < v.length; i++) {
			final float x = v[i];
			v[i] = !(x > 0) ? 0 : x >= PEAK ? (float) PEAK : Math.round(x);
		}
		return new Plane(p.width(), p.height(), p.channels(), v);
	}

	/** Without {@code border} pixels at every edge. */
	public static Plane shave(final Plane p, final int border) {
		return p.crop(border, border, p.width() - 2 * border, p.height() - 2 * border);
	}

	/** PSNR (dB) and SSIM of an upscaled plane against the truth: quantised, shaved by the factor, peak 255. */
	public static double[] score(final Plane upscaled, final Plane truth, final int factor) {
		final Plane a = shave(quantise(upscaled), factor);
		final Plane b = shave(quantise(truth), factor);
		return new double[] { Metrics.psnr(a, b, PEAK), Metrics.ssim(a, b, PEAK) };
	}
}
