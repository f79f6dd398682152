package org.hourglass.denoise;

import java.io.File;
import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.PredictOptions;
import org.hourglass.imagej.BeforeAfter;
import org.hourglass.imagej.HourglassCommand;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Denoises an image (every channel, slice and frame) or every image of a folder with a denoise model.
 * The output image is 32-bit (or the input's type, if asked) with the input's calibration; a folder's
 * results go to an output folder that must differ from the input folder, as TIFF files of the same names.
 */
@Plugin(type = Command.class, name = "denoise", label = "Hourglass Denoise",
	menuPath = "Plugins>Hourglass>Denoise>Hourglass Denoise", headless = true)
public class DenoiseCommand extends HourglassCommand {

	@Parameter
	private ModelService models;

	@Parameter(label = "Model", description = "A model name from the models folders, or a model file (.zip).")
	private String model = DenoiseVariant.SAMPLE_MODEL;

	@Parameter(label = "Image", required = false,
		description = "The image to denoise; every channel, slice and frame is denoised. Ignored if an input " +
			"folder is given.")
	private ImagePlus input;

	@Parameter(label = "Input folder", style = "directory", required = false,
		description = "Denoise every image (.tif, .tiff, .png, .jpg) in this folder instead of one image.")
	private File inputFolder;

	@Parameter(label = "Output folder", style = "directory", required = false,
		description = "Where the results of an input folder are written; must differ from the input folder.")
	private File outputFolder;

	@Parameter(label = "Tile size", min = "0",
		description = "Width and height of the tiles the image is cut into; 0 = automatic.")
	private int tileSize = 0;

	@Parameter(label = "Batch size", min = "1", description = "Tiles predicted together.")
	private int batchSize = 4;

	@Parameter(label = "Convert to input type",
		description = "Convert the result back to the input's bit depth (values rounded and clipped).")
	private boolean convertToInputType = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Denoised")
	private ImagePlus output;

	@Parameter(type = ItemIO.OUTPUT, label = "Before and after", required = false)
	private ImagePlus comparison;

	/** Only for an input folder: how many results were written to the output folder. */
	@Parameter(type = ItemIO.OUTPUT, label = "Files written", required = false)
	private Integer filesWritten;

	@Override
	protected void execute() {
		if (inputFolder == null && input == null) {
			throw new InvalidInputException("Nothing to denoise: give an image, or an input folder and an output " +
				"folder.");
		}
		if (inputFolder != null && outputFolder == null) {
			throw new InvalidInputException("An input folder needs an output folder for the results.");
		}
		if (inputFolder == null) Denoiser.check(input);
		final PredictOptions options = fromParameters(() -> new PredictOptions(tileSize, 0, batchSize));
		try (Model m = models.load(model, DenoiseVariant.ID)) {
			final Denoiser denoiser = new Denoiser(m, options, convertToInputType);
			if (inputFolder != null) {
				final List<?> written = denoiser.denoiseFolder(inputFolder.toPath(), outputFolder.toPath(), progress(
					"Denoising"));
				filesWritten = written.size();
			}
			else {
				// SciJava's preprocessing gives outputs default values too: this one does not apply here
				filesWritten = null;
				output = denoiser.denoise(input, progress("Denoising " + input.getTitle()));
				comparison = BeforeAfter.of(input, output);
			}
		}
	}
}
