package org.hourglass.it.echo;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** A command of a second, tiny bundle that the integration test builds: it reverses a text. */
@Plugin(type = Command.class, name = "it-echo", menuPath = "Plugins>Hourglass>Test>Echo")
public class EchoCommand implements Command {

	@Parameter
	private String text;

	@Parameter(type = ItemIO.OUTPUT)
	private String reversed;

	@Override
	public void run() {
		reversed = new StringBuilder(text).reverse().toString();
	}
}
