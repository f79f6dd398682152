package org.hourglass.denoise;

import java.io.File;
import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingData;
import org.hourglass.api.training.TrainingSource;
import org.hourglass.imagej.ImageFolder;
import org.hourglass.imagej.TrainingImages;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Trains a denoise model supervised: from noisy/clean pairs (two images or stacks of the same shape, or two
 * folders whose images are matched by name), or from clean images to which synthetic noise is added
 * (Gaussian, Poisson, or Poisson + Gaussian).
 */
@Plugin(type = Command.class, name = "denoise-train-supervised", label = "Hourglass Denoise Train (supervised)",
	menuPath = "Plugins>Hourglass>Denoise>Hourglass Denoise Train (supervised)", headless = true,
	description = "Train a denoise model from noisy/clean pairs, or clean images with synthetic noise.")
public class TrainSupervisedCommand extends DenoiseTrainCommand {

	static final String PAIRS = "pairs";

	@Parameter(label = "Noise", choices = { PAIRS, "gaussian", "poisson", "poisson-gaussian" },
		description = "pairs: learn from noisy/clean pairs; otherwise add this noise to the clean images.")
	private String noise = PAIRS;

	@Parameter(label = "Noisy image", required = false,
		description = "For pairs: the noisy image or stack (same shape as the clean one).")
	private ImagePlus input;

	@Parameter(label = "Clean image", required = false, description = "The clean image or stack.")
	private ImagePlus clean;

	@Parameter(label = "Noisy folder", style = "directory", required = false,
		description = "For pairs: a folder of noisy images, matched by name with the clean folder.")
	private File inputFolder;

	@Parameter(label = "Clean folder", style = "directory", required = false,
		description = "A folder of clean images (used instead of the clean image).")
	private File cleanFolder;

	@Parameter(label = "Sigma", description = "Standard deviation of Gaussian noise, in image intensity units.")
	private double sigma = 25;

	@Parameter(label = "Photons", description = "Photons at the images' brightest value, for Poisson noise.")
	private double photons = 30;

	private ImagePlus typical;

	@Override
	protected DenoiseVariant.Training training() {
		return DenoiseVariant.Training.SUPERVISED;
	}

	@Override
	protected TrainingData data() {
		final int patchSize = patchSize();
		final List<TrainingSource> train;
		if (PAIRS.equals(noise)) {
			if (inputFolder != null || cleanFolder != null) {
				if (inputFolder == null || cleanFolder == null) {
					throw new InvalidInputException("Training from pairs of folders needs both a noisy folder and a " +
						"clean folder.");
				}
				train = TrainingImages.folderPairs(inputFolder.toPath(), cleanFolder.toPath(), patchSize,
					channelMode());
				typical = ImageFolder.open(ImageFolder.list(inputFolder.toPath()).get(0));
			}
			else {
				if (input == null || clean == null) {
					throw new InvalidInputException("Training from pairs needs a noisy image and a clean image (or a " +
						"noisy folder and a clean folder); for clean images alone choose a synthetic noise.");
				}
				train = TrainingImages.pairs(input, clean, patchSize, channelMode());
				typical = input;
			}
		}
		else if (cleanFolder != null) {
			train = TrainingImages.folder(cleanFolder.toPath(), patchSize, channelMode());
			typical = ImageFolder.open(ImageFolder.list(cleanFolder.toPath()).get(0));
		}
		else if (clean != null) {
			train = TrainingImages.of(clean, patchSize, channelMode());
			typical = clean;
		}
		else {
			throw new InvalidInputException("Training with " + noise + " noise needs a clean image or a clean folder.");
		}
		return TrainingData.of(train, TrainingImages.describe(train) + (PAIRS.equals(noise) ? "" : " + " + noise +
			" noise"));
	}

	@Override
	protected PairMaker pairs(final ModelSpec spec, final TrainingData data) {
		if (PAIRS.equals(noise)) return PairMaker.ALIGNED;
		final SyntheticNoise.Kind kind = fromParameters(() -> SyntheticNoise.Kind.of(noise));
		return fromParameters(() -> SyntheticNoise.of(kind, sigma, photons, peak(data)));
	}

	@Override
	protected ImagePlus typicalImage() {
		return typical;
	}

	@Override
	protected String pairsDescription(final PairMaker pairs) {
		return pairs == PairMaker.ALIGNED ? "noisy/clean pairs" : pairs.toString();
	}

	/** The brightest value of the clean training images: the intensity that gets {@code photons} photons. */
	static double peak(final TrainingData data) {
		double max = Double.NEGATIVE_INFINITY;
		for (final TrainingSource s : data.training()) {
			for (final float v : (s.target() != null ? s.target() : s.input()).data()) max = Math.max(max, v);
		}
		return max;
	}
}
