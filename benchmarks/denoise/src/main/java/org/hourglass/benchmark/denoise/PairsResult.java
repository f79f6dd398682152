package org.hourglass.benchmark.denoise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.Progress;
import org.hourglass.api.image.Plane;

/**
 * The scores of a pairs benchmark, per field, after the least-squares affine fit of each image to its clean
 * image, on the 0–255 scale: the noisy input, each field's best Gaussian blur (its own sigma, chosen against
 * the truth) and each result.
 *
 * @param fields the fields, in order
 * @param noisy the noisy input
 * @param blur the best blur of each field
 * @param blurSigmas each field's best sigma
 * @param blurAtEdge whether a field's sigma lies at an end of the coarse grid
 * @param results each result, in the order given
 */
public record PairsResult(List<String> fields, MethodResult noisy, MethodResult blur, double[] blurSigmas,
	boolean[] blurAtEdge, List<MethodResult> results)
{

	private static final Logger LOG = LogManager.getLogger();

	/** The coarse grid of the blur, 0.3 to 8.0 pixels in steps of 0.1, then refined to 0.01 around the best. */
	public static final BlurBaseline BLUR = new BlurBaseline(0.3, 8.0, 0.1, true);

	public PairsResult {
		fields = List.copyOf(fields);
		results = List.copyOf(results);
		blurSigmas = blurSigmas.clone();
		blurAtEdge = blurAtEdge.clone();
	}

	@Override
	public double[] blurSigmas() {
		return blurSigmas.clone();
	}

	@Override
	public boolean[] blurAtEdge() {
		return blurAtEdge.clone();
	}

	/**
	 * Scores the noisy input, each field's best blur and each result of {@code results} (label → one plane per
	 * field) against the clean images.
	 *
	 * @param progress updated per field, checked for cancellation
	 * @throws CancellationException if cancelled
	 */
	public static PairsResult score(final PairsData pairs, final Map<String, List<Plane>> results,
		final Progress progress)
	{
		final int n = pairs.fields().size();
		final double[] psnr = new double[n];
		final double[] ssim = new double[n];
		final double[] sigmas = new double[n];
		final boolean[] edges = new boolean[n];
		for (int i = 0; i < n; i++) {
			if (progress.isCancelled()) throw new CancellationException();
			final List<Plane> noisy = List.of(pairs.noisy().get(i));
			final List<Plane> clean = List.of(pairs.clean().get(i));
			final BlurBaseline.Best coarse = BLUR.best(noisy, clean, Progress.NONE);
			final BlurBaseline.Best fine = BLUR.around(coarse.sigma()).best(noisy, clean, Progress.NONE);
			final BlurBaseline.Best best = fine.result().meanPsnr() >= coarse.result().meanPsnr() ? fine : coarse;
			sigmas[i] = best.sigma();
			edges[i] = coarse.atEdge();
			psnr[i] = best.result().psnr()[0];
			ssim[i] = best.result().ssim()[0];
			LOG.info("field {}: best blur sigma {}, {} dB", pairs.fields().get(i), sigmas[i], psnr[i]);
			progress.update(i + 1, n + 1L);
		}
		final MethodResult blur = new MethodResult("best Gaussian blur", "ImageJ Gaussian blur (float), sigma per " +
			"field with the best PSNR against the truth, 0.3 to 8.0 step 0.1 refined to 0.01", psnr, ssim);
		final MethodResult noisy = DenoiseBenchmark.score("noisy input", "", pairs.noisy(), pairs.clean(), true);
		final List<MethodResult> scored = new ArrayList<>();
		for (final Map.Entry<String, List<Plane>> e : results.entrySet()) {
			scored.add(DenoiseBenchmark.score(e.getKey(), "", e.getValue(), pairs.clean(), true));
		}
		progress.update(n + 1L, n + 1L);
		return new PairsResult(pairs.fields(), noisy, blur, sigmas, edges, scored);
	}
}
