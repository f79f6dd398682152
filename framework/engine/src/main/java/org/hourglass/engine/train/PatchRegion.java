package org.hourglass.engine.train;

import org.hourglass.api.image.NormalizationParams;
import org.hourglass.api.training.TrainingSource;

/**
 * Where patches may be cropped: rows {@code [top, bottom)} of a source (the rest may be held out for
 * validation), with the source's normalisation.
 */
record PatchRegion(TrainingSource source, int top, int bottom, NormalizationParams params) {

	int height() {
		return bottom - top;
	}

	/** Number of possible patch positions, the weight of this region when sampling. */
	long positions(final int patch) {
		return (long) (source.input().width() - patch + 1) * (height() - patch + 1);
	}
}
