package org.hourglass.denoise;

import java.awt.GraphicsEnvironment;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.Plane;
import org.hourglass.api.metrics.Metrics;
import org.hourglass.imagej.HourglassCommand;
import org.hourglass.imagej.ImagePlanes;
import org.hourglass.imagej.InputChecks;
import org.hourglass.imagej.RgbPolicy;
import org.hourglass.imagej.StackPlane;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;

/**
 * PSNR and SSIM of an image (e.g. a denoised one) against its ground truth, plane by plane, in a results
 * table (shown with a screen) and as the means over all planes.
 */
@Plugin(type = Command.class, name = "denoise-evaluate", label = "Hourglass Denoise Evaluate",
	menuPath = "Plugins>Hourglass>Denoise>Hourglass Denoise Evaluate", headless = true)
public class EvaluateCommand extends HourglassCommand {

	static final String TABLE = "Hourglass Denoise Evaluate";

	@Parameter(label = "Image", description = "The image to evaluate, e.g. a denoised image.")
	private ImagePlus input;

	@Parameter(label = "Ground truth", description = "The clean image, of the same shape.")
	private ImagePlus groundTruth;

	@Parameter(label = "Data range", min = "0",
		description = "The range of possible values (255 for 8-bit data); 0 = the ground truth's max - min.")
	private double dataRange = 0;

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
		for (final ImagePlus imp : new ImagePlus[] { input, groundTruth }) {
			InputChecks.requireGrey(imp);
			InputChecks.requireFinite(imp);
			InputChecks.requireAtLeast(imp, Metrics.SSIM_WINDOW, "the SSIM window");
		}
		InputChecks.requireSameShape(input, groundTruth);
		rangeUsed = dataRange > 0 ? dataRange : range(groundTruth);
		if (!(rangeUsed > 0)) {
			throw new InvalidInputException("Ground truth '" + groundTruth.getTitle() + "' is constant, so its range " +
				"is 0; give the data range (e.g. 255 for 8-bit data).");
		}
		table = new ResultsTable();
		final int n = input.getStackSize();
		double sumPsnr = 0;
		double sumSsim = 0;
		double sumMse = 0;
		for (int i = 1; i <= n; i++) {
			final StackPlane a = ImagePlanes.plane(input, i, RgbPolicy.REFUSE);
			final Plane b = ImagePlanes.plane(groundTruth, i, RgbPolicy.REFUSE).plane();
			final double m = Metrics.mse(a.plane(), b);
			final double p = Metrics.psnr(a.plane(), b, rangeUsed);
			final double s = Metrics.ssim(a.plane(), b, rangeUsed);
			table.incrementCounter();
			table.addValue("Image", input.getTitle());
			table.addValue("C", a.channel());
			table.addValue("Z", a.slice());
			table.addValue("T", a.frame());
			table.addValue("MSE", m);
			table.addValue("PSNR", p);
			table.addValue("SSIM", s);
			sumMse += m;
			sumPsnr += p;
			sumSsim += s;
			status().showProgress(i, n);
		}
		mse = sumMse / n;
		psnr = sumPsnr / n;
		ssim = sumSsim / n;
		if (!GraphicsEnvironment.isHeadless()) table.show(TABLE);
	}

	/** The table of the last run, one row per plane. */
	ResultsTable table() {
		return table;
	}

	private static double range(final ImagePlus image) {
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (final StackPlane sp : ImagePlanes.planes(image, RgbPolicy.REFUSE)) {
			for (final float v : sp.plane().data()) {
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
		}
		return max - min;
	}
}
