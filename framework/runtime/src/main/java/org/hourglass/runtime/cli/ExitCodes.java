package org.hourglass.runtime.cli;

/** The exit codes of {@code hourglass}, as listed in its help. */
public final class ExitCodes {

	/** Done. */
	public static final int OK = 0;
	/** The command ran and failed, or refused its input. */
	public static final int COMMAND_FAILED = 1;
	/** Bad invocation: unknown command or key, a value that cannot be used; nothing ran. */
	public static final int USAGE = 2;
	/** The workbench could not start, or a bundle could not be installed or removed. */
	public static final int WORKBENCH = 3;
	/**
	 * Interrupted with Ctrl-C: the command stopped early (a training command still saved its best model). SIGTERM
	 * stops it the same way, with 143.
	 */
	public static final int INTERRUPTED = 130;

	private ExitCodes() {}
}
