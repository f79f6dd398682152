package org.hourglass.engine.train;

import java.util.ArrayList;
import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.Plane;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.PatchGeometry;
import org.hourglass.api.training.TrainingConfig;
import org.hourglass.api.training.TrainingData;
import org.hourglass.api.training.TrainingSource;

/** The checks a training run makes on its data before anything is sampled; each says what is wrong. */
final class TrainingInputs {

	private TrainingInputs() {}

	/**
	 * @throws InvalidInputException if the patch size does not fit the network and pair maker, a source has other
	 *           channels than the network reads, is smaller than a patch, or holds NaN or infinite values, or if every
	 *           training image is constant (there is nothing to learn: the loss would be 0 from the start)
	 */
	static void check(final NetworkSpec net, final PairMaker pairs, final TrainingConfig config,
		final TrainingData data)
	{
		PatchGeometry.check(net, pairs.inputReduction(), config.patchSize());
		final List<TrainingSource> all = new ArrayList<>(data.training());
		all.addAll(data.validation());
		for (final TrainingSource s : all) {
			if (s.input().channels() != net.inputChannels()) {
				throw new InvalidInputException("image " + s.name() + " has " + s.input().channels() + " channel(s), but " +
					"this network reads " + net.inputChannels());
			}
			if (s.input().width() < config.patchSize() || s.input().height() < config.patchSize()) {
				throw new InvalidInputException("image " + s.name() + " is " + s.input().width() + "x" + s.input().height() +
					", smaller than the " + config.patchSize() + "x" + config.patchSize() + " training patches");
			}
			if (s.input().hasNonFinite() || s.target() != null && s.target().hasNonFinite()) {
				throw new InvalidInputException("image " + s.name() + " contains NaN or infinite values");
			}
		}
		if (!data.training().isEmpty() && data.training().stream().allMatch(TrainingInputs::constant)) {
			final TrainingSource s = data.training().get(0);
			throw new InvalidInputException((data.training().size() == 1 ? "the training image " + s.name() + " is"
				: "all " + data.training().size() + " training images are") + " constant (every pixel of " + s.name() +
				" is " + s.input().data()[0] + "): there is nothing to learn from; train on images with some structure");
		}
	}

	/** True if every value of the source's input (and target) is the same. */
	private static boolean constant(final TrainingSource s) {
		return constant(s.input()) && (s.target() == null || constant(s.target()));
	}

	private static boolean constant(final Plane p) {
		final float[] v = p.data();
		for (int i = 1; i < v.length; i++) {
			if (v[i] != v[0]) return false;
		}
		return true;
	}
}
