package org.hourglass.distribution.fuzz;

import java.util.List;
import java.util.Locale;

/**
 * How one case ended, and whether that is what a careless or hostile user must get: a refusal with a clear
 * message naming what is wrong, the documented exit code, no stack trace, nothing written or changed; or, for
 * damage that may not matter, a correct run.
 *
 * @param code the exit code the command line gives for this ending (0 done, 1 refused by the command or failed, 2
 *          refused before it ran, 3 not available), or -1 for anything else (a crash)
 * @param message the message the user sees (empty after a successful run)
 * @param problem why this is not acceptable, or {@code null} if it is
 */
record Verdict(FuzzCase fuzzCase, int code, String message, String problem) {

	/** True if the case ended as it must. */
	boolean clear() {
		return problem == null;
	}

	/** True if it ended in a refusal (clear or not). */
	boolean refused() {
		return code > 0;
	}

	/**
	 * Judges an ending.
	 *
	 * @param traces stack traces printed or logged at WARN and above while it ran
	 * @param changes files written or changed in the case's folder, as {@code name: what}
	 * @param outputWritten whether the output the case asked for exists
	 */
	static Verdict of(final FuzzCase c, final FuzzCase.Invocation inv, final int code, final String message,
		final List<String> traces, final List<String> changes, final boolean outputWritten)
	{
		final String problem;
		if (!traces.isEmpty()) problem = "stack trace: " + traces.get(0);
		else if (code < 0) problem = "crash: " + message;
		else if (code == 0) {
			if (c.expect() == FuzzCase.Expect.REFUSE) problem = "accepted: nothing refused it";
			else if (inv.output() != null && !outputWritten) problem = "ran without error but wrote no " + inv.output()
				.getFileName();
			else problem = null;
		}
		else if (!c.codes().contains(code)) problem = "exit code " + code + ", documented " + c.codes();
		else if (!changes.isEmpty()) problem = "refused, but wrote or changed " + changes;
		else problem = unclear(message, inv);
		return new Verdict(c, code, message, problem);
	}

	/** Why a refusal's message does not tell the user what is wrong, or {@code null} if it does. */
	static String unclear(final String message, final FuzzCase.Invocation inv) {
		if (message == null || message.isBlank()) return "no message";
		if (message.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' || ch == 0x7f)) return "control characters: " + message;
		if (message.length() > 2000) return "a message of " + message.length() + " characters";
		for (final String leak : new String[] { "Exception", "java.", "\tat ", "Error:", "null pointer" }) {
			if (message.contains(leak)) return "a programmer's message ('" + leak + "'): " + message;
		}
		final String lower = message.toLowerCase(Locale.ROOT);
		for (final String n : inv.names()) {
			if (lower.contains(n.toLowerCase(Locale.ROOT))) return null;
		}
		return "names none of " + inv.names() + ": " + message;
	}
}
