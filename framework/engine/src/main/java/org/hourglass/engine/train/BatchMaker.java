package org.hourglass.engine.train;

import java.util.SplittableRandom;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.ChannelNormalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingPair;

/**
 * Sampled patches → the variant's pairs → normalised batch arrays. Checks every pair against the network
 * (sizes, channels, masks, finite values) and says what is wrong in the user's terms.
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
		final int up = net.upscale();
		final int cin = net.inputChannels();
		final int cout = net.outputChannels();
		float[] input = null;
		float[] target = null;
		float[] mask = null;
		int h = 0;
		int w = 0;
		for (int b = 0; b < count; b++) {
			final PatchSampler.Patch patch = sampler.next(random);
			final TrainingPair pair = pairs.make(patch.input(), patch.target(), random);
			if (b == 0) {
				h = pair.input().height();
				w = pair.input().width();
				check(pair);
				input = new float[count * cin * h * w];
				target = new float[count * cout * h * w * up * up];
				if (masked) mask = new float[target.length];
			}
			else if (pair.input().width() != w || pair.input().height() != h) {
				throw new InvalidInputException("the pair maker made inputs of different sizes (" + w + "x" + h + " and " +
					pair.input().width() + "x" + pair.input().height() + ")");
			}
			checkTarget(pair, w, h);
			final int inValues = cin * h * w;
			final int outValues = cout * h * w * up * up;
			final ChannelNormalization params = patch.region().params();
			normalise(pair.input(), params, input, b * inValues, patch);
			normalise(pair.target(), params, target, b * outValues, patch);
			if (masked) copyMask(pair, mask, b * outValues, outValues);
		}
		float[] eps = null;
		final int latent = net.latent().kind() == Latent.Kind.GAUSSIAN ? net.latent().size() : 0;
		if (latent > 0) {
			eps = new float[count * latent];
			for (int i = 0; i < eps.length; i++) eps[i] = (float) random.nextGaussian();
		}
		return new Batch(count, cin, cout, h, w, up, input, target, mask, eps, latent);
	}

	private void check(final TrainingPair pair) {
		final int f = net.downsamplingFactor();
		final int w = pair.input().width();
		final int h = pair.input().height();
		if (pair.input().channels() != net.inputChannels()) {
			throw new InvalidInputException("this network takes " + net.inputChannels() + " channel(s), but the " +
				"training inputs have " + pair.input().channels());
		}
		if (net.inputSize() > 0 && (w != net.inputSize() || h != net.inputSize())) {
			throw new InvalidInputException("this network takes inputs of exactly " + net.inputSize() + "x" +
				net.inputSize() + " pixels, but the training inputs are " + w + "x" + h + " (choose that patch size)");
		}
		if (w % f != 0 || h % f != 0) {
			throw new InvalidInputException("network inputs must be a multiple of " + f +
				" pixels (the network's down-sampling factor), but the training inputs are " + w + "x" + h);
		}
	}

	private void checkTarget(final TrainingPair pair, final int w, final int h) {
		final int up = net.upscale();
		final Plane t = pair.target();
		if (t.width() != w * up || t.height() != h * up) {
			throw new InvalidInputException("the network's output for a " + w + "x" + h + " input is " + w * up + "x" +
				h * up + ", but the training target is " + t.width() + "x" + t.height());
		}
		if (t.channels() != net.outputChannels()) {
			throw new InvalidInputException("the network outputs " + net.outputChannels() + " channel(s), but the " +
				"training targets have " + t.channels());
		}
	}

	private void copyMask(final TrainingPair pair, final float[] mask, final int offset, final int values) {
		final Plane m = pair.mask();
		if (m == null) {
			throw new InvalidInputException("the masked loss needs a mask with every training pair, but the pair maker " +
				"made a pair without one");
		}
		if (m.channels() == net.outputChannels()) {
			System.arraycopy(m.data(), 0, mask, offset, values);
			return;
		}
		if (m.channels() != 1) {
			throw new InvalidInputException("a mask has one channel or the target's " + net.outputChannels() +
				", got " + m.channels());
		}
		for (int c = 0; c < net.outputChannels(); c++) {
			System.arraycopy(m.data(), 0, mask, offset + c * m.pixels(), m.pixels());
		}
	}

	private static void normalise(final Plane p, final ChannelNormalization params, final float[] dst,
		final int offset, final PatchSampler.Patch patch)
	{
		final float[] src = p.data();
		final int n = p.pixels();
		for (int c = 0; c < p.channels(); c++) {
			final double o = params.get(c).offset();
			final double inv = 1 / params.get(c).scale();
			for (int i = c * n, end = i + n; i < end; i++) {
				final float v = (float) ((src[i] - o) * inv);
				if (!Float.isFinite(v)) {
					throw new InvalidInputException("a training pair from " + patch.region().source().name() +
						" has NaN or infinite values");
				}
				dst[offset + i] = v;
			}
		}
	}
}
