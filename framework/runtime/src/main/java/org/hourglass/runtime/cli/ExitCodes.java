package org.hourglass.runtime.cli;

/**
 * The exit codes of {@code hourglass}: the one table, shown by {@code hourglass --help} ({@link HourglassCli}) and
 * in docs/RELIABILITY.md. The {@code *_TEXT} constants are the help's lines.
 */
public final class ExitCodes {

	/** Done. */
	public static final int OK = 0;
	/** The command ran and failed, or refused an input it was given; it wrote nothing. */
	public static final int COMMAND_FAILED = 1;
	/**
	 * Bad invocation, refused before the command ran: an unknown command or key, a value of the wrong type, out of
	 * its range or not one of its choices, a required key missing, an input file that cannot be read, an output file
	 * that exists (without {@code overwrite=true}) or whose folder does not exist.
	 */
	public static final int USAGE = 2;
	/**
	 * The workbench could not start; a bundle could not be installed, started or removed (others need it); or the
	 * command's bundle is not active or lacks a service it needs.
	 */
	public static final int WORKBENCH = 3;
	/** Interrupted with Ctrl-C: the command stopped early (a training command still saved its best model). */
	public static final int INTERRUPTED = 130;
	/** Stopped by SIGTERM ({@code kill}, a scheduler's time limit), the same way as Ctrl-C. */
	public static final int TERMINATED = 143;

	static final String OK_TEXT = "0:done";
	static final String COMMAND_FAILED_TEXT = "1:the command ran and failed, or refused an input it was given " +
		"(a damaged model, an unusable image); it wrote nothing";
	static final String USAGE_TEXT = "2:bad invocation, refused before anything ran: unknown command or key, a value " +
		"of the wrong type, out of range or not a choice, a missing key, an unreadable input, an output that exists " +
		"(no overwrite=true) or has no folder";
	static final String WORKBENCH_TEXT = "3:the workbench could not start; a bundle could not be installed or removed " +
		"(others need it); the command's bundle is not active or lacks a service";
	static final String INTERRUPTED_TEXT = "130:Ctrl-C: the command stopped early (training saves its best model so " +
		"far); a run that had already finished its work exits 0";
	static final String TERMINATED_TEXT = "143:SIGTERM (kill, a scheduler's time limit): the same as Ctrl-C";

	/** Every exit code, in the help's order. */
	static final int[] ALL = { OK, COMMAND_FAILED, USAGE, WORKBENCH, INTERRUPTED, TERMINATED };

	private ExitCodes() {}
}
