package org.hourglass.api.metrics;

import org.hourglass.api.image.Plane;

/**
 * Image quality metrics between a test plane and a reference plane of the same size and channels. Computed
 * in double precision; NaN values are not allowed.
 */
public final class Metrics {

	/** SSIM's Gaussian window: 11×11, σ = 1.5 (Wang et al. 2004). */
	public static final int SSIM_WINDOW = 11;
	public static final double SSIM_SIGMA = 1.5;
	private static final double K1 = 0.01;
	private static final double K2 = 0.03;

	private Metrics() {}

	/**
	 * {@code a·test + b} with {@code a} and {@code b} chosen by least squares to match {@code reference}: for
	 * comparing images that do not share one intensity scale (microscopy images are often stretched one by one),
	 * as CARE's evaluation does before its PSNR. A constant {@code test} is fitted by its offset alone.
	 */
	public static Plane affineFit(final Plane test, final Plane reference) {
		checkSameSize(test, reference);
		final float[] x = test.data();
		final float[] y = reference.data();
		double mx = 0;
		double my = 0;
		for (int i = 0; i < x.length; i++) {
			mx += x[i];
			my += y[i];
		}
		mx /= x.length;
		my /= x.length;
		double sxy = 0;
		double sxx = 0;
		for (int i = 0; i < x.length; i++) {
			sxy += (x[i] - mx) * (y[i] - my);
			sxx += (x[i] - mx) * (x[i] - mx);
		}
		final double a = sxx > 0 ? sxy / sxx : 0;
		final double b = my - a * mx;
		final float[] out = new float[x.length];
		for (int i = 0; i < x.length; i++) out[i] = (float) (a * x[i] + b);
		return new Plane(test.width(), test.height(), test.channels(), out);
	}

	/** Mean squared error. */
	public static double mse(final Plane test, final Plane reference) {
		checkSameSize(test, reference);
		final float[] a = test.data();
		final float[] b = reference.data();
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			final double d = (double) a[i] - b[i];
			sum += d * d;
		}
		return sum / a.length;
	}

	/**
	 * Peak signal-to-noise ratio in dB, {@code 10 log10(dataRange² / MSE)}; infinite for identical planes.
	 *
	 * @param dataRange the range of possible values, e.g. 255 for 8-bit images
	 */
	public static double psnr(final Plane test, final Plane reference, final double dataRange) {
		checkRange(dataRange);
		return 10 * Math.log10(dataRange * dataRange / mse(test, reference));
	}

	/**
	 * Mean structural similarity (Wang et al. 2004): an 11×11 Gaussian window with σ = 1.5, K1 = 0.01,
	 * K2 = 0.03, averaged over all positions where the window lies inside the image (no padding, as the
	 * authors' reference implementation). Both planes must be at least 11×11.
	 *
	 * @param dataRange the range of possible values, e.g. 255 for 8-bit images
	 */
	public static double ssim(final Plane test, final Plane reference, final double dataRange) {
		checkSameSize(test, reference);
		checkRange(dataRange);
		if (test.channels() > 1) {
			// the mean over the channels
			double sum = 0;
			for (int c = 0; c < test.channels(); c++) sum += ssim(test.channel(c), reference.channel(c), dataRange);
			return sum / test.channels();
		}
		final int w = test.width();
		final int h = test.height();
		if (w < SSIM_WINDOW || h < SSIM_WINDOW) {
			throw new IllegalArgumentException("SSIM needs images of at least " + SSIM_WINDOW + "x" + SSIM_WINDOW +
				", got " + w + "x" + h);
		}
		final double[] x = toDouble(test.data());
		final double[] y = toDouble(reference.data());
		final double[] xx = new double[x.length];
		final double[] yy = new double[x.length];
		final double[] xy = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			xx[i] = x[i] * x[i];
			yy[i] = y[i] * y[i];
			xy[i] = x[i] * y[i];
		}
		final double[] kernel = gaussian(SSIM_WINDOW, SSIM_SIGMA);
		final int ow = w - SSIM_WINDOW + 1;
		final int oh = h - SSIM_WINDOW + 1;
		final double[] mx = filterValid(x, w, h, kernel);
		final double[] my = filterValid(y, w, h, kernel);
		final double[] sxx = filterValid(xx, w, h, kernel);
		final double[] syy = filterValid(yy, w, h, kernel);
		final double[] sxy = filterValid(xy, w, h, kernel);
		final double c1 = (K1 * dataRange) * (K1 * dataRange);
		final double c2 = (K2 * dataRange) * (K2 * dataRange);
		double sum = 0;
		for (int i = 0; i < ow * oh; i++) {
			final double varX = sxx[i] - mx[i] * mx[i];
			final double varY = syy[i] - my[i] * my[i];
			final double cov = sxy[i] - mx[i] * my[i];
			sum += (2 * mx[i] * my[i] + c1) * (2 * cov + c2) /
				((mx[i] * mx[i] + my[i] * my[i] + c1) * (varX + varY + c2));
		}
		return sum / (ow * oh);
	}

	/** A normalised 1-D Gaussian of the given odd size. */
	static double[] gaussian(final int size, final double sigma) {
		final double[] k = new double[size];
		final int r = size / 2;
		double sum = 0;
		for (int i = 0; i < size; i++) {
			k[i] = Math.exp(-((i - r) * (i - r)) / (2 * sigma * sigma));
			sum += k[i];
		}
		for (int i = 0; i < size; i++) k[i] /= sum;
		return k;
	}

	/** Separable 'valid' filtering: the output is (w - k + 1) × (h - k + 1). */
	private static double[] filterValid(final double[] in, final int w, final int h, final double[] k) {
		final int n = k.length;
		final int ow = w - n + 1;
		final int oh = h - n + 1;
		final double[] rows = new double[ow * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < ow; x++) {
				double s = 0;
				for (int i = 0; i < n; i++) s += k[i] * in[y * w + x + i];
				rows[y * ow + x] = s;
			}
		}
		final double[] out = new double[ow * oh];
		for (int y = 0; y < oh; y++) {
			for (int x = 0; x < ow; x++) {
				double s = 0;
				for (int i = 0; i < n; i++) s += k[i] * rows[(y + i) * ow + x];
				out[y * ow + x] = s;
			}
		}
		return out;
	}

	private static double[] toDouble(final float[] v) {
		final double[] d = new double[v.length];
		for (int i = 0; i < v.length; i++) d[i] = v[i];
		return d;
	}

	private static void checkSameSize(final Plane a, final Plane b) {
		if (a.width() != b.width() || a.height() != b.height() || a.channels() != b.channels()) {
			throw new IllegalArgumentException("images must have the same size, got " + a + " and " + b);
		}
	}

	private static void checkRange(final double dataRange) {
		if (!(dataRange > 0 && Double.isFinite(dataRange))) {
			throw new IllegalArgumentException("data range must be positive, got " + dataRange);
		}
	}
}
