package org.hourglass.benchmark.denoise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.PredictOptions;
import org.hourglass.api.Progress;
import org.hourglass.api.image.Plane;
import org.hourglass.api.metrics.Metrics;
import org.hourglass.imagej.StatusProgress;

/**
 * Measures denoising quality on a set of clean 8-bit images: the noisy input, the best Gaussian blur, and
 * each model, by PSNR and SSIM on the 0–255 scale ({@link Metrics}, computed on float planes).
 * <p>
 * Models predict each whole noisy plane as the Denoise command does ({@code Model.predict} with the
 * command's default tiling, {@link PredictOptions#defaults()}). Their output is compared as it is (32-bit,
 * unclipped) and clipped to [0, 255], as it would be when saved as an 8-bit image.
 */
public final class DenoiseBenchmark {

	private static final Logger LOG = LogManager.getLogger();
	private static final double RANGE = 255;

	private final BlurBaseline blur;
	private final PredictOptions options;

	public DenoiseBenchmark(final BlurBaseline blur, final PredictOptions options) {
		this.blur = blur;
		this.options = options;
	}

	/** The default blur grid and the Denoise command's default prediction options. */
	public DenoiseBenchmark() {
		this(new BlurBaseline(), PredictOptions.defaults());
	}

	/**
	 * Runs the benchmark.
	 *
	 * @param noisy the noisy planes, one per image ({@link BenchmarkNoise#add})
	 * @param progress shows one part for the baseline and one per model; cancels the run
	 * @throws CancellationException if cancelled
	 */
	public BenchmarkResult run(final BenchmarkImages images, final List<Plane> noisy, final double sigma,
		final long seed, final List<BenchmarkModel> models, final StatusProgress progress)
	{
		final List<Plane> clean = images.clean();
		final int parts = 1 + models.size();
		final MethodResult noisyResult = score("Noisy input", String.format(Locale.ROOT,
			"white Gaussian noise, sigma %s, not clipped", sigma), noisy, clean);
		LOG.info("noisy input: mean PSNR {} dB", noisyResult.meanPsnr());
		final BlurBaseline.Best best = blur.best(noisy, clean, progress.part(0, parts, "Gaussian blur"));
		LOG.info("best blur sigma {}: mean PSNR {} dB", best.sigma(), best.result().meanPsnr());
		final List<MethodResult> modelResults = new ArrayList<>();
		for (int m = 0; m < models.size(); m++) {
			final BenchmarkModel bm = models.get(m);
			final Progress part = progress.part(m + 1, parts, bm.name());
			final List<Plane> out = new ArrayList<>(noisy.size());
			for (int i = 0; i < noisy.size(); i++) {
				if (part.isCancelled()) throw new CancellationException();
				out.add(bm.model().predict(noisy.get(i), options, Progress.part(part, i, noisy.size())));
			}
			final String notes = ModelSummary.describe(bm.model().info());
			modelResults.add(score(bm.name(), notes, out, clean));
			modelResults.add(score(bm.name() + " (clipped)", "output clipped to [0, 255]", out.stream().map(
				DenoiseBenchmark::clip).toList(), clean));
			LOG.info("{}: mean PSNR {} dB, clipped {} dB", bm.name(), modelResults.get(modelResults.size() - 2)
				.meanPsnr(), modelResults.get(modelResults.size() - 1).meanPsnr());
		}
		return new BenchmarkResult(images.names(), sigma, seed, noisyResult, best.result(), best.sigma(),
			modelResults);
	}

	/** PSNR and SSIM of every plane against its clean image. */
	static MethodResult score(final String method, final String notes, final List<Plane> test,
		final List<Plane> clean)
	{
		return score(method, notes, test, clean, false);
	}

	/**
	 * PSNR and SSIM of every plane against its clean image, on the 0–255 scale.
	 *
	 * @param affineFit fit each plane to its clean image first ({@link Metrics#affineFit})
	 */
	static MethodResult score(final String method, final String notes, final List<Plane> test,
		final List<Plane> clean, final boolean affineFit)
	{
		final double[] psnr = new double[test.size()];
		final double[] ssim = new double[test.size()];
		for (int i = 0; i < test.size(); i++) {
			final Plane x = compared(test.get(i), clean.get(i), affineFit);
			psnr[i] = Metrics.psnr(x, clean.get(i), RANGE);
			ssim[i] = Metrics.ssim(x, clean.get(i), RANGE);
		}
		return new MethodResult(method, notes, psnr, ssim);
	}

	/** {@code test} as it is compared with {@code clean}: itself, or its least-squares affine fit to it. */
	static Plane compared(final Plane test, final Plane clean, final boolean affineFit) {
		return affineFit ? Metrics.affineFit(test, clean) : test;
	}

	/** A copy with values clipped to [0, 255]. */
	static Plane clip(final Plane p) {
		final float[] v = p.data().clone();
		for (int i = 0; i < v.length; i++) v[i] = Math.max(0, Math.min((float) RANGE, v[i]));
		return new Plane(p.width(), p.height(), v);
	}
}
