package org.hourglass.vae;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.imagej.CsvFile;
import org.hourglass.imagej.codes.CodeTable;
import org.hourglass.imagej.codes.ImageSet;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;

/**
 * The latent codes of images under a VAE: for every image (a single image, every slice of a stack, or every
 * image of a folder) its {@code z_mean} and {@code z_log_sigma}, as a results table (shown with a screen) and
 * optionally a CSV file (columns {@code name, slice, z_mean0 …, z_log_sigma0 …}).
 */
@Plugin(type = Command.class, name = "vae-encode", label = "Hourglass VAE Encode",
	menuPath = "Plugins>Hourglass>Variational autoencoder>Hourglass VAE Encode", headless = true,
	description = "z_mean and z_log_sigma of every image of a stack or folder: a table and a CSV file.")
public class VaeEncodeCommand extends VaeModelCommand {

	static final String TABLE = "Hourglass VAE Encode";

	@Parameter(label = "Images", required = false,
		description = "The image or stack to encode (every slice); ignored if a folder is given.")
	private ImagePlus input;

	@Parameter(label = "Image folder", style = "directory", required = false,
		description = "Encode every image of this folder instead (every plane of every file).")
	private File inputFolder;

	@Parameter(label = "CSV file", style = "save", required = false,
		description = "Also write the codes to this CSV file.")
	private File csv;

	@Parameter(label = "Overwrite CSV file", persist = false, description = "Replace the CSV file if it exists.")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Images encoded")
	private int encoded;

	@Parameter(type = ItemIO.OUTPUT, label = "CSV file written", required = false)
	private String csvFile;

	private ResultsTable table;

	@Override
	protected void checkParameters() {
		if (input == null && inputFolder == null) {
			throw new InvalidInputException("Nothing to encode: give an image or stack, or an image folder.");
		}
		CsvFile.target(csv, overwrite, "Overwrite CSV file");
	}

	@Override
	protected void execute(final Model m, final ImageFrame frame) {
		final List<ImageSet.Item> items = inputFolder != null ? ImageSet.folder(inputFolder.toPath()) : ImageSet.of(
			input);
		final List<CodeTable.Row> rows = Encodings.rows(m, frame, items);
		encoded = rows.size();
		table = CodeTable.toResults(rows);
		if (csv != null) {
			CodeTable.write(csv.toPath(), rows, m.codeShape(), overwrite);
			csvFile = csv.toPath().toString();
		}
		else {
			csvFile = null;
		}
		if (!GraphicsEnvironment.isHeadless()) table.show(TABLE);
	}

	/** The table of the last run. */
	ResultsTable table() {
		return table;
	}
}
