package org.hourglass.runtime.cli;

import java.io.PrintWriter;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.runtime.WorkbenchException;
import org.hourglass.runtime.command.CommandFailedException;
import org.hourglass.runtime.command.UsageException;

import picocli.CommandLine;

/** Entry point of {@code bin/hourglass}. */
public final class Main {

	private static final Logger LOG = LogManager.getLogger();

	private Main() {}

	public static void main(final String[] args) {
		System.exit(execute(new HourglassCli(), args, new PrintWriter(System.out, true), new PrintWriter(
			System.err, true)));
	}

	/** Runs the command line with {@code cli}, writing to {@code out} and {@code err}; the exit code. */
	public static int execute(final HourglassCli cli, final String[] args, final PrintWriter out,
		final PrintWriter err)
	{
		final CommandLine cl = new CommandLine(cli);
		cl.setOut(out);
		cl.setErr(err);
		cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
			if (e instanceof UsageException) {
				err.println("hourglass: " + e.getMessage());
				return ExitCodes.USAGE;
			}
			if (e instanceof CommandFailedException) {
				err.println("hourglass: " + e.getMessage());
				if (e.getCause() != null) LOG.error("Command failed", e.getCause());
				return ExitCodes.COMMAND_FAILED;
			}
			if (e instanceof WorkbenchException) {
				err.println("hourglass: " + e.getMessage());
				LOG.error("Workbench error", e);
				return ExitCodes.WORKBENCH;
			}
			LOG.error("Unexpected error", e);
			err.println("hourglass: unexpected error: " + e);
			return ExitCodes.COMMAND_FAILED;
		});
		try {
			return cl.execute(args);
		}
		finally {
			cli.close();
		}
	}
}
