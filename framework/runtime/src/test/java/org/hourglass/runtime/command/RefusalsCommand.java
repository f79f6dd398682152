package org.hourglass.runtime.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.process.FloatProcessor;

/** A test command with declared ranges and a file it would write; it records that it ran. */
@Plugin(type = Command.class, name = "test-ranges")
public class RefusalsCommand implements Command {

	static volatile int runs;

	@Parameter(min = "0")
	private double range = 0;

	@Parameter(min = "1", max = "8")
	private int depth = 2;

	@Parameter(style = "save", required = false)
	private File report;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus picture;

	@Override
	public void run() {
		runs++;
		picture = new ImagePlus("picture", new FloatProcessor(2, 2));
	}
}
