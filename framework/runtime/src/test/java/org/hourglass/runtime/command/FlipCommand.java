package org.hourglass.runtime.command;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.process.ImageProcessor;

/** A test command: flips an image, repeats a text, fails or cancels on request. */
@Plugin(type = Command.class, name = "test-flip", menuPath = "Plugins>Test>Flip Image")
public class FlipCommand extends org.scijava.command.ContextCommand {

	@Parameter
	private ImagePlus input;

	@Parameter(required = false)
	private String text;

	@Parameter
	private int times = 2;

	@Parameter(required = false)
	private boolean fail;

	@Parameter(required = false)
	private boolean overwrite;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus flipped;

	@Parameter(type = ItemIO.OUTPUT)
	private String repeated;

	@Override
	public void run() {
		if (fail) throw new IllegalStateException("asked to fail");
		if (input.getType() == ImagePlus.COLOR_RGB) {
			cancel("needs a grey image");
			return;
		}
		final ImageProcessor ip = input.getProcessor().duplicate();
		ip.flipHorizontal();
		flipped = new ImagePlus("flipped", ip);
		repeated = text == null ? null : text.repeat(times);
	}
}
