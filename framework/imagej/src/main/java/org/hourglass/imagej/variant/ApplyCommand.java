package org.hourglass.imagej.variant;

import java.io.File;
import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.PredictOptions;
import org.hourglass.imagej.HourglassCommand;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;

import ij.ImagePlus;

/**
 * The command every image-to-image variant extends to apply its models (Denoise, Upscale): a model of the
 * variant, an image (every channel, slice and frame) or an input folder with an output folder, tiling, batch,
 * test-time augmentation and the result's bit depth; the result image, or the number of files written. A
 * variant names its result ({@link #suffix()}) and may check the model ({@link #checkModel}) or add outputs
 * ({@link #finish}), and may process colour images its own way ({@link #colour()}).
 */
public abstract class ApplyCommand extends HourglassCommand {

	@Parameter
	private ModelService models;

	@Parameter(label = "Model", initializer = "initModelChoices", required = false,
		description = "An installed model of this variant by name (or a model file path).")
	private String model;

	@Parameter(label = "Model file", style = "open", required = false,
		description = "A model file (.zip) to use instead of an installed model.")
	private File modelFile;

	@Parameter(label = "Image", required = false,
		description = "The image to process; every channel, slice and frame is processed. Ignored if an input " +
			"folder is given.")
	private ImagePlus input;

	@Parameter(label = "Input folder", style = "directory", required = false,
		description = "Process every image (.tif, .tiff, .png, .jpg) in this folder instead of one image.")
	private File inputFolder;

	@Parameter(label = "Output folder", style = "directory", required = false,
		description = "Where the results of an input folder are written; must differ from the input folder.")
	private File outputFolder;

	@Parameter(label = "Tile size", min = "0",
		description = "Width and height of the tiles the image is cut into; 0 = automatic.")
	private int tileSize = 0;

	@Parameter(label = "Batch size", min = "1",
		description = "Tiles predicted together, at most: fewer when their result would be large (an up-scaling " +
			"model), so that memory stays bounded.")
	private int batchSize = 4;

	@Parameter(label = "Average 8 flips and rotations",
		description = "Test-time augmentation: predict the image under its 8 flips and rotations and average; " +
			"8 times the work, usually a cleaner result.")
	private boolean augment;

	@Parameter(label = "Convert to input type",
		description = "Convert the result back to the input's bit depth (values rounded and clipped).")
	private boolean convertToInputType = false;

	@Parameter(label = "Overwrite", persist = false, required = false,
		description = "Replace result files that exist already: in the output folder, and on the command line the " +
			"files named for the result and the other image outputs. Never an input.")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Result")
	private ImagePlus output;

	/** Only for an input folder: how many results were written to the output folder. */
	@Parameter(type = ItemIO.OUTPUT, label = "Files written", required = false)
	private Integer filesWritten;

	/** Without test-time augmentation by default. */
	protected ApplyCommand(final String defaultModel) {
		this(defaultModel, false);
	}

	/**
	 * @param defaultModel the installed model chosen by default
	 * @param augmentByDefault whether the 8 flips and rotations are averaged unless told otherwise
	 */
	protected ApplyCommand(final String defaultModel, final boolean augmentByDefault) {
		model = defaultModel;
		augment = augmentByDefault;
	}

	/** The variant whose models this command applies. */
	protected abstract VariantDescriptor variant();

	/** What the result is, added to its title: e.g. {@code denoised}. */
	protected abstract String suffix();

	/**
	 * Checks the loaded model fits this command beyond its variant (e.g. its scale factor).
	 *
	 * @throws InvalidInputException if not
	 */
	protected void checkModel(final Model m) {}

	/**
	 * How colour (RGB) images are processed, or {@code null} (the default) to refuse them with a message that
	 * says how to convert them.
	 */
	protected ModelApplication.ColourStrategy colour() {
		return null;
	}

	/** After an image was processed: e.g. further outputs from the input and the result. */
	protected void finish(final ImagePlus in, final ImagePlus result) {}

	/** The installed models of the variant, for the dialog. */
	protected void initModelChoices() {
		ModelChoices.fill(getInfo().getMutableInput("model", String.class), models, variant().id(), model, false);
	}

	@Override
	protected void execute() {
		if (inputFolder == null && input == null) {
			throw new InvalidInputException("Nothing to process: give an image, or an input folder and an output " +
				"folder.");
		}
		if (inputFolder != null && outputFolder == null) {
			throw new InvalidInputException("An input folder needs an output folder for the results.");
		}
		final PredictOptions options = fromParameters(() -> new PredictOptions(tileSize, 0, batchSize, augment));
		if (modelFile == null && (model == null || model.isBlank())) {
			throw new InvalidInputException("No model was given: choose an installed model (model=name) or a model " +
				"file (modelfile=path.zip).");
		}
		try (Model m = modelFile != null ? models.load(modelFile.toPath(), variant().id()) : models.load(model, variant()
			.id()))
		{
			checkModel(m);
			final ModelApplication application = new ModelApplication(m, options, convertToInputType, suffix(),
				colour());
			if (inputFolder != null) {
				final List<?> written = application.applyFolder(inputFolder.toPath(), outputFolder.toPath(), overwrite,
					progress(variant().name() + " " + inputFolder.getName()));
				filesWritten = written.size();
			}
			else {
				application.check(input);
				// SciJava's preprocessing gives outputs default values too: this one does not apply here
				filesWritten = null;
				output = application.apply(input, progress(variant().name() + " " + input.getTitle()));
				finish(input, output);
			}
		}
	}
}
