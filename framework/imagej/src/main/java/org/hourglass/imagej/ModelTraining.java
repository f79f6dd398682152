package org.hourglass.imagej;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.io.PartFiles;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingConfig;
import org.hourglass.api.training.TrainingData;
import org.hourglass.api.training.TrainingReport;

import ij.ImagePlus;

/**
 * The training flow every training command shares: check where the model goes, create the model, train it
 * with a {@link TrainingMonitor}, save the best weights atomically, keep or remove the checkpoint, and return
 * the report and loss curve.
 */
public final class ModelTraining {

	private static final Logger LOG = LogManager.getLogger();

	private ModelTraining() {}

	/**
	 * What a training run produced.
	 *
	 * @param file the model file written
	 * @param report how training ended
	 * @param lossCurve the loss curve image
	 */
	public record Result(Path file, TrainingReport report, ImagePlus lossCurve) {}

	/**
	 * The model file to write: {@code file} with {@code .zip} added if it has no such ending.
	 *
	 * @throws InvalidInputException if no file was given, it exists and {@code overwrite} is false, or it is a folder
	 */
	public static Path modelFile(final File file, final boolean overwrite) {
		return modelFile(file, overwrite, false);
	}

	/**
	 * Like {@link #modelFile(File, boolean)}; with {@code resume}, the run continues from the checkpoint of
	 * that model file ({@link #checkpointFile}), which must exist, and may replace the model file that the
	 * interrupted run saved.
	 *
	 * @throws InvalidInputException also if {@code resume} is asked for and there is no checkpoint
	 */
	public static Path modelFile(final File file, final boolean overwrite, final boolean resume) {
		if (file == null || file.getPath().isBlank()) {
			throw new InvalidInputException("No model file was given: say where the trained model should be saved.");
		}
		Path p = file.toPath();
		if (!p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
			p = p.resolveSibling(p.getFileName() + ".zip");
		}
		if (Files.isDirectory(p)) {
			throw new InvalidInputException("Expected a model file name, but " + p + " is a folder.");
		}
		final Path folder = p.toAbsolutePath().getParent();
		if (folder != null && !Files.isDirectory(folder)) {
			throw new InvalidInputException("The folder of the model file " + p + " does not exist: create it first, " +
				"or choose another place to save the model.");
		}
		// what a killed run left half-written there (of the model or its checkpoint) goes before anything is decided
		if (folder != null) PartFiles.removeStale(folder);
		final Path checkpoint = checkpointFile(p);
		if (resume && !Files.isRegularFile(checkpoint)) {
			throw new InvalidInputException("Nothing to resume: expected the checkpoint " + checkpoint +
				" of an interrupted training into " + p.getFileName() + ", but there is none.");
		}
		if (!resume && !overwrite && Files.exists(checkpoint)) {
			throw new InvalidInputException("An interrupted training into " + p.getFileName() + " left its " +
				"checkpoint " + checkpoint + ": resume it (tick 'Resume', or resume=true), or start over (tick " +
				"'Overwrite model file', or overwrite=true).");
		}
		if (Files.exists(p) && !overwrite && !resume) {
			throw new InvalidInputException("Model file " + p + " exists already. Choose another name, or replace it " +
				"(tick 'Overwrite model file', or overwrite=true).");
		}
		return p;
	}

	/**
	 * The checkpoint of a training into {@code modelFile}: {@code name.checkpoint.zip} beside it, written after
	 * every epoch, kept when the run is cancelled, finished early or crashes (to resume from), deleted when it
	 * completes or stops early by itself. A new run into the same model file refuses to start over it unless
	 * allowed to overwrite.
	 */
	public static Path checkpointFile(final Path modelFile) {
		final String name = modelFile.getFileName().toString();
		final String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? name.substring(0, name.length() -
			4) : name;
		return modelFile.resolveSibling(stem + ModelService.CHECKPOINT_SUFFIX);
	}

	/**
	 * Creates a model of {@code spec}, trains it and saves it to {@code file} (see {@link #modelFile}). A
	 * cancelled run still saves the best epoch so far; a run cancelled before its first epoch ended writes
	 * nothing.
	 *
	 * @throws InvalidInputException if training stopped before any epoch finished
	 */
	public static Result train(final ModelService models, final ModelSpec spec, final TrainingData data,
		final PairMaker pairs, final TrainingConfig config, final Path file, final TrainingMonitor monitor)
	{
		try (Model model = models.create(spec)) {
			return train(models, model, data, pairs, config, file, monitor);
		}
	}

	/**
	 * Like {@link #train(ModelService, ModelSpec, TrainingData, PairMaker, TrainingConfig, Path, TrainingMonitor)},
	 * but goes on training {@code model} (fine-tuning: its history grows); the caller keeps and closes it.
	 */
	public static Result train(final ModelService models, final Model model, final TrainingData data,
		final PairMaker pairs, final TrainingConfig config, final Path file, final TrainingMonitor monitor)
	{
		try {
			// a fine-tuned model comes with the epochs of its earlier training
			final int before = model.info().history().size();
			final TrainingReport report = models.train(model, data, pairs, config, monitor);
			if (report.epochs().size() <= before) {
				throw new InvalidInputException("Training stopped before the first epoch ended; no model was written.");
			}
			model.save(file);
			LOG.info("model saved to {}: best epoch {} of {}, validation loss {}, {}", file, report.bestEpoch(),
				report.epochs().size(), report.bestValidationLoss(), report.stoppedBy());
			if (config.checkpoint() != null) keepOrRemove(config.checkpoint(), report.stoppedBy());
			return new Result(file, report, LossCurve.image(file.getFileName() + " loss", report.epochs()));
		}
		finally {
			monitor.close();
		}
	}

	/** A run that ended by itself no longer needs its checkpoint; an interrupted one keeps it to resume from. */
	private static void keepOrRemove(final Path checkpoint, final TrainingReport.Ending ending) {
		if (ending.byItself()) {
			try {
				Files.deleteIfExists(checkpoint);
			}
			catch (final java.io.IOException e) {
				LOG.warn("the model is saved, but its checkpoint {} could not be removed: {}", checkpoint, e.toString());
			}
		}
		else if (Files.isRegularFile(checkpoint)) {
			LOG.info("checkpoint kept to resume from: {}", checkpoint);
		}
	}
}
