package org.hourglass.superres;

import java.io.File;
import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.PatchGeometry;
import org.hourglass.api.training.TrainingData;
import org.hourglass.api.training.TrainingSource;
import org.hourglass.imagej.ImageFolder;
import org.hourglass.imagej.TrainingImages;
import org.hourglass.imagej.variant.TrainCommand;
import org.hourglass.imagej.variant.TrainingDefaults;
import org.hourglass.imagej.variant.VariantDescriptor;
import org.hourglass.imagej.variant.NormalizationChoice;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Trains an upscale model ×2 or ×4, in one of two ways:
 * <ul>
 * <li>from high-resolution images alone (an image, a stack or a folder): the training pairs are made by
 * downscaling patches of them ({@link Downscaler}: bicubic, or area averaging as a camera bins pixels),
 * optionally with noise added to the small image;</li>
 * <li>from real pairs: a low-resolution image (or folder) and a high-resolution image (or folder, matched by
 * name) exactly {@code factor} times larger, e.g. two acquisitions at two magnifications.</li>
 * </ul>
 * Patch sizes are high-resolution sizes; the network sees patches {@code factor} times smaller.
 */
@Plugin(type = Command.class, name = "upscale-train", label = "Hourglass Upscale Train",
	menuPath = "Plugins>Hourglass>Super-resolution>Hourglass Upscale Train", headless = true,
	description = "Train a super-resolution model from high-resolution images or real low/high-resolution pairs.")
public class UpscaleTrainCommand extends TrainCommand {

	@Parameter(label = "Factor", min = "2", max = "4", description = "2 or 4: how many times larger the model " +
		"makes an image.")
	private int factor = 2;

	@Parameter(label = "High-resolution image", required = false,
		description = "Learn from this image or stack (every channel, slice and frame), downscaled by the pair " +
			"maker. Not with real pairs.")
	private ImagePlus input;

	@Parameter(label = "High-resolution folder", style = "directory", required = false,
		description = "Learn from every image in this folder instead, downscaled by the pair maker.")
	private File inputFolder;

	@Parameter(label = "Downscaling", choices = { "bicubic", "area" },
		description = "How the low-resolution inputs are made: bicubic (with antialiasing, as the literature's " +
			"benchmarks) or area (the mean of each factor x factor block: pixel binning, as cameras do).")
	private String downscaling = "bicubic";

	@Parameter(label = "Noise on the low-resolution input", min = "0",
		description = "Standard deviation of Gaussian noise added to the downscaled images, in image intensity " +
			"units; 0 = none. Teaches the model to ignore the noise of real low-resolution images.")
	private double noise = 0;

	@Parameter(label = "Validation image", required = false,
		description = "A high-resolution image to measure progress on; if none (and no validation folder), 10 % " +
			"of each training image is held out.")
	private ImagePlus validation;

	@Parameter(label = "Validation folder", style = "directory", required = false,
		description = "High-resolution images to measure progress on, instead of a validation image.")
	private File validationFolder;

	@Parameter(label = "Low-resolution image (real pairs)", required = false,
		description = "Real pairs: the low-resolution image or stack; the high-resolution one is 'factor' times " +
			"larger.")
	private ImagePlus low;

	@Parameter(label = "High-resolution image (real pairs)", required = false,
		description = "Real pairs: the high-resolution image or stack, exactly 'factor' times larger than the " +
			"low-resolution one.")
	private ImagePlus high;

	@Parameter(label = "Low-resolution folder (real pairs)", style = "directory", required = false,
		description = "Real pairs: a folder of low-resolution images, matched by name with the high-resolution " +
			"folder.")
	private File lowFolder;

	@Parameter(label = "High-resolution folder (real pairs)", style = "directory", required = false,
		description = "Real pairs: a folder of high-resolution images, each 'factor' times larger than the " +
			"low-resolution image of the same name.")
	private File highFolder;

	@Parameter(label = "Patch size (high resolution)", min = "8",
		description = "Width and height of the high-resolution training patches; the network sees them 'factor' " +
			"times smaller, which must be a multiple of 2^depth.")
	private int patchSize = 64;

	@Parameter(label = "Network depth", min = "1", max = "4",
		description = "Levels of the U-Net on the low-resolution image; each halves the resolution and widens " +
			"what the network sees.")
	private int depth = SuperResVariant.DEFAULT_DEPTH;

	@Parameter(label = "Filters", min = "1", max = "256",
		description = "Convolution filters in the first level; doubled in each deeper level.")
	private int filters = SuperResVariant.DEFAULT_FILTERS;

	@Parameter(label = "Normalisation", choices = { NormalizationChoice.PERCENTILE, NormalizationChoice.RANGE_8BIT,
		NormalizationChoice.MEAN_STD },
		description = "percentile: each image's 1 % to 99.8 % range (any bit depth); 0-255: the fixed 8-bit range; " +
			"mean-std: mean and standard deviation of the training data.")
	private String normalization = NormalizationChoice.PERCENTILE;

	private ImagePlus typical;

	public UpscaleTrainCommand() {
		super(new TrainingDefaults(16, 50, 100, 1e-3, 0));
	}

	@Override
	protected VariantDescriptor variant() {
		return SuperResVariant.DESCRIPTOR;
	}

	/** True if the data are real low/high pairs, false for high-resolution images to downscale. */
	private boolean realPairs() {
		final boolean pairs = low != null || high != null || lowFolder != null || highFolder != null;
		final boolean images = input != null || inputFolder != null;
		if (pairs && images) {
			throw new InvalidInputException("Give either high-resolution images to downscale (input or inputFolder) " +
				"or real pairs (low and high, or lowFolder and highFolder), not both.");
		}
		if (!pairs && !images) {
			throw new InvalidInputException("Nothing to train on: give a high-resolution image or folder (input, " +
				"inputFolder), or real pairs (low and high, or lowFolder and highFolder).");
		}
		return pairs;
	}

	@Override
	protected TrainingData data() {
		SuperResVariant.requireFactor(factor);
		if (realPairs()) {
			if (validation != null || validationFolder != null) {
				throw new InvalidInputException("Validation images are for training from high-resolution images; with " +
					"real pairs, 10 % of each pair is held out for validation.");
			}
			if (patchSize % factor != 0) {
				throw new InvalidInputException("Patch size " + patchSize + " must be a multiple of the factor " + factor +
					" for real pairs; try " + Math.max(factor, patchSize / factor * factor) + ".");
			}
			final int lowPatch = patchSize / factor;
			final List<TrainingSource> train;
			if (lowFolder != null || highFolder != null) {
				if (lowFolder == null || highFolder == null) {
					throw new InvalidInputException("Training from folders of pairs needs both a low-resolution folder " +
						"and a high-resolution folder.");
				}
				train = ScaledPairs.folders(lowFolder.toPath(), highFolder.toPath(), factor, lowPatch);
				typical = ImageFolder.open(ImageFolder.list(lowFolder.toPath()).get(0));
			}
			else {
				if (low == null || high == null) {
					throw new InvalidInputException("Training from a real pair needs a low-resolution image and a " +
						"high-resolution image.");
				}
				train = ScaledPairs.of(low, high, factor, lowPatch);
				typical = low;
			}
			return TrainingData.of(train, TrainingImages.describe(train) + " (real pairs)");
		}
		final List<TrainingSource> train;
		if (inputFolder != null) {
			train = TrainingImages.folder(inputFolder.toPath(), patchSize);
			typical = ImageFolder.open(ImageFolder.list(inputFolder.toPath()).get(0));
		}
		else {
			train = TrainingImages.of(input, patchSize);
			typical = input;
		}
		final List<TrainingSource> val;
		if (validationFolder != null) val = TrainingImages.folder(validationFolder.toPath(), patchSize);
		else if (validation != null) val = TrainingImages.of(validation, patchSize);
		else val = List.of();
		return new TrainingData(train, val, TrainingImages.describe(train));
	}

	@Override
	protected ModelSpec newSpec(final TrainingData data) {
		final boolean pairs = realPairs();
		return SuperResVariant.spec(factor, depth, filters, NormalizationChoice.of(normalization), pairs
			? SuperResVariant.FROM_PAIRS : SuperResVariant.FROM_DOWNSCALING, pairs ? "real low/high pairs" : pairs(null,
				data).toString(), patchSize);
	}

	@Override
	protected void checkData(final ModelSpec spec, final TrainingData data) {
		if (typical != null) NormalizationChoice.requireFitting(spec.normalization(), typical);
	}

	@Override
	protected PairMaker pairs(final ModelSpec spec, final TrainingData data) {
		if (realPairs()) return PairMaker.ALIGNED;
		final Downscaling method = Downscaling.of(downscaling);
		return fromParameters(() -> new Downscaler(factor, method, noise));
	}

	/** The high-resolution patch size; for real pairs the trainer crops the low-resolution patches. */
	@Override
	protected int patchSize(final ModelSpec spec, final TrainingData data) {
		PatchGeometry.check(spec.network(), factor, patchSize);
		return realPairs() ? patchSize / factor : patchSize;
	}

	/** A model to fine-tune must upscale by the factor asked for. */
	@Override
	protected void checkStart(final Model start) {
		SuperResVariant.requireFactor(factor);
		SuperResVariant.requireFactor(start, factor, "to start from");
	}
}
