package org.hourglass.runtime.cli;

import java.awt.GraphicsEnvironment;
import java.util.concurrent.Callable;

import org.hourglass.runtime.Workbench;
import org.hourglass.runtime.command.UsageException;
import org.hourglass.runtime.ij.Gui;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code hourglass gui}. */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open ImageJ's window with the Hourglass commands under Plugins > Hourglass.",
	footer = { "%nEach command asks for its parameters in a dialog; training shows its live loss plot with Finish " +
		"early and Cancel. Closing the window ends the program." })
final class GuiCommand implements Callable<Integer> {

	@ParentCommand
	private HourglassCli cli;

	@Override
	public Integer call() throws InterruptedException {
		if (GraphicsEnvironment.isHeadless()) {
			throw new UsageException("the GUI needs a display (or a virtual one: xvfb-run -a hourglass gui)");
		}
		final Workbench wb = cli.workbench();
		final Gui gui = new Gui(wb.context(), wb.runner());
		gui.open();
		gui.awaitClose();
		return ExitCodes.OK;
	}
}
