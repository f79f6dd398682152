package org.hourglass.denoise;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingData;
import org.hourglass.imagej.Channels;
import org.hourglass.imagej.TrainingImages;
import org.hourglass.imagej.variant.TrainCommand;
import org.hourglass.imagej.variant.TrainingDefaults;
import org.hourglass.imagej.variant.VariantDescriptor;
import org.hourglass.imagej.variant.NormalizationChoice;
import org.scijava.plugin.Parameter;

import ij.ImagePlus;

/**
 * What both denoise training commands add to the generic training: the patch size, the U-Net's depth and
 * width, the normalisation and how channels are learnt. Subclasses say which images, which pairs and which
 * training mode.
 */
abstract class DenoiseTrainCommand extends TrainCommand {

	@Parameter(label = "Patch size", min = "8",
		description = "Width and height of the training patches; a multiple of 2^depth (2^(depth+1) for neighbour sub-sampling), at most the image size.")
	private int patchSize = 64;

	@Parameter(label = "Network depth", min = "1", max = "5",
		description = "Levels of the U-Net; each halves the resolution and widens what the network sees.")
	private int depth = DenoiseVariant.DEFAULT_DEPTH;

	@Parameter(label = "Filters", min = "1", max = "256",
		description = "Convolution filters in the first level; doubled in each deeper level.")
	private int filters = DenoiseVariant.DEFAULT_FILTERS;

	@Parameter(label = "Pooling", choices = { DenoiseVariant.POOL_MAX, DenoiseVariant.POOL_MAX_BLUR },
		description = "How the U-Net halves the resolution: max (2x2 max pooling) or max-blur (the 2x2 maximum, " +
			"then a 3x3 blur: N2V2's remedy for checkerboard artefacts).")
	private String pooling;

	@Parameter(label = "Normalisation", choices = { NormalizationChoice.PERCENTILE, NormalizationChoice.RANGE_8BIT,
		NormalizationChoice.MEAN_STD },
		description = "percentile: each image's 1 % to 99.8 % range (microscopy); 0-255: fixed 8-bit range " +
			"(natural 8-bit images); mean-std: mean and standard deviation of the training data.")
	private String normalization = NormalizationChoice.PERCENTILE;

	@Parameter(label = "Channels", choices = { "separate", "joint" },
		description = "separate: each channel is denoised on its own by one single-channel network; joint: one " +
			"network sees all channels of an image at once (every image needs the same channels).")
	private String channels = "separate";

	/** Supervised training's defaults: 20 epochs of 100 steps, no time budget, max pooling. */
	DenoiseTrainCommand() {
		this(new TrainingDefaults(32, 20, 100, 4e-4, 0), DenoiseVariant.POOL_MAX);
	}

	/**
	 * @param defaults the training's defaults
	 * @param pooling the default pooling, {@value DenoiseVariant#POOL_MAX} or {@value DenoiseVariant#POOL_MAX_BLUR}
	 */
	DenoiseTrainCommand(final TrainingDefaults defaults, final String pooling) {
		super(defaults);
		this.pooling = pooling;
	}

	/** Supervised or self-supervised. */
	protected abstract DenoiseVariant.Training training();

	/** The U-Net's skip connections: every one, unless a subclass's training can do without some. */
	protected NetworkSpec.Skips skips() {
		return NetworkSpec.Skips.ALL;
	}

	/** An image that stands for the data's type, to check the normalisation against. */
	protected abstract ImagePlus typicalImage();

	/** A short description of the pairs for the model's metadata. */
	protected abstract String pairsDescription(PairMaker pairs);

	/** What to change in this command to train in {@code mode} (a training id), or "" if nothing can. */
	protected String modeHint(final String mode) {
		return "";
	}

	/** The validated patch size. */
	protected int patchSize() {
		return patchSize;
	}

	/** How the images' channels are learnt: a fine-tuned model's own way, else the parameter. */
	protected Channels channelMode() {
		final Model start = startingModel();
		if (start != null) return start.info().spec().network().inputChannels() > 1 ? Channels.JOINT : Channels.SEPARATE;
		return Channels.of(channels);
	}

	@Override
	protected VariantDescriptor variant() {
		return DenoiseVariant.DESCRIPTOR;
	}

	@Override
	protected ModelSpec newSpec(final TrainingData data) {
		final PairMaker pairs = pairs(null, data);
		final int c = TrainingImages.channels(data.training());
		final NetworkSpec network = DenoiseVariant.network(training(), depth, filters, c).withPooling(DenoiseVariant
			.pooling(pooling)).withSkips(skips());
		return DenoiseVariant.spec(training(), network, NormalizationChoice.of(normalization), pairsDescription(pairs));
	}

	@Override
	protected int patchSize(final ModelSpec spec, final TrainingData data) {
		return patchSize;
	}

	@Override
	protected void checkData(final ModelSpec spec, final TrainingData data) {
		final ImagePlus typical = typicalImage();
		if (typical != null) NormalizationChoice.requireFitting(spec.normalization(), typical);
	}

	/** A model to fine-tune must have been trained the same way (supervised, blind spot, neighbour sub-sampling). */
	@Override
	protected void checkStart(final Model m) {
		final String mode = m.info().spec().properties().get(DenoiseVariant.PROP_TRAINING);
		if (!training().id().equals(mode)) {
			throw new InvalidInputException("The model to start from was trained " + mode + ", but this command " +
				"trains " + training().id() + "; start from a " + training().id() + " model or from scratch" + modeHint(
					mode) + ".");
		}
	}
}
