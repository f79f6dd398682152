package org.hourglass.runtime.cli;

import java.util.function.Supplier;

import org.hourglass.runtime.Workbench;
import org.hourglass.runtime.WorkbenchConfig;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hourglass}: the command line of the Hourglass workbench. */
@Command(name = "hourglass", mixinStandardHelpOptions = true, versionProvider = HourglassCli.Version.class,
	description = "Hourglass: autoencoders for images, from the command line.%n" +
		"Runs the SciJava commands of the bundles in the installation's bundles/ folder.",
	subcommands = { CommandsCommand.class, RunCommand.class, MacroCommand.class, GuiCommand.class,
		BundlesCommand.class, SparkCommand.class, CommandLine.HelpCommand.class }, exitCodeListHeading = "%nExit codes:%n",
	exitCodeList = { ExitCodes.OK_TEXT, ExitCodes.COMMAND_FAILED_TEXT, ExitCodes.USAGE_TEXT, ExitCodes.WORKBENCH_TEXT,
		ExitCodes.INTERRUPTED_TEXT, ExitCodes.TERMINATED_TEXT },
	footer = { "%nExamples:", "  hourglass commands",
		"  hourglass run image-statistics input=samples/images/nuclei-2d.tif" })
public final class HourglassCli implements Runnable {

	private final Supplier<Workbench> workbench;
	private Workbench started;

	public HourglassCli(final Supplier<Workbench> workbench) {
		this.workbench = workbench;
	}

	/** The workbench of the installation named by the {@code hourglass.home} system property. */
	public HourglassCli() {
		this(() -> Workbench.start(WorkbenchConfig.fromSystemProperties()));
	}

	/** The workbench, started on first use. */
	synchronized Workbench workbench() {
		if (started == null) started = workbench.get();
		return started;
	}

	/** Closes the workbench if a subcommand started it. */
	synchronized void close() {
		if (started != null) started.close();
		started = null;
	}

	@Override
	public void run() {
		CommandLine.usage(this, System.out);
	}

	/** The version of the installation. */
	public static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			return new String[] { "hourglass " + Workbench.version(), "Java " + System.getProperty(
				"java.version") + " (" + System.getProperty("java.vendor") + ")" };
		}
	}
}
