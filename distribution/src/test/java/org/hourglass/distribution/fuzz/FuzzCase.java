package org.hourglass.distribution.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * One damaged input of the corpus and the command to run on it.
 *
 * @param id stable within a corpus of one seed: {@code kind-number}
 * @param kind the kind of damage, e.g. {@code truncated}, {@code wrong-type}
 * @param what what was done, for the report
 * @param expect whether it must be refused
 * @param codes the exit codes a refusal may have (see {@code ExitCodes}: 1 refused by the command, 2 by the runner)
 * @param maker writes the case's files into a fresh folder and says how to run it
 */
record FuzzCase(String id, String kind, String what, Expect expect, Set<Integer> codes, Maker maker) {

	/** Whether the damage must be refused. */
	enum Expect {
		/** Must be refused with a clear message, nothing written. */
		REFUSE,
		/** Damage that may not matter (an ignored field, a date in a zip header): refused clearly, or run correctly. */
		EITHER
	}

	/** Writes a case's files into {@code folder} and says how to run it. */
	@FunctionalInterface
	interface Maker {

		Invocation make(Path folder) throws IOException;
	}

	/**
	 * A command and its {@code key=value} arguments; {@code output} is the file it would write (or {@code null}).
	 *
	 * @param names what a clear message names: the damaged file's name, or the key
	 */
	record Invocation(String command, Map<String, String> args, Path output, Set<String> names) {}
}
