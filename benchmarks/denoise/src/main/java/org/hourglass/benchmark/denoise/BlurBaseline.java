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
 * baseline tuned on the test set itself, which favours the baseline). For images that do not share one
 * intensity scale with their clean image, the PSNR can be taken after the least-squares affine fit
 * ({@link Metrics#affineFit}); given one image as the set, the sigma is that image's own best.
 */
public final class BlurBaseline {

	/** The default grid: 0.5 to 3.0 pixels in steps of 0.1. */
	public static final double MIN_SIGMA = 0.5;
	public static final double MAX_SIGMA = 3.0;
	public static final double STEP = 0.1;

	/** ImageJ's accuracy for blurring float images (kernel cut off where it falls below this). */
	private static final double ACCURACY = 0.0002;

	private final double[] sigmas;
	private final boolean affineFit;

	/** The grid {@code min, min + step, ..., max}, PSNR without a fit. */
	public BlurBaseline(final double min, final double max, final double step) {
		this(min, max, step, false);
	}

	/**
	 * The grid {@code min, min + step, ..., max}.
	 *
	 * @param affineFit score each blurred image after its least-squares affine fit to the clean image
	 */
	public BlurBaseline(final double min, final double max, final double step, final boolean affineFit) {
		if (!(min > 0 && max >= min && step > 0)) {
			throw new IllegalArgumentException("blur grid needs 0 < min <= max and step > 0, got " + min + ", " + max +
				", " + step);
		}
		final int n = (int) Math.floor((max - min) / step + 1e-9) + 1;
		sigmas = new double[n];
		for (int i = 0; i < n; i++) sigmas[i] = Math.round((min + i * step) * 1e6) / 1e6;
		this.affineFit = affineFit;
	}

	/** The default grid, 0.5 to 3.0 in steps of 0.1. */
	public BlurBaseline() {
		this(MIN_SIGMA, MAX_SIGMA, STEP);
	}

	public double[] sigmas() {
		return sigmas.clone();
	}

	/**
	 * The grid ten times finer around {@code sigma}, within one step of this grid on either side (and above 0),
	 * with the same scoring: for refining a sigma this grid chose.
	 */
	public BlurBaseline around(final double sigma) {
		final double step = sigmas.length > 1 ? sigmas[1] - sigmas[0] : STEP;
		final double fine = step / 10;
		return new BlurBaseline(Math.max(fine, sigma - 9 * fine), sigma + 9 * fine, fine, affineFit);
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
				psnr[s][i] = Metrics.psnr(DenoiseBenchmark.compared(blur(noisy.get(i), sigmas[s]), clean.get(i),
					affineFit), clean.get(i), 255);
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
			ssim[i] = Metrics.ssim(DenoiseBenchmark.compared(blur(noisy.get(i), sigmas[best]), clean.get(i),
				affineFit), clean.get(i), 255);
		}
		progress.update(n + 1L, n + 1L);
		final boolean edge = sigmas.length > 1 && (best == 0 || best == sigmas.length - 1);
		return new Best(sigmas[best], edge, new MethodResult(String.format(Locale.ROOT, "Gaussian blur, sigma %.2f",
			sigmas[best]), String
			.format(Locale.ROOT, "ImageJ Gaussian blur (float); sigma with the best mean PSNR among %s to %s step %s%s",
				fmt(sigmas[0]), fmt(sigmas[sigmas.length - 1]), fmt(sigmas.length > 1 ? sigmas[1] - sigmas[0] : 0),
				edge ? " (at the edge of the grid: widen it)" : "") + (affineFit ? "; scored after the affine fit" : ""),
			psnr[best], ssim));
	}

	/**
	 * The chosen blur.
	 *
	 * @param sigma the blur sigma in pixels
	 * @param atEdge whether it lies at an end of a grid of more than one sigma (the grid should be widened)
	 * @param result its scores
	 */
	public record Best(double sigma, boolean atEdge, MethodResult result) {}

	private static String fmt(final double v) {
		return String.format(Locale.ROOT, "%.2f", v);
	}
}
