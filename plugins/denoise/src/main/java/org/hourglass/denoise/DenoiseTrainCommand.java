package org.hourglass.denoise;

import java.io.File;
import java.nio.file.Path;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingConfig;
import org.hourglass.api.training.TrainingData;
import org.hourglass.imagej.HourglassCommand;
import org.hourglass.imagej.ModelTraining;
import org.hourglass.imagej.TrainingMonitor;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;

import ij.ImagePlus;

/**
 * What both denoise training commands share: the training and network parameters, the model file, the
 * outputs, and the flow (check the model file, gather the data, train with a live display, save).
 * Subclasses say which images, which pairs and which training mode.
 */
abstract class DenoiseTrainCommand extends HourglassCommand {

	@Parameter
	private ModelService models;

	@Parameter(label = "Patch size", min = "8",
		description = "Width and height of the training patches; a multiple of 2^depth (2^(depth+1) for neighbour sub-sampling), at most the image size.")
	private int patchSize = 64;

	@Parameter(label = "Batch size", min = "1", description = "Patches per training step.")
	private int batchSize = 32;

	@Parameter(label = "Epochs", min = "1", description = "Training epochs; validation after each.")
	private int epochs = 20;

	@Parameter(label = "Steps per epoch", min = "1", description = "Training steps in each epoch.")
	private int stepsPerEpoch = 100;

	@Parameter(label = "Network depth", min = "1", max = "5",
		description = "Levels of the U-Net; each halves the resolution and widens what the network sees.")
	private int depth = DenoiseVariant.DEFAULT_DEPTH;

	@Parameter(label = "Filters", min = "1", max = "256",
		description = "Convolution filters in the first level; doubled in each deeper level.")
	private int filters = DenoiseVariant.DEFAULT_FILTERS;

	@Parameter(label = "Learning rate", description = "Initial learning rate of the Adam optimiser.")
	private double learningRate = 4e-4;

	@Parameter(label = "Normalisation", choices = { DenoiseVariant.NORM_PERCENTILE, DenoiseVariant.NORM_RANGE_8BIT,
		DenoiseVariant.NORM_MEAN_STD },
		description = "percentile: each image's 1 % to 99.8 % range (microscopy); 0-255: fixed 8-bit range " +
			"(natural 8-bit images); mean-std: mean and standard deviation of the training data.")
	private String normalization = DenoiseVariant.NORM_PERCENTILE;

	@Parameter(label = "Start from model", required = false,
		description = "Fine-tune this model (a name or a .zip file) instead of starting from scratch; its network " +
			"and normalisation are kept, and the network parameters above are ignored. The file is not changed.")
	private String initialModel;

	@Parameter(label = "Random seed", description = "Seed of patch sampling and masking: same seed, same run.")
	private long seed = 42;

	@Parameter(label = "Model file", style = "save",
		description = "Where the trained model is saved (.zip is added if missing).")
	private File modelFile;

	@Parameter(label = "Overwrite model file", persist = false,
		description = "Replace the model file if it exists.")
	private boolean overwrite = false;

	@Parameter(label = "Resume", persist = false, description = "Continue an interrupted training (cancelled, finished early or " +
		"crashed) into the same model file from its checkpoint, saved after every epoch as <name>.checkpoint.zip; " +
		"the other parameters must be the same as before, 'Epochs' counts the whole run.")
	private boolean resume = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Model file written")
	private String modelPath;

	@Parameter(type = ItemIO.OUTPUT, label = "Training loss")
	private double trainingLoss;

	@Parameter(type = ItemIO.OUTPUT, label = "Validation loss")
	private double validationLoss;

	@Parameter(type = ItemIO.OUTPUT, label = "Best epoch")
	private int bestEpoch;

	@Parameter(type = ItemIO.OUTPUT, label = "Loss curve")
	private ImagePlus lossCurve;

	/** Supervised or self-supervised. */
	protected abstract DenoiseVariant.Training training();

	/** The training (and validation) images, checked; {@code patchSize} is the validated patch size. */
	protected abstract TrainingData data(int patchSize);

	/** The pair maker, given the data. */
	protected abstract PairMaker pairs(TrainingData data);

	/** What to change in this command to train in {@code mode} (a training id), or "" if nothing can. */
	protected String modeHint(final String mode) {
		return "";
	}

	/** How many times smaller the network's training inputs are than the patches (neighbour sub-sampling: 2). */
	protected int patchReduction() {
		return 1;
	}

	/** An image that stands for the data's type, to check the normalisation against. */
	protected abstract ImagePlus typicalImage(TrainingData data);

	@Override
	protected void execute() {
		final Path file = ModelTraining.modelFile(modelFile, overwrite, resume);
		try (Model start = initialModel == null || initialModel.isBlank() ? null : startingModel(file)) {
			// a fine-tuned model keeps its own network: its depth decides, not the parameter
			final int levels = start != null ? start.info().spec().network().downsamplingFactor() : 1 << depth;
			final int factor = levels * patchReduction();
			if (patchSize % factor != 0) {
				throw new InvalidInputException("Patch size " + patchSize + " must be a multiple of " + factor +
					" for this network (it halves the resolution " + Integer.numberOfTrailingZeros(levels) + " times" +
					(patchReduction() > 1 ? ", and this training halves the patches" : "") + "); try " + Math.max(
						factor, patchSize / factor * factor) + ".");
			}
			train(file, start);
		}
	}

	private void train(final Path file, final Model start) {
		final Normalization norm = start != null ? start.info().spec().normalization() : DenoiseVariant
			.normalization(normalization);
		final TrainingData data = data(patchSize);
		final ImagePlus typical = typicalImage(data);
		if (typical != null) DenoiseVariant.checkNormalization(norm, typical);
		final PairMaker pairs = pairs(data);
		final TrainingConfig config = fromParameters(() -> TrainingConfig.defaults().withPatchSize(patchSize)
			.withBatchSize(batchSize).withEpochs(epochs).withStepsPerEpoch(stepsPerEpoch).withLearningRate(
				learningRate).withSeed(seed).withCheckpoint(ModelTraining.checkpointFile(file), resume));
		final TrainingMonitor monitor = new TrainingMonitor(status(), file.getFileName().toString(),
			this::isCanceled);
		final ModelTraining.Result result = start != null ? ModelTraining.train(models, start, data, pairs, config,
			file, monitor) : ModelTraining.train(models, DenoiseVariant.spec(training(), depth, filters, norm,
				pairs == PairMaker.ALIGNED ? "noisy/clean pairs" : pairs.toString()), data, pairs, config, file,
				monitor);
		modelPath = result.file().toString();
		bestEpoch = result.report().bestEpoch();
		validationLoss = result.report().bestValidationLoss();
		trainingLoss = result.report().epochs().stream().filter(e -> e.epoch() == bestEpoch).findFirst().map(
			e -> e.trainingLoss()).orElse(Double.NaN);
		lossCurve = result.lossCurve();
	}

	/** The model to fine-tune: a denoise model of the same training mode. */
	private Model startingModel(final Path target) {
		final Path given = Path.of(initialModel).toAbsolutePath().normalize();
		if (given.equals(target.toAbsolutePath().normalize())) {
			throw new InvalidInputException("The model to start from, " + given + ", is also the model file to " +
				"write; save the fine-tuned model under another name.");
		}
		final Model m = models.load(initialModel, DenoiseVariant.ID);
		final String mode = m.info().spec().properties().get(DenoiseVariant.PROP_TRAINING);
		if (!training().id().equals(mode)) {
			m.close();
			throw new InvalidInputException("Model '" + initialModel + "' was trained " + mode + ", but this command " +
				"trains " + training().id() + "; start from a " + training().id() + " model or from scratch" +
				modeHint(mode) + ".");
		}
		return m;
	}
}
