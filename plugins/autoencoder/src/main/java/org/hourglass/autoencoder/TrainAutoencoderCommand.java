package org.hourglass.autoencoder;

import java.io.File;
import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.training.TrainingConfig;
import org.hourglass.api.training.TrainingData;
import org.hourglass.imagej.codes.ImageInputs;
import org.hourglass.imagej.codes.ImageSet;
import org.hourglass.imagej.codes.WholeImageTrainCommand;
import org.hourglass.imagej.variant.TrainingDefaults;
import org.hourglass.imagej.variant.VariantDescriptor;
import org.hourglass.imagej.variant.NormalizationChoice;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Trains an autoencoder on the slices of a stack or the images of a folder, all of one size (others are
 * cropped or scaled to the first's if asked): each image is one example, input and target alike, and a random
 * tenth of them is held out to measure progress. The network is the variant's ({@link AutoencoderVariant});
 * progress, the live loss plot, finish early and cancel, checkpoints, resume and fine-tuning are the
 * framework's ({@link TrainCommand}).
 */
@Plugin(type = Command.class, name = "autoencoder-train", label = "Hourglass Autoencoder Train",
	menuPath = "Plugins>Hourglass>Autoencoder>Hourglass Autoencoder Train", headless = true,
	description = "Train an autoencoder on a stack or folder of images (convolutional, or a dense code of d values).")
public class TrainAutoencoderCommand extends WholeImageTrainCommand {

	@Parameter(label = "Images", required = false,
		description = "The stack whose slices the autoencoder learns from. Ignored if an input folder is given.")
	private ImagePlus input;

	@Parameter(label = "Input folder", style = "directory", required = false,
		description = "Learn from every image in this folder instead (each plane of a multi-plane file).")
	private File inputFolder;

	@Parameter(label = "Other sizes", choices = { "none", "crop", "scale" },
		description = "Images of another size than the first: none = refuse them, crop = cut their centre, " +
			"scale = resize them.")
	private String resize = "none";

	@Parameter(label = "Code", choices = { AutoencoderVariant.LATENT_CONVOLUTIONAL, AutoencoderVariant.LATENT_DENSE },
		description = "convolutional: the deepest feature map is the code (the lesson's 8x4x4 for 32x32 images); " +
			"dense: a vector of 'Code size' values (2 for a map without PCA).")
	private String latent = AutoencoderVariant.LATENT_CONVOLUTIONAL;

	@Parameter(label = "Code size", min = "1",
		description = "Channels of a convolutional code, or values of a dense code.")
	private int codeSize = AutoencoderVariant.DEFAULT_CODE_SIZE;

	@Parameter(label = "Filters",
		description = "Filters of each convolution-and-pooling level, comma-separated: 16,8,8 is the lesson's three " +
			"levels; more levels halve the code's resolution again.")
	private String filters = AutoencoderVariant.DEFAULT_FILTERS;

	@Parameter(label = "Loss", choices = { AutoencoderVariant.LOSS_MSE, AutoencoderVariant.LOSS_BCE },
		description = "mse: mean squared error; bce: binary cross-entropy, for 8-bit images such as digits " +
			"(with the 0-255 normalisation).")
	private String loss = AutoencoderVariant.LOSS_MSE;

	@Parameter(label = "Normalisation", choices = { NormalizationChoice.AUTO, NormalizationChoice.RANGE_8BIT,
		NormalizationChoice.PERCENTILE },
		description = "auto: 0-255 for 8-bit images, percentile otherwise; 0-255: the fixed 8-bit range; " +
			"percentile: each image's 1 % to 99.8 % range (microscopy).")
	private String normalization = NormalizationChoice.AUTO;

	@Parameter(label = "Augment with flips and rotations",
		description = "Learn each image also under its 8 flips and rotations: for images without a preferred " +
			"orientation (cells, nuclei), not for digits.")
	private boolean augment = false;

	private ImageInputs images;
	private Canvas canvas;
	private TrainingData data;

	public TrainAutoencoderCommand() {
		super(new TrainingDefaults(64, 30, 100, 1e-3, 0));
	}

	@Override
	protected VariantDescriptor variant() {
		return AutoencoderVariant.DESCRIPTOR;
	}

	@Override
	protected TrainingData data() {
		final Model start = startingModel();
		final ImageSet.Resize r = ImageSet.Resize.of(resize);
		if (start == null) {
			// the network's choices, checked before any image is read
			AutoencoderVariant.filters(filters);
			AutoencoderVariant.checkCode(latent, codeSize);
			AutoencoderVariant.loss(loss);
		}
		images = ImageInputs.read(input, inputFolder, "to train on");
		final List<ImageSet.Item> items;
		if (start != null) {
			canvas = Canvas.of(start.info().spec());
			items = ImageSet.toSize(images.items(), canvas.width(), canvas.height(), r,
				"the size the model to start from was trained on");
		}
		else {
			items = images.sameSize(r);
			canvas = Canvas.fit(items.get(0).plane().width(), items.get(0).plane().height(), AutoencoderVariant.filters(
				filters).length);
		}
		data = WholeImageTraining.data(items, canvas);
		return data;
	}

	@Override
	protected ModelSpec newSpec(final TrainingData trainingData) {
		final LossTerm.Kind kind = AutoencoderVariant.loss(loss);
		final Normalization n = NormalizationChoice.forBitDepth(normalization, images.bitDepth());
		return AutoencoderVariant.spec(AutoencoderVariant.network(AutoencoderVariant.filters(filters), latent,
			codeSize, canvas.side(), kind), kind, n, canvas);
	}

	/** A fixed 0-255 model (e.g. fine-tuned) only learns from 8-bit images. */
	@Override
	protected void checkData(final ModelSpec spec, final TrainingData trainingData) {
		final Normalization n = spec.normalization();
		if (n.mode() == Normalization.Mode.FIXED && n.low() == 0 && n.high() == 255 && images.bitDepth() != 8) {
			throw new InvalidInputException("This model normalises by the fixed 0-255 range of 8-bit images, but " +
				images.description() + (images.bitDepth() == 0 ? " mixes bit depths" : " is " + images.bitDepth() +
					"-bit") + "; convert the images to 8-bit, or train a new model with normalization=percentile.");
		}
	}

	@Override
	protected void checkStart(final Model start) {
		Canvas.of(start.info().spec());
	}

	@Override
	protected TrainingConfig configure(final TrainingConfig config, final ModelSpec spec) {
		return WholeImageTraining.configure(config, canvas, data, augment);
	}
}
