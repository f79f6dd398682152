package org.hourglass.runtime.cli;

import java.io.PrintWriter;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.runtime.WorkbenchException;
import org.hourglass.runtime.command.CommandFailedException;
import org.hourglass.runtime.command.CommandUnavailableException;
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
		// one line for the person at the terminal; the details (a stack trace) only in the log file, at INFO, which
		// the console does not show
		cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
			final int code = exitCode(e);
			if (code == ExitCodes.COMMAND_FAILED && !(e instanceof CommandFailedException)) {
				err.println("hourglass: unexpected error: " + e + " (details in the log, logs/hourglass.log)");
			}
			else {
				err.println("hourglass: " + e.getMessage());
			}
			LOG.info("hourglass {} exits with {}", String.join(" ", parseResult.originalArgs()), code, e);
			return code;
		});
		try {
			return cl.execute(args);
		}
		finally {
			cli.close();
		}
	}

	/** The exit code for an exception a subcommand threw (see {@link ExitCodes}). */
	static int exitCode(final Exception e) {
		if (e instanceof UsageException) return ExitCodes.USAGE;
		if (e instanceof WorkbenchException || e instanceof CommandUnavailableException) return ExitCodes.WORKBENCH;
		return ExitCodes.COMMAND_FAILED;
	}
}
