package org.hourglass.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code bin/hourglass} of the assembled workbench, run as a real process. */
class CliIT {

	private static Path scratch;

	@BeforeAll
	static void scratch() throws IOException {
		scratch = Installation.scratch("cli");
	}

	@Test
	void versionAndHelp() throws Exception {
		final Processes.Result version = hourglass("--version");
		assertEquals(0, version.exitCode(), version.toString());
		assertTrue(version.out().startsWith("hourglass 0.1.0"), version.toString());
		final Processes.Result help = hourglass("--help");
		assertEquals(0, help.exitCode(), help.toString());
		assertTrue(help.out().contains("Exit codes:"), help.toString());
	}

	@Test
	void commandsListsTheTemplateCommandWithItsMenuPathAndBundle() throws Exception {
		final Processes.Result r = hourglass("commands");
		assertEquals(0, r.exitCode(), r.toString());
		final String line = r.out().lines().filter(l -> l.startsWith("image-statistics")).findFirst()
			.orElseThrow(() -> new AssertionError(r.toString()));
		assertTrue(line.contains("Plugins > Hourglass > Image Statistics"), line);
		assertTrue(line.endsWith("hourglass-plugin-template"), line);
	}

	@Test
	void runImageStatisticsOnTheSample() throws Exception {
		final Processes.Result r = hourglass("run", "image-statistics", "input=" + Installation.sample(),
			"highPercentile=99.5");
		assertEquals(0, r.exitCode(), r.toString());
		ReferenceStatistics.of(Installation.sample()).check(Processes.keyValues(r.out()), 1, 99.5);
	}

	@Test
	void anUnknownCommandOrKeyExitsWithUsageErrorAndAMessage() throws Exception {
		final Processes.Result nope = hourglass("run", "nope");
		assertEquals(2, nope.exitCode(), nope.toString());
		assertTrue(nope.err().contains("unknown command 'nope'"), nope.toString());
		final Processes.Result badKey = hourglass("run", "image-statistics", "input=" + Installation.sample(),
			"colour=red");
		assertEquals(2, badKey.exitCode(), badKey.toString());
		assertTrue(badKey.err().contains("has no input 'colour'"), badKey.toString());
		assertEquals("", badKey.out(), badKey.toString());
	}

	private static Processes.Result hourglass(final String... args) throws Exception {
		final List<String> command = new ArrayList<>();
		command.add(Installation.workbench().resolve("bin/hourglass").toString());
		command.addAll(List.of(args));
		return Processes.run(command, Map.of("JAVA_HOME", System.getProperty("java.home"), "HOURGLASS_OPTS",
			"-Dhourglass.logs=" + scratch.resolve("logs") + " -Dorg.bytedeco.javacpp.cachedir=" + System
				.getProperty("org.bytedeco.javacpp.cachedir")), scratch);
	}
}
