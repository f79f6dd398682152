package org.hourglass.benchmark.superres;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.concurrent.CancellationException;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.Model;
import org.hourglass.api.PredictOptions;
import org.hourglass.api.Progress;
import org.hourglass.api.image.Plane;
import org.hourglass.superres.Bicubic;

/**
 * Set5 with the literature's protocol ({@link LiteratureProtocol}): for every factor, bicubic interpolation
 * and every model of that factor upscale the same bicubically downscaled images; optionally each model once
 * more with test-time augmentation (the mean of its 8 flips and rotations). Models predict as Upscale does
 * ({@link PredictOptions#defaults()}: tiles with halo, whole planes here since Set5 images are small).
 */
public final class SuperResBenchmark {

	private static final Logger LOG = LogManager.getLogger();

	/**
	 * A model to benchmark.
	 *
	 * @param name as the user gave it, or its file name without {@code .zip}
	 * @param model the loaded model; the caller closes it
	 */
	public record Entry(String name, Model model) {

		int factor() {
			return model.info().spec().network().upscale();
		}
	}

	private SuperResBenchmark() {}

	/**
	 * @param factors the factors to measure; every model's factor must be one of them
	 * @return the scores, factor by factor: bicubic first, then the models in the given order
	 * @throws CancellationException if {@code progress} is cancelled
	 */
	public static List<Scores> run(final List<SetImage> images, final SortedSet<Integer> factors,
		final List<Entry> models, final boolean augment, final Progress progress)
	{
		final List<Scores> out = new ArrayList<>();
		final int steps = factors.size() * images.size() + (augment ? 2 : 1) * models.size() * images.size();
		int done = 0;
		for (final int f : factors) {
			final List<Plane> truths = new ArrayList<>();
			final List<Plane> lows = new ArrayList<>();
			for (final SetImage im : images) {
				final Plane truth = LiteratureProtocol.modcrop(im.luminance(), f);
				truths.add(truth);
				lows.add(LiteratureProtocol.lowResolution(truth, f));
			}
			final double[][] bic = new double[2][images.size()];
			for (int i = 0; i < images.size(); i++) {
				check(progress);
				final double[] s = LiteratureProtocol.score(Bicubic.upscale(lows.get(i), f), truths.get(i), f);
				bic[0][i] = s[0];
				bic[1][i] = s[1];
				progress.update(++done, steps);
			}
			out.add(new Scores("bicubic", f, "MATLAB-style bicubic (Keys a = -0.5), the protocol's own downscaling " +
				"inverted", bic[0], bic[1], Double.NaN));
			LOG.info("x{} bicubic: {} dB", f, out.get(out.size() - 1).meanPsnr());
			for (final Entry e : models) {
				if (e.factor() != f) continue;
				for (final boolean tta : augment ? new boolean[] { false, true } : new boolean[] { false }) {
					final PredictOptions options = PredictOptions.defaults().withAugment(tta);
					final double[][] m = new double[2][images.size()];
					for (int i = 0; i < images.size(); i++) {
						check(progress);
						final double[] s = LiteratureProtocol.score(e.model().predict(lows.get(i), options, Progress.NONE),
							truths.get(i), f);
						m[0][i] = s[0];
						m[1][i] = s[1];
						progress.update(++done, steps);
					}
					final Scores scores = new Scores(e.name() + (tta ? " (8 flips and rotations)" : ""), f, tta
						? "test-time augmentation: the mean of the 8 flips and rotations" : ModelDescription.of(e.model()
							.info()), m[0], m[1], e.model().info().trainingSeconds() / 60);
					out.add(scores);
					LOG.info(String.format(Locale.ROOT, "x%d %s: %.2f dB", f, scores.method(), scores.meanPsnr()));
				}
			}
		}
		return out;
	}

	private static void check(final Progress progress) {
		if (progress.isCancelled()) throw new CancellationException("the benchmark was cancelled");
	}
}
