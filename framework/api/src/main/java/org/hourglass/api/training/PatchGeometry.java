package org.hourglass.api.training;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.network.NetworkSpec;

/**
 * Which training patch sizes a network and a pair maker accept: the network inputs ({@code patch ÷ reduction}
 * on each side) must be a multiple of the network's down-sampling factor, and equal to its fixed input size if
 * it has one. The one place this rule lives; the trainer and the training commands both ask it.
 */
public final class PatchGeometry {

	private PatchGeometry() {}

	/** The patch size must be a multiple of this. */
	public static int multiple(final NetworkSpec network, final int inputReduction) {
		return network.downsamplingFactor() * inputReduction;
	}

	/**
	 * @throws InvalidInputException with a message that says what to choose, if {@code patch} does not fit
	 */
	public static void check(final NetworkSpec network, final int inputReduction, final int patch) {
		final int m = multiple(network, inputReduction);
		final int poolings = Integer.numberOfTrailingZeros(network.downsamplingFactor());
		final String reduced = inputReduction > 1 ? ", and this training makes network inputs " + inputReduction +
			" times smaller than the patches" : "";
		if (network.inputSize() > 0 && patch != network.inputSize() * inputReduction) {
			throw new InvalidInputException("Patch size " + patch + " does not fit this network: it takes inputs of " +
				"exactly " + network.inputSize() + "x" + network.inputSize() + " pixels" + reduced + "; use patch size " +
				network.inputSize() * inputReduction + ".");
		}
		if (patch < m || patch % m != 0) {
			final String times = poolings == 1 ? "once" : poolings == 2 ? "twice" : poolings + " times";
			throw new InvalidInputException("Patch size " + patch + " must be a multiple of " + m + " for this network " +
				"(it halves the resolution " + times + reduced + "); try " + Math.max(m, patch / m * m) + ".");
		}
	}
}
