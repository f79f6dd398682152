package org.hourglass.runtime.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.hourglass.runtime.Workbench;
import org.hourglass.runtime.ij.MacroRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hourglass macro script.ijm [argument]}. */
@Command(name = "macro", mixinStandardHelpOptions = true, description = "Run an ImageJ macro in batch mode, with the Hourglass commands and ImageJ's own.",
	footer = { "%nThe macro calls Hourglass commands as in Fiji: run(\"Hourglass Denoise\", \"model=denoise-sample " +
		"input=noisy.tif\"), keys in lower case, images by their titles. A key the macro leaves out takes the " +
		"command's default, never a value from an earlier run; an unknown key or command stops the macro.",
		"Needs a display, as ImageJ does: on a server run it under a virtual one, xvfb-run -a hourglass macro ...",
		"print() writes to standard output. Exit code 1 with the macro's error message if it fails." })
final class MacroCommand implements Callable<Integer> {

	@ParentCommand
	private HourglassCli cli;

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "<macro.ijm>", description = "The macro file.")
	private Path macro;

	@Parameters(index = "1", arity = "0..1", paramLabel = "<argument>",
		description = "The macro's argument (getArgument()).")
	private String argument;

	@Override
	public Integer call() {
		final Workbench wb = cli.workbench();
		final String error = MacroRunner.run(wb.context(), wb.runner(), macro, argument);
		if (error != null) {
			spec.commandLine().getErr().println("hourglass: the macro " + macro + " stopped: " + error);
			spec.commandLine().getErr().flush();
			return ExitCodes.COMMAND_FAILED;
		}
		return ExitCodes.OK;
	}
}
