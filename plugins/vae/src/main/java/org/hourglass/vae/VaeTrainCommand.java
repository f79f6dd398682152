package org.hourglass.vae;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.network.Loss;
import org.hourglass.api.training.TrainingConfig;
import org.hourglass.api.training.TrainingData;
import org.hourglass.imagej.codes.ImageInputs;
import org.hourglass.imagej.codes.ImageSet;
import org.hourglass.imagej.codes.WholeImageTrainCommand;
import org.hourglass.imagej.variant.TrainingDefaults;
import org.hourglass.imagej.variant.VariantDescriptor;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Trains a variational autoencoder on a stack or a folder of same-size images, every image one example: a
 * convolutional or a dense network with a Gaussian latent of {@code latent} dimensions, reconstruction by
 * binary cross-entropy or squared error plus β·KL (optionally warmed up), some images held out to validate on.
 * The live plot and the loss curve show the reconstruction and KL terms beside the total.
 */
@Plugin(type = Command.class, name = "vae-train", label = "Hourglass VAE Train",
	menuPath = "Plugins>Hourglass>Variational autoencoder>Hourglass VAE Train", headless = true,
	description = "Train a variational autoencoder (convolutional or dense) on a stack or folder of same-size images.")
public class VaeTrainCommand extends WholeImageTrainCommand {

	@Parameter(label = "Images", required = false,
		description = "A stack of same-size images: every slice (every channel, slice and frame) is one example.")
	private ImagePlus input;

	@Parameter(label = "Image folder", style = "directory", required = false,
		description = "Learn from every image in this folder instead (every plane of every file is one example).")
	private File inputFolder;

	@Parameter(label = "Validation images", required = false,
		description = "Images to measure progress on; if none, a fraction of the training images is held out.")
	private ImagePlus validation;

	@Parameter(label = "Validation fraction", min = "0.01", max = "0.5",
		description = "Without validation images: the fraction of the images held out to measure progress on.")
	private double validationFraction = 0.1;

	@Parameter(label = "Other sizes", choices = { "none", "crop", "scale" },
		description = "What to do with images of another size than the first: none = refuse them, crop = cut their " +
			"centre, scale = resize them.")
	private String resize = "none";

	@Parameter(label = "Network", choices = { "convolutional", "dense" },
		description = "convolutional: convolutions and poolings to a small map, then the code (better images); " +
			"dense: the image flattened into one hidden layer (the lesson's dense VAE; fast).")
	private String network = "convolutional";

	@Parameter(label = "Latent dimensions", min = "1", max = "512",
		description = "Dimensions d of the latent space (z_mean, z_log_sigma); 2 can be drawn as a map and a grid.")
	private int latent = VaeVariant.DEFAULT_LATENT;

	@Parameter(label = "Filters", min = "1", max = "256",
		description = "Convolutional network: filters of the first level (the deeper levels have twice as many).")
	private int filters = VaeVariant.DEFAULT_FILTERS;

	@Parameter(label = "Hidden units", min = "1", max = "4096",
		description = "Dense network: units of the hidden layer on each side of the code.")
	private int hidden = VaeVariant.DEFAULT_HIDDEN;

	@Parameter(label = "Reconstruction loss", choices = { "bce", "mse" },
		description = "bce: binary cross-entropy summed over the pixels (images in [0, 1], the usual VAE loss); mse: " +
			"squared error summed over the pixels.")
	private String reconstruction = "bce";

	@Parameter(label = "KL weight (beta)", min = "0",
		description = "Weight of the KL divergence from N(0, I): 1 is the VAE; more gives a smoother latent space " +
			"and blurrier images, less sharper images and a patchier space.")
	private double beta = 1;

	@Parameter(label = "KL warm-up (epochs)", min = "0",
		description = "Raise the KL weight linearly from beta/warmup to beta over this many epochs (0 = none); " +
			"helps the code carry information early on.")
	private int warmup = 0;

	@Parameter(label = "Normalisation", choices = { VaeVariant.NORM_AUTO, VaeVariant.NORM_RANGE_8BIT,
		VaeVariant.NORM_NONE },
		description = "How intensities map to [0, 1], fixed with the model: auto = 0-255 for 8-bit images, otherwise " +
			"the training images' minimum and maximum; 0-255; none = already in [0, 1].")
	private String normalization = VaeVariant.NORM_AUTO;

	@Parameter(label = "Flips and rotations",
		description = "Also learn the 8 flips and rotations of every image (not for digits or letters, whose " +
			"orientation matters).")
	private boolean augment = false;

	/** The held-out images depend on the images only, not on the run's seed: runs validate on the same images. */
	static final long HOLD_OUT_SEED = 42;

	private ImageFrame frame;
	private Normalization norm;
	private TrainingData data;

	public VaeTrainCommand() {
		super(new TrainingDefaults(64, 30, 150, 1e-3, 0));
	}

	@Override
	protected VariantDescriptor variant() {
		return VaeVariant.DESCRIPTOR;
	}

	@Override
	protected TrainingData data() {
		if (input == null && inputFolder == null) {
			throw new InvalidInputException("No training images were given: choose a stack of images, or an image " +
				"folder.");
		}
		final ImageInputs in = ImageInputs.read(input, inputFolder, "to train on");
		final List<ImageSet.Item> images = in.items();
		final boolean eightBit = in.bitDepth() == 8;
		final String description = images.size() + " images from " + (in.fromStack() ? input.getTitle() : inputFolder
			.getName());
		final List<ImageSet.Item> checked = validation == null ? images : new ArrayList<>(images);
		final List<ImageSet.Item> held = validation == null ? List.of() : ImageSet.of(validation);
		if (validation != null) checked.addAll(held);
		final List<ImageSet.Item> all = ImageSet.sameSize(checked, ImageSet.Resize.of(resize));
		final List<ImageSet.Item> train = all.subList(0, images.size());
		final List<ImageSet.Item> val = all.subList(images.size(), all.size());
		final Model start = startingModel();
		if (start != null) {
			frame = ImageFrame.of(start.info().spec());
			norm = start.info().spec().normalization();
		}
		else {
			final ImageSet.Item first = train.get(0);
			final VaeVariant.Architecture architecture = VaeVariant.Architecture.of(network);
			norm = VaeTraining.normalization(normalization, all, eightBit);
			frame = new ImageFrame(first.plane().width(), first.plane().height(), VaeVariant.side(architecture, first
				.plane().width(), first.plane().height()), (float) VaeTraining.padValue(norm));
		}
		data = VaeTraining.data(train, val, frame, validationFraction, HOLD_OUT_SEED, description);
		return data;
	}

	@Override
	protected ModelSpec newSpec(final TrainingData d) {
		final VaeVariant.Architecture architecture = VaeVariant.Architecture.of(network);
		final Loss loss = VaeVariant.loss(VaeVariant.reconstruction(reconstruction), beta, warmup);
		return VaeVariant.spec(architecture, frame.width(), frame.height(), frame.side(), latent,
			architecture == VaeVariant.Architecture.DENSE ? hidden : filters, loss, norm, frame.padValue());
	}

	@Override
	protected void checkStart(final Model start) {
		VaeVariant.requireGenerative(start, "to start from");
	}

	@Override
	protected TrainingConfig configure(final TrainingConfig config, final ModelSpec spec) {
		return VaeTraining.configure(config, data, augment);
	}
}
