package org.hourglass.api.training;

import org.hourglass.api.image.Plane;

/**
 * One image to sample training patches from: the network's input side, and optionally an aligned target
 * of the same size (a clean image for a noisy one). Patches of both are cropped at the same place and
 * augmented the same way before the variant's {@link PairMaker} sees them.
 *
 * @param input the image patches are cropped from
 * @param target the aligned target image, or {@code null} if the pair maker derives targets from the input
 * @param name a name for messages (e.g. the file or slice)
 */
public record TrainingSource(Plane input, Plane target, String name) {

	public TrainingSource {
		if (input == null) throw new IllegalArgumentException("a training source needs an input image");
		if (target != null && (target.width() != input.width() || target.height() != input.height())) {
			throw new IllegalArgumentException("target of " + name + " is " + target.width() + "x" + target.height() +
				" but its input is " + input.width() + "x" + input.height());
		}
	}

	public static TrainingSource of(final Plane input, final String name) {
		return new TrainingSource(input, null, name);
	}
}
