package org.hourglass.autoencoder;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.ModelService;
import org.hourglass.imagej.CsvFile;
import org.hourglass.imagej.HourglassCommand;
import org.hourglass.imagej.codes.ImageInputs;
import org.hourglass.imagej.codes.ImageSet;
import org.scijava.plugin.Parameter;

import ij.ImagePlus;
import ij.measure.ResultsTable;

/**
 * What the commands that use a trained autoencoder share: the model, the images (a stack or a folder) and what
 * to do with images of another size than the model's, a CSV file for the results table and whether it may
 * replace a file. The CSV target is checked before any work, so a refused run writes nothing.
 */
abstract class AutoencoderCommand extends HourglassCommand {

	@Parameter
	private ModelService models;

	@Parameter(label = "Model", description = "An autoencoder model: a name from the models folders, or a model " +
		"file (.zip).")
	private String model;

	@Parameter(label = "Images", required = false,
		description = "The image or stack: every slice is one image. Ignored if an input folder is given.")
	private ImagePlus input;

	@Parameter(label = "Input folder", style = "directory", required = false,
		description = "Use every image in this folder instead (each plane of a multi-plane file).")
	private File inputFolder;

	@Parameter(label = "Other sizes", choices = { "none", "crop", "scale" },
		description = "Images of another size than the model was trained on: none = refuse them, crop = cut " +
			"their centre, scale = resize them.")
	private String resize = "none";

	@Parameter(label = "CSV file", style = "save", required = false,
		description = "Also write the results table to this CSV file.")
	private File csv;

	@Parameter(label = "Replace existing files", persist = false,
		description = "Replace the CSV file (or an image file written by the command line) if it exists.")
	private boolean overwrite = false;

	protected AutoencoderCommand(final String defaultModel) {
		model = defaultModel;
	}

	protected ModelService models() {
		return models;
	}

	/** The model, loaded: an autoencoder model, or refused. */
	protected Autoencoder load() {
		if (model == null || model.isBlank()) {
			throw new InvalidInputException("No model was given: name an autoencoder model or choose its file.");
		}
		return Autoencoder.load(models, model.strip());
	}

	/** The model's name as given. */
	protected String modelName() {
		return model;
	}

	/** The images given, read and checked. */
	protected ImageInputs images(final String what) {
		return ImageInputs.read(input, inputFolder, what);
	}

	/** The images brought to the model's size, as {@code resize} says. */
	protected List<ImageSet.Item> fitted(final Autoencoder ae, final ImageInputs images) {
		return ae.fit(images.items(), resize());
	}

	protected ImageSet.Resize resize() {
		return ImageSet.Resize.of(resize);
	}

	/** The image given (not the folder), or {@code null}. */
	protected ImagePlus inputImage() {
		return inputFolder == null ? input : null;
	}

	protected boolean overwrite() {
		return overwrite;
	}

	/**
	 * Where the CSV goes, or {@code null} if none was asked for.
	 *
	 * @throws InvalidInputException if it is a folder, its folder does not exist, or it exists and may not be
	 *           replaced
	 */
	protected Path csvTarget() {
		return CsvFile.target(csv, overwrite, "Replace existing files");
	}

	/** Writes {@code rows} in {@code columns} to the CSV file {@code csv}, if one was asked for. */
	protected <T> void write(final Path csv, final List<T> rows, final List<ResultColumn<T>> columns) {
		if (csv != null) CsvFile.write(csv, ResultColumn.csv(rows, columns), overwrite);
	}

	/** Shows {@code table} where there is a screen (Fiji): one table window per command. */
	protected static void show(final ResultsTable table, final String title) {
		if (!GraphicsEnvironment.isHeadless()) table.show(title);
	}
}
