package org.hourglass.template;

import org.hourglass.imagej.variant.ApplyCommand;
import org.hourglass.imagej.variant.VariantDescriptor;
import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

/** Sharpens an image, a stack or a folder with a Sharpen model: the skeleton's apply command, named. */
@Plugin(type = Command.class, name = "sharpen", label = "Hourglass Sharpen",
	menuPath = "Plugins>Hourglass>Sharpen>Hourglass Sharpen", headless = true,
	description = "Sharpen an image, stack or folder with a Sharpen model (the plugin template).")
public class SharpenCommand extends ApplyCommand {

	public SharpenCommand() {
		super(null);
	}

	@Override
	protected VariantDescriptor variant() {
		return SharpenVariant.DESCRIPTOR;
	}

	@Override
	protected String suffix() {
		return "sharpened";
	}
}
