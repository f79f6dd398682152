package org.hourglass.superres;

import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.Plane;
import org.hourglass.imagej.HourglassCommand;
import org.hourglass.imagej.ImagePlanes;
import org.hourglass.imagej.InputChecks;
import org.hourglass.imagej.RgbPolicy;
import org.hourglass.imagej.variant.ModelApplication;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

/**
 * Makes an image {@code factor} times smaller the way Upscale's training does: bicubic with antialiasing
 * (MATLAB's {@code imresize}, the literature's benchmark protocol) or area averaging. For preparing test
 * images (downscale an original, upscale it, evaluate against the original) and real-looking training pairs.
 * Grey images give a 32-bit result (no rounding); RGB images an RGB result, each colour downscaled and rounded.
 */
@Plugin(type = Command.class, name = "downscale", label = "Hourglass Downscale",
	menuPath = "Plugins>Hourglass>Super-resolution>Hourglass Downscale", headless = true,
	description = "Make an image 2 or 4 times smaller: bicubic with antialiasing, or area averaging.")
public class DownscaleCommand extends HourglassCommand {

	@Parameter(label = "Image", description = "The image to make smaller: every channel, slice and frame; its " +
		"width and height must be multiples of the factor.")
	private ImagePlus input;

	@Parameter(label = "Factor", min = "2", max = "4", description = "2 or 4: how many times smaller.")
	private int factor = 2;

	@Parameter(label = "Method", choices = { "bicubic", "area" },
		description = "bicubic: with antialiasing, as MATLAB's imresize (the literature's protocol); area: the mean " +
			"of each factor x factor block (pixel binning).")
	private String method = "bicubic";

	@Parameter(type = ItemIO.OUTPUT, label = "Downscaled")
	private ImagePlus output;

	@Override
	protected void execute() {
		InputChecks.requireImage(input, "image");
		SuperResVariant.requireFactor(factor);
		final Downscaling how = Downscaling.of(method);
		if (input.getWidth() % factor != 0 || input.getHeight() % factor != 0) {
			throw new InvalidInputException("Expected an image whose width and height are multiples of " + factor +
				", but '" + input.getTitle() + "' is " + input.getWidth() + "x" + input.getHeight() + "; crop it to " +
				input.getWidth() / factor * factor + "x" + input.getHeight() / factor * factor + " first (Image > Adjust " +
				"> Canvas Size...).");
		}
		final String title = ModelApplication.baseTitle(input) + "-downscaled";
		if (ImagePlanes.isColour(input)) {
			output = colour(input, how, title);
		}
		else {
			InputChecks.requireFinite(input);
			output = ImagePlanes.map(input, RgbPolicy.REFUSE, title, sp -> how.apply(sp.plane(), factor));
		}
	}

	/** Each of R, G and B downscaled and rounded; the pixel size multiplied by the factor. */
	private ImagePlus colour(final ImagePlus image, final Downscaling how, final String title) {
		final int w = image.getWidth();
		final int h = image.getHeight();
		final ImageStack out = new ImageStack(w / factor, h / factor);
		for (int i = 1; i <= image.getStackSize(); i++) {
			final ImageProcessor ip = image.getStack().getProcessor(i);
			final int[] rgb = (int[]) (ip instanceof ColorProcessor ? ip : ip.convertToRGB()).getPixels();
			final float[][] parts = new float[3][rgb.length];
			for (int p = 0; p < rgb.length; p++) {
				for (int k = 0; k < 3; k++) parts[k][p] = (rgb[p] >> (16 - 8 * k)) & 0xff;
			}
			final List<Plane> small = List.of(how.apply(new Plane(w, h, parts[0]), factor), how.apply(new Plane(w, h,
				parts[1]), factor), how.apply(new Plane(w, h, parts[2]), factor));
			final int[] packed = new int[small.get(0).pixels()];
			for (int p = 0; p < packed.length; p++) {
				int v = 0;
				for (int k = 0; k < 3; k++) v = v << 8 | clip(small.get(k).data()[p]);
				packed[p] = v;
			}
			out.addSlice(image.getStack().getSliceLabel(i), new ColorProcessor(w / factor, h / factor, packed));
		}
		final ImagePlus result = new ImagePlus(title, out);
		result.setDimensions(image.getNChannels(), image.getNSlices(), image.getNFrames());
		if (image.isHyperStack()) result.setOpenAsHyperStack(true);
		final Calibration cal = image.getCalibration().copy();
		cal.pixelWidth *= factor;
		cal.pixelHeight *= factor;
		cal.xOrigin /= factor;
		cal.yOrigin /= factor;
		result.setCalibration(cal);
		return result;
	}

	private static int clip(final float v) {
		if (!(v > 0)) return 0;
		return v >= 255 ? 255 : Math.round(v);
	}
}
