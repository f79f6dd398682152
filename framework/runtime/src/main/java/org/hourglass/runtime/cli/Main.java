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
		headlessUnlessNeeded(args);
		System.exit(execute(new HourglassCli(), args, new PrintWriter(System.out, true), new PrintWriter(
			System.err, true)));
	}

	/**
	 * Without a screen unless the subcommand needs one ({@code gui}, {@code macro}): decided before anything touches
	 * AWT, and only if the JVM options do not decide it.
	 */
	static void headlessUnlessNeeded(final String[] args) {
		imageJFolder();
		if (System.getProperty("java.awt.headless") != null) return;
		final String sub = java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
		if (!sub.equals("gui") && !sub.equals("macro")) System.setProperty("java.awt.headless", "true");
	}

	/**
	 * ImageJ's folder is the installation, whose {@code plugins/} is ImageJ's plugins folder, so that a macro's
	 * {@code getDirectory("imagej")} finds the installation's {@code samples/} as it finds Fiji.app's folders in
	 * Fiji. ImageJ reads the property once, so it is set before anything uses ImageJ.
	 */
	private static void imageJFolder() {
		final String home = System.getProperty("hourglass.home");
		if (home == null || System.getProperty("plugins.dir") != null) return;
		final java.nio.file.Path plugins = java.nio.file.Path.of(home, "plugins");
		if (java.nio.file.Files.isDirectory(plugins)) System.setProperty("plugins.dir", plugins.toString());
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
