package org.hourglass.benchmark.vae;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.hourglass.api.Encoding;
import org.hourglass.api.Model;
import org.hourglass.api.image.NormalizationParams;
import org.hourglass.api.image.Plane;
import org.hourglass.vae.ImageFrame;

/**
 * The negative evidence lower bound of images under a trained VAE, in nats per image, computed from the model's
 * public encode and decode (independently of the training graph's loss):
 * {@code −ELBO = E_q[−log p(x | z)] + KL(q(z | x) ‖ N(0, I))} with
 * <ul>
 * <li>the reconstruction term: binary cross-entropy of the decoded image (probabilities, the decoder's sigmoid)
 * against the image in [0, 1], summed over the image's own pixels (not the padding around it), averaged over
 * {@code samples} draws {@code z = z_mean + exp(z_log_sigma)·eps} per image; probabilities are clipped to
 * [1e-7, 1 − 1e-7] as Keras' {@code binary_crossentropy} does;</li>
 * <li>the KL term in closed form from {@code z_mean} and {@code z_log_sigma}:
 * {@code ½ Σ (μ² + σ² − 1 − log σ²)}.</li>
 * </ul>
 */
final class Elbo {

	/** Keras' clipping of probabilities in its binary cross-entropy. */
	static final double EPSILON = 1e-7;
	/** Images encoded and decoded at once. */
	private static final int CHUNK = 512;

	/**
	 * Mean values over the images.
	 *
	 * @param negativeElbo reconstruction + kl
	 * @param reconstruction binary cross-entropy per image
	 * @param kl KL divergence per image
	 * @param images how many images
	 */
	record Result(double negativeElbo, double reconstruction, double kl, int images) {}

	private Elbo() {}

	/**
	 * @param images images of the model's size, in their own intensities
	 * @param samples draws of {@code z} per image, at least 1
	 * @param seed seed of the draws
	 */
	static Result of(final Model model, final ImageFrame frame, final List<Plane> images, final int samples,
		final long seed)
	{
		if (samples < 1) throw new IllegalArgumentException("at least one sample per image, got " + samples);
		final NormalizationParams norm = model.info().spec().normalization().fit(null);
		final SplittableRandom random = new SplittableRandom(seed);
		double bce = 0;
		double kl = 0;
		for (int start = 0; start < images.size(); start += CHUNK) {
			final List<Plane> chunk = images.subList(start, Math.min(images.size(), start + CHUNK));
			final List<Plane> framed = new ArrayList<>(chunk.size());
			for (final Plane p : chunk) framed.add(frame.toNetwork(p, "test image"));
			final List<Encoding> codes = model.encode(framed);
			final List<float[]> z = new ArrayList<>(chunk.size() * samples);
			for (final Encoding e : codes) {
				kl += kl(e.mean(), e.logSigma());
				for (int s = 0; s < samples; s++) z.add(sample(e, random));
			}
			final List<Plane> decoded = model.decode(z);
			for (int i = 0; i < chunk.size(); i++) {
				for (int s = 0; s < samples; s++) {
					bce += crossEntropy(chunk.get(i), frame.fromNetwork(decoded.get(i * samples + s)), norm) / samples;
				}
			}
		}
		final int n = images.size();
		return new Result((bce + kl) / n, bce / n, kl / n, n);
	}

	/** {@code KL(N(μ, σ²) ‖ N(0, 1))} summed over the dimensions. */
	static double kl(final float[] mean, final float[] logSigma) {
		double s = 0;
		for (int j = 0; j < mean.length; j++) {
			final double m = mean[j];
			final double ls = logSigma[j];
			s += 0.5 * (m * m + Math.exp(2 * ls) - 1 - 2 * ls);
		}
		return s;
	}

	/**
	 * Binary cross-entropy of the decoded image (in the images' intensities) against the image, both mapped to
	 * [0, 1] by the model's normalisation, summed over the pixels.
	 */
	static double crossEntropy(final Plane image, final Plane decoded, final NormalizationParams norm) {
		final float[] x = image.data();
		final float[] y = decoded.data();
		double s = 0;
		for (int k = 0; k < x.length; k++) {
			final double t = (x[k] - norm.offset()) / norm.scale();
			final double p = Math.min(1 - EPSILON, Math.max(EPSILON, (y[k] - norm.offset()) / norm.scale()));
			s -= t * Math.log(p) + (1 - t) * Math.log(1 - p);
		}
		return s;
	}

	private static float[] sample(final Encoding e, final SplittableRandom random) {
		final float[] z = new float[e.size()];
		for (int j = 0; j < z.length; j++) {
			z[j] = (float) (e.mean()[j] + Math.exp(e.logSigma()[j]) * random.nextGaussian());
		}
		return z;
	}
}
