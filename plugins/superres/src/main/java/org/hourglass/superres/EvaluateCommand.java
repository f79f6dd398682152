package org.hourglass.superres;

import java.awt.GraphicsEnvironment;
import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.Plane;
import org.hourglass.api.metrics.Metrics;
import org.hourglass.imagej.HourglassCommand;
import org.hourglass.imagej.ImagePlanes;
import org.hourglass.imagej.InputChecks;
import org.hourglass.imagej.variant.ImageComparison;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;

/**
 * PSNR and SSIM of an upscaled image against its high-resolution original, beside plain bicubic interpolation
 * of the same low-resolution image, plane by plane in one results table (shown with a screen) and as means.
 * The low-resolution image is the one given, or the original downscaled bicubically (the literature's
 * protocol). RGB images are measured on their luminance Y; by default {@code factor} pixels are cropped at
 * every edge, as the literature does.
 */
@Plugin(type = Command.class, name = "upscale-evaluate", label = "Hourglass Upscale Evaluate",
	menuPath = "Plugins>Hourglass>Super-resolution>Hourglass Upscale Evaluate", headless = true,
	description = "PSNR and SSIM of an upscaled image against the high-resolution original, beside bicubic.")
public class EvaluateCommand extends HourglassCommand {

	static final String TABLE = "Hourglass Upscale Evaluate";
	static final String BICUBIC = "bicubic";

	@Parameter(label = "Upscaled image", description = "The result to evaluate, of the original's size.")
	private ImagePlus input;

	@Parameter(label = "High-resolution original", description = "The original image, the ground truth.")
	private ImagePlus original;

	@Parameter(label = "Low-resolution image", required = false,
		description = "The image that was upscaled, 'factor' times smaller than the original; if none, the " +
			"original downscaled bicubically (with antialiasing) is used for the bicubic row.")
	private ImagePlus lowResolution;

	@Parameter(label = "Factor", min = "2", max = "4", description = "2 or 4: how many times larger the upscaled " +
		"image is than the low-resolution one.")
	private int factor = 2;

	@Parameter(label = "Crop the border",
		description = "Leave 'factor' pixels at every edge out of the measures, as the literature does.")
	private boolean cropBorder = true;

	@Parameter(label = "Data range", min = "0",
		description = "The range of possible values for PSNR and SSIM; 0 = 255 for 8-bit and RGB originals, else " +
			"the original's max - min.")
	private double dataRange = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "PSNR (dB)")
	private double psnr;

	@Parameter(type = ItemIO.OUTPUT, label = "SSIM")
	private double ssim;

	@Parameter(type = ItemIO.OUTPUT, label = "Bicubic PSNR (dB)")
	private double bicubicPsnr;

	@Parameter(type = ItemIO.OUTPUT, label = "Bicubic SSIM")
	private double bicubicSsim;

	@Parameter(type = ItemIO.OUTPUT, label = "PSNR gain over bicubic (dB)")
	private double gain;

	@Parameter(type = ItemIO.OUTPUT, label = "Data range used")
	private double rangeUsed;

	private ResultsTable table;

	@Override
	protected void execute() {
		InputChecks.requireImage(input, "upscaled image");
		InputChecks.requireImage(original, "high-resolution original");
		SuperResVariant.requireFactor(factor);
		if (input.getWidth() != original.getWidth() || input.getHeight() != original.getHeight() || input
			.getStackSize() != original.getStackSize())
		{
			throw new InvalidInputException("The upscaled image must have the original's size: '" + input.getTitle() +
				"' is " + InputChecks.shape(input) + ", '" + original.getTitle() + "' is " + InputChecks.shape(original) +
				".");
		}
		for (final ImagePlus imp : new ImagePlus[] { input, original }) InputChecks.requireFinite(imp);
		final List<Plane> truth = Luminance.planes(original);
		final List<Plane> bicubic = bicubic(truth).stream().map(p -> Bicubic.upscale(p, factor)).toList();
		final int border = cropBorder ? factor : 0;
		final int smallest = Metrics.SSIM_WINDOW + 2 * border;
		InputChecks.requireAtLeast(original, smallest, "the SSIM window with the border (" + Metrics.SSIM_WINDOW +
			" + 2 x " + border + " pixels)");
		final ImagePlus ref = Luminance.image(original.getTitle(), Luminance.crop(truth, border), original);
		final ImagePlus test = Luminance.image(input.getTitle(), Luminance.crop(Luminance.planes(input), border),
			original);
		final ImagePlus bic = Luminance.image(BICUBIC, Luminance.crop(bicubic, border), original);
		final double range = dataRange > 0 ? dataRange : original.getBitDepth() == 8 || ImagePlanes.isColour(original)
			? 255 : 0;
		final ImageComparison.Result model = ImageComparison.compare(input.getTitle(), test, ref, range, false);
		final ImageComparison.Result base = ImageComparison.compare(BICUBIC, bic, ref, range, false);
		psnr = model.psnr();
		ssim = model.ssim();
		bicubicPsnr = base.psnr();
		bicubicSsim = base.ssim();
		gain = psnr - bicubicPsnr;
		rangeUsed = model.range();
		table = ImageComparison.table(List.of(model, base));
		if (!GraphicsEnvironment.isHeadless()) table.show(TABLE);
	}

	/** The low-resolution planes: the given image's, or the original's downscaled. */
	private List<Plane> bicubic(final List<Plane> truth) {
		if (lowResolution == null) {
			if (original.getWidth() % factor != 0 || original.getHeight() % factor != 0) {
				throw new InvalidInputException("Without a low-resolution image, the original is downscaled by " +
					factor + ", so its sides must be multiples of " + factor + "; '" + original.getTitle() + "' is " +
					original.getWidth() + "x" + original.getHeight() + ". Give the low-resolution image, or crop both " +
					"images to " + original.getWidth() / factor * factor + "x" + original.getHeight() / factor * factor +
					".");
			}
			return truth.stream().map(p -> Bicubic.downscale(p, factor)).toList();
		}
		InputChecks.requireFinite(lowResolution);
		if (original.getWidth() != factor * lowResolution.getWidth() || original.getHeight() != factor *
			lowResolution.getHeight() || original.getStackSize() != lowResolution.getStackSize())
		{
			throw new InvalidInputException("For x" + factor + " the original must be exactly " + factor + " times " +
				"larger than the low-resolution image: '" + lowResolution.getTitle() + "' is " + InputChecks.shape(
					lowResolution) + ", so the original should be " + factor * lowResolution.getWidth() + "x" + factor *
						lowResolution.getHeight() + ", but '" + original.getTitle() + "' is " + InputChecks.shape(original) +
				".");
		}
		return Luminance.planes(lowResolution);
	}

	/** The table of the last run: the upscaled image's rows, then bicubic's. */
	ResultsTable table() {
		return table;
	}
}
