package org.hourglass.api.training;

import java.util.List;

/**
 * What a model is trained on: training sources, and either explicit validation sources or a fraction of
 * the training patches held out for validation.
 *
 * @param training images to sample training patches from; not empty
 * @param validation images to sample validation patches from; may be empty, then
 *          {@link TrainingConfig#validationFraction()} of the sampled patches are held out instead
 * @param description a short description for the model's metadata (e.g. file names)
 */
public record TrainingData(List<TrainingSource> training, List<TrainingSource> validation, String description) {

	public TrainingData {
		training = List.copyOf(training);
		validation = validation == null ? List.of() : List.copyOf(validation);
		if (training.isEmpty()) throw new IllegalArgumentException("no training images were given");
	}

	public static TrainingData of(final List<TrainingSource> training, final String description) {
		return new TrainingData(training, List.of(), description);
	}
}
