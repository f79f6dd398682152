package org.hourglass.engine.train;

import java.util.SplittableRandom;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.NormalizationParams;
import org.hourglass.api.image.Plane;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingPair;

/**
 * Sampled patches → the variant's pairs → normalised batch arrays. Checks every pair against the network
 * (sizes, masks, finite values) and says what is wrong in the user's terms.
 */
final class BatchMaker {

	private final PatchSampler sampler;
	private final PairMaker pairs;
	private final NetworkSpec net;
	private final boolean masked;

	BatchMaker(final PatchSampler sampler, final PairMaker pairs, final NetworkSpec net, final boolean masked) {
		this.sampler = sampler;
		this.pairs = pairs;
		this.net = net;
		this.masked = masked;
	}

	Batch make(final int count, final SplittableRandom random) {
		float[] input = null;
		float[] target = null;
		float[] mask = null;
		int h = 0;
		int w = 0;
		final int up = net.upscale();
		for (int b = 0; b < count; b++) {
			final PatchSampler.Patch patch = sampler.next(random);
			final TrainingPair pair = pairs.make(patch.input(), patch.target(), random);
			if (b == 0) {
				h = pair.input().height();
				w = pair.input().width();
				check(pair);
				input = new float[count * h * w];
				target = new float[count * h * w * up * up];
				if (masked) mask = new float[target.length];
			}
			else if (pair.input().width() != w || pair.input().height() != h) {
				throw new InvalidInputException("the pair maker made inputs of different sizes (" + w + "x" + h + " and " +
					pair.input().width() + "x" + pair.input().height() + ")");
			}
			checkTarget(pair, w, h);
			final NormalizationParams params = patch.region().params();
			normalise(pair.input(), params, input, b * h * w, patch);
			normalise(pair.target(), params, target, b * h * w * up * up, patch);
			if (masked) {
				if (pair.mask() == null) {
					throw new InvalidInputException("the masked loss needs a mask with every training pair, " +
						"but the pair maker made a pair without one");
				}
				System.arraycopy(pair.mask().data(), 0, mask, b * h * w * up * up, h * w * up * up);
			}
		}
		float[] eps = null;
		final int latent = net.latent().kind() == Latent.Kind.GAUSSIAN ? net.latent().size() : 0;
		if (latent > 0) {
			eps = new float[count * latent];
			for (int i = 0; i < eps.length; i++) eps[i] = (float) gaussian(random);
		}
		return new Batch(count, h, w, up, input, target, mask, eps, latent);
	}

	private void check(final TrainingPair pair) {
		final int f = net.downsamplingFactor();
		final int w = pair.input().width();
		final int h = pair.input().height();
		if (net.latent().isVector() && (w != net.inputSize() || h != net.inputSize())) {
			throw new InvalidInputException("this network takes inputs of exactly " + net.inputSize() + "x" +
				net.inputSize() + " pixels, but the training inputs are " + w + "x" + h +
				" (choose that patch size)");
		}
		if (w % f != 0 || h % f != 0) {
			throw new InvalidInputException("network inputs must be a multiple of " + f +
				" pixels (the network's down-sampling factor), but the training inputs are " + w + "x" + h);
		}
	}

	private void checkTarget(final TrainingPair pair, final int w, final int h) {
		final int up = net.upscale();
		if (pair.target().width() != w * up || pair.target().height() != h * up) {
			throw new InvalidInputException("the network's output for a " + w + "x" + h + " input is " + w * up + "x" +
				h * up + ", but the training target is " + pair.target().width() + "x" + pair.target().height());
		}
	}

	private static void normalise(final Plane p, final NormalizationParams params, final float[] dst,
		final int offset, final PatchSampler.Patch patch)
	{
		final float[] src = p.data();
		final double o = params.offset();
		final double inv = 1 / params.scale();
		for (int i = 0; i < src.length; i++) {
			final float v = (float) ((src[i] - o) * inv);
			if (!Float.isFinite(v)) {
				throw new InvalidInputException("a training pair from " + patch.region().source().name() +
					" has NaN or infinite values");
			}
			dst[offset + i] = v;
		}
	}

	static double gaussian(final SplittableRandom random) {
		final double u = 1 - random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
	}
}
