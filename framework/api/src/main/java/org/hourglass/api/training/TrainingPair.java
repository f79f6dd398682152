package org.hourglass.api.training;

import org.hourglass.api.image.Plane;

/**
 * One training example as the network sees it, before normalisation.
 *
 * @param input the network input
 * @param target what the network should output; for super-resolution larger than the input
 * @param mask where the loss counts (1) and where not (0), same size as the target; {@code null} unless
 *          the loss is {@link org.hourglass.api.network.Loss.Kind#MASKED_MSE}
 */
public record TrainingPair(Plane input, Plane target, Plane mask) {

	public TrainingPair {
		if (input == null || target == null) throw new IllegalArgumentException("a training pair needs input and target");
		if (mask != null && (mask.width() != target.width() || mask.height() != target.height())) {
			throw new IllegalArgumentException("mask and target must have the same size");
		}
	}
}
