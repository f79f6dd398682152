package org.hourglass.autoencoder;

import java.io.File;

import org.hourglass.api.InvalidInputException;
import org.hourglass.imagej.HourglassCommand;
import org.hourglass.imagej.IdxImages;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Opens images in the IDX format of MNIST and Fashion-MNIST (optionally gzipped) as an 8-bit stack, each slice
 * labelled with its image's label if a label file is given: the digits the autoencoder lesson learns from, as a
 * stack every command can use (save it as TIFF to keep the labels).
 */
@Plugin(type = Command.class, name = "import-idx", label = "Hourglass Import IDX Images",
	menuPath = "Plugins>Hourglass>Autoencoder>Hourglass Import IDX Images", headless = true,
	description = "Open MNIST-style IDX image and label files as a labelled stack.")
public class ImportIdxCommand extends HourglassCommand {

	@Parameter(label = "IDX images", style = "open",
		description = "An IDX image file, e.g. train-images-idx3-ubyte or t10k-images-idx3-ubyte.gz.")
	private File images;

	@Parameter(label = "IDX labels", style = "open", required = false,
		description = "The matching IDX label file; each slice is labelled with its image's label.")
	private File labels;

	@Parameter(label = "Images to read", min = "0", description = "Read only the first this many images; 0 = all.")
	private int count = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "Stack")
	private ImagePlus output;

	@Override
	protected void execute() {
		if (images == null || !images.isFile()) {
			throw new InvalidInputException("Expected an IDX image file, but " + (images == null ? "none was given"
				: images + " is not a file") + ".");
		}
		if (labels != null && !labels.getPath().isBlank() && !labels.isFile()) {
			throw new InvalidInputException("Expected an IDX label file, but " + labels + " is not a file.");
		}
		if (count < 0) throw new InvalidInputException("Images to read must be 0 (all) or more, got " + count + ".");
		output = IdxImages.open(images.toPath(), labels == null || labels.getPath().isBlank() ? null : labels.toPath(),
			count);
	}
}
