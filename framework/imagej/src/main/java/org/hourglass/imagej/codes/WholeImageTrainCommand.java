package org.hourglass.imagej.codes;

import org.hourglass.api.ModelSpec;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingData;
import org.hourglass.imagej.variant.TrainCommand;
import org.hourglass.imagej.variant.TrainingDefaults;

/**
 * The training command of a variant that learns whole images: every image is one example and its own target,
 * and the patch is the network's whole input (the image on its canvas), never a crop of it.
 */
public abstract class WholeImageTrainCommand extends TrainCommand {

	protected WholeImageTrainCommand(final TrainingDefaults defaults) {
		super(defaults);
	}

	/** Input and target are the image itself. */
	@Override
	protected final PairMaker pairs(final ModelSpec spec, final TrainingData data) {
		return PairMaker.IDENTITY;
	}

	/** The network's input size: the whole image. */
	@Override
	protected final int patchSize(final ModelSpec spec, final TrainingData data) {
		return spec.network().inputSize();
	}
}
