package org.hourglass.imagej.variant;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.PatchGeometry;
import org.hourglass.api.training.TrainingConfig;
import org.hourglass.api.training.TrainingData;
import org.hourglass.api.training.TrainingReport;
import org.hourglass.imagej.HourglassCommand;
import org.hourglass.imagej.ModelTraining;
import org.hourglass.imagej.TrainingMonitor;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;

import ij.ImagePlus;

/**
 * The training command every variant extends: the parameters every training has (batch, epochs, steps,
 * learning rate, time budget, seed, the model to start from, the model file, overwrite, resume), its outputs
 * (the model file, losses, best epoch, loss curve) and its flow: check where the model goes, gather the data,
 * make or load the model, check the patch size against the network once, train with a live display, save.
 * <p>
 * A variant says which images it trains on ({@link #data()}), the model it makes ({@link #newSpec}), its
 * training pairs ({@link #pairs}) and patch size ({@link #patchSize}), and may check a model to fine-tune
 * ({@link #checkStart}) or adjust the training configuration ({@link #configure}), and may advise the user on
 * how training went ({@link #advice}). Its defaults come through the constructor.
 */
public abstract class TrainCommand extends HourglassCommand {

	private static final Logger LOG = LogManager.getLogger();

	@Parameter
	private ModelService models;

	@Parameter(label = "Batch size", min = "1", description = "Patches per training step.")
	private int batchSize;

	@Parameter(label = "Epochs", min = "1",
		description = "Training epochs, with validation after each (with a time budget: at most this many).")
	private int epochs;

	@Parameter(label = "Steps per epoch", min = "1", description = "Training steps in each epoch.")
	private int stepsPerEpoch;

	@Parameter(label = "Learning rate", description = "Initial learning rate of the Adam optimiser.")
	private double learningRate;

	@Parameter(label = "Time budget (minutes)", min = "0",
		description = "Stop after this many minutes, keeping the best epoch so far; 0 = no limit.")
	private double minutes;

	@Parameter(label = "Learning rate schedule", choices = { SCHEDULE_PLATEAU, SCHEDULE_COSINE },
		description = "plateau: halved when the validation loss has not improved for 10 epochs; cosine: decays to 0 " +
			"along half a cosine over the epochs, or over the time budget if that ends first.")
	private String schedule = SCHEDULE_PLATEAU;

	/** Choices of {@code schedule}. */
	public static final String SCHEDULE_PLATEAU = "plateau";
	public static final String SCHEDULE_COSINE = "cosine";

	@Parameter(label = "Random seed", description = "Seed of patch sampling and of the initial weights: same seed, " +
		"same run.")
	private long seed = 42;

	@Parameter(label = "Start from model", required = false, initializer = "initModelChoices",
		description = "Fine-tune this model (a name or a .zip file) instead of starting from scratch; its network " +
			"and normalisation are kept, and the network parameters are ignored. The file is not changed.")
	private String initialModel;

	@Parameter(label = "Model file", style = "save",
		description = "Where the trained model is saved (.zip is added if missing); its folder must exist.")
	private File modelFile;

	@Parameter(label = "Overwrite model file", persist = false, description = "Replace the model file if it exists.")
	private boolean overwrite = false;

	@Parameter(label = "Resume", persist = false, description = "Continue an interrupted training (cancelled, " +
		"finished early or crashed) into the same model file from its checkpoint, saved after every epoch as " +
		"<name>.checkpoint.zip; the other parameters must be the same as before, 'Epochs' counts the whole run.")
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

	/** True if training was stopped (cancelled, finished early) before it ended by itself; the model is saved. */
	@Parameter(type = ItemIO.OUTPUT, label = "Stopped early")
	private boolean stoppedEarly;

	private Model start;

	protected TrainCommand(final TrainingDefaults defaults) {
		batchSize = defaults.batchSize();
		epochs = defaults.epochs();
		stepsPerEpoch = defaults.stepsPerEpoch();
		learningRate = defaults.learningRate();
		minutes = defaults.minutes();
	}

	private TrainingConfig.Decay decay() {
		if (schedule == null || SCHEDULE_PLATEAU.equals(schedule)) return TrainingConfig.Decay.PLATEAU;
		if (SCHEDULE_COSINE.equals(schedule)) return TrainingConfig.Decay.COSINE;
		throw new InvalidInputException("Unknown learning rate schedule '" + schedule + "'; expected " +
			SCHEDULE_PLATEAU + " or " + SCHEDULE_COSINE + ".");
	}

	// -- What a variant says --

	/** The variant this command trains. */
	protected abstract VariantDescriptor variant();

	/** The training (and validation) images, read and checked. */
	protected abstract TrainingData data();

	/**
	 * Checks the data against the model's spec once both are known (e.g. a normalisation meant for another bit
	 * depth); by default nothing.
	 *
	 * @throws InvalidInputException if they do not fit, with what to do instead
	 */
	protected void checkData(final ModelSpec spec, final TrainingData data) {}

	/** The spec of a new model for {@code data}, from the command's network parameters. */
	protected abstract ModelSpec newSpec(TrainingData data);

	/** The pair maker for a model of {@code spec}. */
	protected abstract PairMaker pairs(ModelSpec spec, TrainingData data);

	/** The training patch size for a model of {@code spec}: a parameter, or the images' size. */
	protected abstract int patchSize(ModelSpec spec, TrainingData data);

	/**
	 * Checks that a model to fine-tune fits this command (beyond its variant, which is checked already).
	 *
	 * @throws InvalidInputException if not, with what to do instead
	 */
	protected void checkStart(final Model start) {}

	/** The training configuration, from the common parameters; a variant may change more of it. */
	protected TrainingConfig configure(final TrainingConfig config, final ModelSpec spec) {
		return config;
	}

	/**
	 * What the user should know about a finished run, e.g. that its time budget was too short for this computer;
	 * shown as a warning. None by default.
	 */
	protected Optional<String> advice(final TrainingReport report) {
		return Optional.empty();
	}

	/** The model service. */
	protected ModelService models() {
		return models;
	}

	/** The model being fine-tuned (while {@link #data()} and the other hooks run), or {@code null}. */
	protected Model startingModel() {
		return start;
	}

	/** The installed models of the variant (and "none"), for the dialog. */
	protected void initModelChoices() {
		ModelChoices.fill(getInfo().getMutableInput("initialModel", String.class), models, variant().id(),
			initialModel, true);
	}

	// -- The flow --

	@Override
	protected void execute() {
		final Path file = ModelTraining.modelFile(modelFile, overwrite, resume);
		try (Model fineTuned = ModelChoices.isNone(initialModel) ? null : load(file)) {
			start = fineTuned;
			final TrainingData data = data();
			final ModelSpec spec = start != null ? start.info().spec() : newSpec(data);
			checkData(spec, data);
			final PairMaker pairs = pairs(spec, data);
			final int patch = patchSize(spec, data);
			PatchGeometry.check(spec.network(), pairs.inputReduction(), patch);
			final TrainingConfig config = configure(fromParameters(() -> TrainingConfig.defaults().withPatchSize(patch)
				.withBatchSize(batchSize).withEpochs(epochs).withStepsPerEpoch(stepsPerEpoch).withLearningRate(
					learningRate).withTimeBudget(minutes).withDecay(decay()).withSeed(seed).withCheckpoint(ModelTraining.checkpointFile(file),
						resume)), spec);
			final TrainingMonitor monitor = new TrainingMonitor(status(), file.getFileName().toString(), file
				.toAbsolutePath().toString(), this::isCanceled);
			final ModelTraining.Result result = start != null ? ModelTraining.train(models, start, data, pairs, config,
				file, monitor) : ModelTraining.train(models, spec, data, pairs, config, file, monitor);
			modelPath = result.file().toString();
			bestEpoch = result.report().bestEpoch();
			validationLoss = result.report().bestValidationLoss();
			trainingLoss = result.report().epochs().stream().filter(e -> e.epoch() == bestEpoch).findFirst().map(
				e -> e.trainingLoss()).orElse(Double.NaN);
			lossCurve = result.lossCurve();
			stoppedEarly = !result.report().stoppedBy().byItself();
			advice(result.report()).ifPresent(a -> {
				LOG.warn("{}", a);
				status().warn(a);
			});
		}
		finally {
			start = null;
		}
	}

	/** The model to fine-tune: of this variant, not the file to write, accepted by {@link #checkStart}. */
	private Model load(final Path target) {
		final Path given = Path.of(initialModel).toAbsolutePath().normalize();
		if (given.equals(target.toAbsolutePath().normalize())) {
			throw new InvalidInputException("The model to start from, " + given + ", is also the model file to " +
				"write; save the fine-tuned model under another name.");
		}
		final Model m = models.load(initialModel, variant().id());
		try {
			checkStart(m);
			return m;
		}
		catch (final RuntimeException e) {
			m.close();
			throw e;
		}
	}
}
