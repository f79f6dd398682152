package org.hourglass.runtime.ij;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.process.ImageProcessor;

/** A test command under Plugins › Hourglass: flips an image horizontally, a given number of times. */
@Plugin(type = Command.class, name = "test-gui-flip", label = "Hourglass Test Flip",
	menuPath = "Plugins>Hourglass>Test>Hourglass Test Flip")
public class GuiFlipCommand extends ContextCommand {

	@Parameter(label = "Image")
	private ImagePlus input;

	@Parameter(label = "Times", min = "1")
	private int times = 1;

	@Parameter(type = ItemIO.OUTPUT, label = "Flipped")
	private ImagePlus flipped;

	@Override
	public void run() {
		final ImageProcessor ip = input.getProcessor().duplicate();
		for (int i = 0; i < times; i++) ip.flipHorizontal();
		flipped = new ImagePlus("flipped " + input.getTitle(), ip);
	}
}
