package org.hourglass.api;

import java.time.Instant;
import java.util.List;

import org.hourglass.api.image.ChannelNormalization;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.training.EpochResult;

/**
 * What a model knows about itself: its spec and its training history.
 *
 * @param spec what the variant declared
 * @param fittedNormalization the normalisation of each input channel fitted on the training data for rules
 *          fixed at training time ({@link org.hourglass.api.image.Normalization#fittedAtTraining()}); {@code null} otherwise or
 *          before training
 * @param history results of every training epoch, oldest first; empty for an untrained model
 * @param trainingData description of the data it was trained on
 * @param trainingSeconds total training wall time
 * @param created when the model was first created
 */
public record ModelInfo(ModelSpec spec, ChannelNormalization fittedNormalization, List<EpochResult> history,
	String trainingData, double trainingSeconds, Instant created)
{

	public ModelInfo {
		history = List.copyOf(history);
	}

	public boolean isTrained() {
		return !history.isEmpty();
	}

	/** True if this model normalises each image with that image's own statistics ({@link Normalization#perImage}). */
	public boolean normalizesPerImage() {
		return spec.normalization().perImage(fittedNormalization != null);
	}
}
