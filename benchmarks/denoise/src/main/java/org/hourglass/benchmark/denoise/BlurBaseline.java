package org.hourglass.benchmark.denoise;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.hourglass.api.Progress;
import org.hourglass.api.image.Plane;
import org.hourglass.api.metrics.Metrics;

import ij.plugin.filter.GaussianBlur;
import ij.process.FloatProcessor;

/**
 * The classical baseline: ImageJ's Gaussian blur of the noisy 32-bit image, with the blur sigma chosen from
 * a grid as the one with the best mean PSNR over the whole set (one sigma for all images, as a fair
 * baseline tuned on the test set itself, which favours the baseline).
 */
public final class BlurBaseline {

	/** The default grid: 0.5 to 3.0 pixels in steps of 0.1. */
	public static final double MIN_SIGMA = 0.5;
	public static final double MAX_SIGMA = 3.0;
	public static final double STEP = 0.1;

	/** ImageJ's accuracy for blurring float images (kernel cut off where it falls below this). */
	private static final double ACCURACY = 0.0002;

	private final double[] sigmas;

	/** The grid {@code min, min + step, ..., max}. */
	public BlurBaseline(final double min, final double max, final double step) {
		if (!(min > 0 && max >= min && step > 0)) {
			throw new IllegalArgumentException("blur grid needs 0 < min <= max and step > 0, got " + min + ", " + max +
				", " + step);
		}
		final int n = (int) Math.floor((max - min) / step + 1e-9) + 1;
		sigmas = new double[n];
		for (int i = 0; i < n; i++) sigmas[i] = Math.round((min + i * step) * 1e6) / 1e6;
	}

	/** The default grid, 0.5 to 3.0 in steps of 0.1. */
	public BlurBaseline() {
		this(MIN_SIGMA, MAX_SIGMA, STEP);
	}

	public double[] sigmas() {
		return sigmas.clone();
	}

	/** {@code noisy} blurred with {@code sigma}; a new plane. */
	public static Plane blur(final Plane noisy, final double sigma) {
		final FloatProcessor fp = new FloatProcessor(noisy.width(), noisy.height(), noisy.data().clone());
		final GaussianBlur gb = new GaussianBlur();
		gb.showProgress(false);
		gb.blurGaussian(fp, sigma, sigma, ACCURACY);
		return new Plane(noisy.width(), noisy.height(), (float[]) fp.getPixels());
	}

	/**
	 * Tries every sigma of the grid on every image and keeps the one with the best mean PSNR.
	 *
	 * @param progress updated per image, checked for cancellation
	 * @throws CancellationException if {@code progress} was cancelled
	 */
	public Best best(final List<Plane> noisy, final List<Plane> clean, final Progress progress) {
		final int n = noisy.size();
		final double[][] psnr = new double[sigmas.length][n];
		for (int i = 0; i < n; i++) {
			if (progress.isCancelled()) throw new CancellationException();
			for (int s = 0; s < sigmas.length; s++) {
				psnr[s][i] = Metrics.psnr(blur(noisy.get(i), sigmas[s]), clean.get(i), 255);
			}
			progress.update(i + 1, n + 1L);
		}
		int best = 0;
		double bestMean = Double.NEGATIVE_INFINITY;
		for (int s = 0; s < sigmas.length; s++) {
			final double mean = Arrays.stream(psnr[s]).average().orElseThrow();
			if (mean > bestMean) {
				bestMean = mean;
				best = s;
			}
		}
		final double[] ssim = new double[n];
		for (int i = 0; i < n; i++) {
			ssim[i] = Metrics.ssim(blur(noisy.get(i), sigmas[best]), clean.get(i), 255);
		}
		progress.update(n + 1L, n + 1L);
		final boolean edge = sigmas.length > 1 && (best == 0 || best == sigmas.length - 1);
		return new Best(sigmas[best], new MethodResult(String.format(Locale.ROOT, "Gaussian blur, sigma %.2f",
			sigmas[best]), String
			.format(Locale.ROOT, "ImageJ Gaussian blur (float); sigma with the best mean PSNR among %s to %s step %s%s",
				fmt(sigmas[0]), fmt(sigmas[sigmas.length - 1]), fmt(sigmas.length > 1 ? sigmas[1] - sigmas[0] : 0),
				edge ? " (at the edge of the grid: widen it)" : ""), psnr[best], ssim));
	}

	/**
	 * The chosen blur.
	 *
	 * @param sigma the blur sigma in pixels
	 * @param result its scores
	 */
	public record Best(double sigma, MethodResult result) {}

	private static String fmt(final double v) {
		return String.format(Locale.ROOT, "%.2f", v);
	}
}
