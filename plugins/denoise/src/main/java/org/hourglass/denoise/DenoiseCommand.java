package org.hourglass.denoise;

import org.hourglass.imagej.BeforeAfter;
import org.hourglass.imagej.variant.ApplyCommand;
import org.hourglass.imagej.variant.VariantDescriptor;
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
	menuPath = "Plugins>Hourglass>Denoise>Hourglass Denoise", headless = true,
	description = "Denoise an image (every channel, slice and frame) or a folder with a denoise model.")
public class DenoiseCommand extends ApplyCommand {

	/** Added to the titles of results. */
	public static final String SUFFIX = "denoised";

	@Parameter(label = "Before/after figure", description = "Also make a figure of the current plane before and " +
		"after denoising, side by side (the output comparison).")
	private boolean beforeAfter = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Before and after", required = false)
	private ImagePlus comparison;

	/**
	 * Test-time augmentation is on by default: on ten real widefield images it lifts a blind-spot model trained
	 * for 10 minutes by 0.45 dB, above the best Gaussian blur on every image (docs/BENCHMARKS.md).
	 */
	public DenoiseCommand() {
		super(DenoiseVariant.SAMPLE_MODEL, true);
	}

	@Override
	protected VariantDescriptor variant() {
		return DenoiseVariant.DESCRIPTOR;
	}

	@Override
	protected String suffix() {
		return SUFFIX;
	}

	@Override
	protected void finish(final ImagePlus in, final ImagePlus result) {
		comparison = beforeAfter ? BeforeAfter.of(in, result) : null;
	}
}
