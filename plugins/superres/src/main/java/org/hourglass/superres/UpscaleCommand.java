package org.hourglass.superres;

import org.hourglass.api.Model;
import org.hourglass.imagej.variant.ApplyCommand;
import org.hourglass.imagej.variant.ModelApplication;
import org.hourglass.imagej.variant.VariantDescriptor;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Upscales an image (every channel, slice and frame) or every image of a folder ×2 or ×4 with an upscale
 * model, tile by tile so that any size fits in memory, without visible seams. The result is 32-bit (or the
 * input's type, if asked) with the pixel size divided by the factor; RGB images come back as RGB, their
 * luminance upscaled by the model and their colour by bicubic interpolation ({@link ColourUpscaling}).
 */
@Plugin(type = Command.class, name = "upscale", label = "Hourglass Upscale",
	menuPath = "Plugins>Hourglass>Super-resolution>Hourglass Upscale", headless = true,
	description = "Upscale an image (every channel, slice and frame) or a folder 2 or 4 times with a super-resolution model.")
public class UpscaleCommand extends ApplyCommand {

	/** Added to the titles of results. */
	public static final String SUFFIX = "upscaled";

	@Parameter(visibility = ItemVisibility.MESSAGE)
	private final String colourNote = "RGB images: the luminance (Y) is upscaled by the model, the colour " +
		"(Cb, Cr) by bicubic interpolation; the result is RGB.";

	@Parameter(label = "Factor", min = "2", max = "4",
		description = "2 or 4: how many times larger the result is; the model must have been trained for it " +
			"(upscale-x2 and upscale-x4 ship with Hourglass).")
	private int factor = 2;

	public UpscaleCommand() {
		super(SuperResVariant.SAMPLE_MODEL_X2);
	}

	@Override
	protected VariantDescriptor variant() {
		return SuperResVariant.DESCRIPTOR;
	}

	@Override
	protected String suffix() {
		return SUFFIX;
	}

	@Override
	protected void checkModel(final Model m) {
		SuperResVariant.requireFactor(factor);
		SuperResVariant.requireFactor(m, factor, "given");
	}

	@Override
	protected ModelApplication.ColourStrategy colour() {
		return new ColourUpscaling(SUFFIX);
	}
}
