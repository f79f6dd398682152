package org.hourglass.api.training;

import org.hourglass.api.image.Plane;

/**
 * One image to sample training patches from: the network's input side, and optionally an aligned target
 * (a clean image for a noisy one, or a high-resolution image 2 or 4 times larger than a low-resolution
 * input). Patches of both are cropped at the same place (the target's crop {@link #targetScale()} times
 * larger) and augmented the same way before the variant's {@link PairMaker} sees them.
 *
 * @param input the image patches are cropped from
 * @param target the aligned target image, of the input's size or exactly 2 or 4 times larger, or {@code null}
 *          if the pair maker derives targets from the input
 * @param name a name for messages (e.g. the file or slice)
 */
public record TrainingSource(Plane input, Plane target, String name) {

	public TrainingSource {
		if (input == null) throw new IllegalArgumentException("a training source needs an input image");
		if (target != null) {
			final int k = target.width() / input.width();
			if (k != 1 && k != 2 && k != 4 || target.width() != k * input.width() || target.height() != k * input
				.height())
			{
				throw new IllegalArgumentException("target of " + name + " is " + target.width() + "x" + target.height() +
					" but its input is " + input.width() + "x" + input.height() + "; expected the same size or exactly 2 " +
					"or 4 times larger");
			}
		}
	}

	public static TrainingSource of(final Plane input, final String name) {
		return new TrainingSource(input, null, name);
	}

	/** Target size ÷ input size: 1, 2 or 4 (1 without a target). */
	public int targetScale() {
		return target == null ? 1 : target.width() / input.width();
	}
}
