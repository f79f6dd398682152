package org.hourglass.template;

import java.util.SplittableRandom;

import org.hourglass.api.image.Plane;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingPair;

/** Training pairs of Sharpen: the input is the patch blurred by a Gaussian of {@code sigma}, the target the patch. */
final class BlurPairs implements PairMaker {

	private final float[] kernel;

	BlurPairs(final double sigma) {
		if (!(sigma > 0 && sigma <= 10)) throw new IllegalArgumentException("sigma must be in (0, 10], got " + sigma);
		final int r = (int) Math.ceil(3 * sigma);
		kernel = new float[2 * r + 1];
		double sum = 0;
		for (int i = -r; i <= r; i++) sum += kernel[i + r] = (float) Math.exp(-i * i / (2 * sigma * sigma));
		for (int i = 0; i < kernel.length; i++) kernel[i] /= sum;
	}

	@Override
	public TrainingPair make(final Plane input, final Plane target, final SplittableRandom random) {
		return new TrainingPair(blur(input), input, null);
	}

	/** The separable blur, mirrored at the edges. */
	Plane blur(final Plane p) {
		final int w = p.width();
		final int h = p.height();
		final int r = kernel.length / 2;
		final float[] rows = new float[w * h];
		final float[] out = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				float s = 0;
				for (int k = -r; k <= r; k++) s += kernel[k + r] * p.get(mirror(x + k, w), y);
				rows[y * w + x] = s;
			}
		}
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				float s = 0;
				for (int k = -r; k <= r; k++) s += kernel[k + r] * rows[mirror(y + k, h) * w + x];
				out[y * w + x] = s;
			}
		}
		return new Plane(w, h, out);
	}

	private static int mirror(final int i, final int n) {
		if (n == 1) return 0;
		final int m = Math.floorMod(i, 2 * (n - 1));
		return m < n ? m : 2 * (n - 1) - m;
	}
}
