package org.hourglass.denoise;

import java.awt.GraphicsEnvironment;
import java.util.List;

import org.hourglass.imagej.HourglassCommand;
import org.hourglass.imagej.InputChecks;
import org.hourglass.imagej.variant.ImageComparison;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;

/**
 * PSNR and SSIM of an image (e.g. a denoised one) against its ground truth, plane by plane, in a results
 * table (shown with a screen) and as the means over all planes; optionally after fitting each plane to the
 * truth's intensity scale.
 */
@Plugin(type = Command.class, name = "denoise-evaluate", label = "Hourglass Denoise Evaluate",
	menuPath = "Plugins>Hourglass>Denoise>Hourglass Denoise Evaluate", headless = true,
	description = "PSNR, SSIM and MSE of an image against its ground truth.")
public class EvaluateCommand extends HourglassCommand {

	static final String TABLE = "Hourglass Denoise Evaluate";

	@Parameter(label = "Image", description = "The image to evaluate, e.g. a denoised image.")
	private ImagePlus input;

	@Parameter(label = "Ground truth", description = "The clean image, of the same shape.")
	private ImagePlus groundTruth;

	@Parameter(label = "Data range", min = "0",
		description = "The range of possible values (255 for 8-bit data); 0 = the ground truth's max - min.")
	private double dataRange = 0;

	@Parameter(label = "Fit intensities to the truth",
		description = "Scale-invariant PSNR: fit each plane to the ground truth by least squares (a*x + b) before " +
			"measuring, for images that do not share one intensity scale (common in microscopy).")
	private boolean affineFit = false;

	@Parameter(type = ItemIO.OUTPUT, label = "PSNR (dB)")
	private double psnr;

	@Parameter(type = ItemIO.OUTPUT, label = "SSIM")
	private double ssim;

	@Parameter(type = ItemIO.OUTPUT, label = "MSE")
	private double mse;

	@Parameter(type = ItemIO.OUTPUT, label = "Data range used")
	private double rangeUsed;

	private ResultsTable table;

	@Override
	protected void execute() {
		InputChecks.requireImage(input, "image");
		InputChecks.requireImage(groundTruth, "ground truth");
		final ImageComparison.Result r = ImageComparison.compare(affineFit ? "fitted" : "as is", input, groundTruth,
			dataRange, affineFit);
		mse = r.mse();
		psnr = r.psnr();
		ssim = r.ssim();
		rangeUsed = r.range();
		table = ImageComparison.table(List.of(r));
		if (!GraphicsEnvironment.isHeadless()) table.show(TABLE);
	}

	/** The table of the last run, one row per plane. */
	ResultsTable table() {
		return table;
	}
}
