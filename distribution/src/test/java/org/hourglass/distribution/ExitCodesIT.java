package org.hourglass.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exit codes of {@code hourglass --help}, one case of each run as a process: 0, 1, 2 and 3 here; 130 and 143
 * (Ctrl-C, SIGTERM) in {@link CliIT}. Every message is one line without a stack trace.
 */
class ExitCodesIT {

	private static Hourglass hg;

	@BeforeAll
	static void scratch() throws Exception {
		hg = Hourglass.installed(Installation.scratch("exit-codes"));
	}

	@Test
	void theHelpListsTheTableAndEachCodeComesFromItsCase() throws Exception {
		final Processes.Result help = hg.run("--help");
		assertEquals(0, help.exitCode(), help.toString());
		final String table = help.out().substring(help.out().indexOf("Exit codes:"));
		for (final int code : new int[] { 0, 1, 2, 3, 130, 143 }) {
			assertTrue(table.lines().anyMatch(l -> l.trim().startsWith(code + " ")), code + " in " + table);
		}
		final Path image = TestImages.noisy(hg.scratch.resolve("noisy.tif"), 32, 32, 1, 7);
		final Path notAModel = Files.writeString(hg.scratch.resolve("not-a-model.zip"), "plain text");
		final Path out = hg.scratch.resolve("out.tif");
		final List<Object[]> cases = List.of( //
			new Object[] { 0, new String[] { "bundles", "--help" }, "Usage: hourglass bundles" },
			new Object[] { 1, new String[] { "run", "denoise", "model=" + notAModel, "input=" + image, "output=" + out },
				"is not an Hourglass model: it is not a zip archive" },
			new Object[] { 2, new String[] { "run", "denoise", "input=" + image, "colour=red" }, "has no input 'colour'" },
			new Object[] { 3, new String[] { "bundles", "uninstall", "hourglass-api" }, "hourglass-api is needed by" });
		for (final Object[] c : cases) {
			final Processes.Result r = hg.run((String[]) c[1]);
			assertEquals(c[0], r.exitCode(), r.toString());
			assertTrue(r.toString().contains((String) c[2]), r.toString());
			assertFalse(Hourglass.hasStackTrace(r.toString()), r.toString());
			if ((int) c[0] > 0) assertEquals(1, r.err().strip().lines().count(), "one line: " + r);
		}
		assertFalse(Files.exists(out));
	}
}
