package org.hourglass.template;

import org.hourglass.api.ModelSpec;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingData;
import org.hourglass.imagej.InputChecks;
import org.hourglass.imagej.TrainingImages;
import org.hourglass.imagej.variant.TrainCommand;
import org.hourglass.imagej.variant.TrainingDefaults;
import org.hourglass.imagej.variant.VariantDescriptor;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/** Trains a Sharpen model on sharp images: everything but the images, the blur and the patch size is the skeleton's. */
@Plugin(type = Command.class, name = "sharpen-train", label = "Hourglass Sharpen Train",
	menuPath = "Plugins>Hourglass>Sharpen>Hourglass Sharpen Train", headless = true,
	description = "Train a Sharpen model to undo a Gaussian blur (the plugin template).")
public class SharpenTrainCommand extends TrainCommand {

	@Parameter(label = "Sharp image", description = "Sharp examples to learn from (every slice).")
	private ImagePlus input;

	@Parameter(label = "Blur sigma", min = "0.1", max = "10", description = "The Gaussian blur the model learns to undo.")
	private double sigma = 1.5;

	@Parameter(label = "Patch size", min = "8", description = "Training patches, a multiple of 2.")
	private int patchSize = 32;

	public SharpenTrainCommand() {
		super(new TrainingDefaults(16, 10, 50, 1e-3, 0));
	}

	@Override
	protected VariantDescriptor variant() {
		return SharpenVariant.DESCRIPTOR;
	}

	@Override
	protected TrainingData data() {
		InputChecks.requireImage(input, "sharp image");
		return TrainingData.of(TrainingImages.of(input, patchSize), input.getTitle());
	}

	@Override
	protected ModelSpec newSpec(final TrainingData data) {
		return SharpenVariant.spec(sigma);
	}

	@Override
	protected PairMaker pairs(final ModelSpec spec, final TrainingData data) {
		return fromParameters(() -> new BlurPairs(Double.parseDouble(spec.properties().get(SharpenVariant.PROP_SIGMA))));
	}

	@Override
	protected int patchSize(final ModelSpec spec, final TrainingData data) {
		return patchSize;
	}
}
