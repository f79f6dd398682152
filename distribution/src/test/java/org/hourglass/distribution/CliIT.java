package org.hourglass.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
		assertTrue(line.matches(".*  hourglass-plugin-template +Statistics of every value.*"), line);
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

	/** Ctrl-C (SIGINT) and SIGTERM alike: the first stops the command after the current step, and it saves. */
	@ParameterizedTest
	@CsvSource({ "INT, 130", "TERM, 143" })
	void aStopSignalEndsTrainingAfterTheCurrentStepAndSavesTheModel(final String signal, final int exitCode)
		throws Exception
	{
		assumeFalse(signal.equals("INT") && sigintIgnored(), "this test runs with SIGINT ignored (started in the "
			+ "background by a shell without job control), so the workbench it starts cannot receive Ctrl-C either");
		final String name = "stop-" + signal.toLowerCase(java.util.Locale.ROOT);
		final Path model = scratch.resolve(name + ".zip");
		final Path curve = scratch.resolve(name + "-loss.png");
		final Path out = scratch.resolve(name + "-out.txt");
		final Path err = scratch.resolve(name + "-err.txt");
		final ProcessBuilder pb = new ProcessBuilder(command("run", "denoise-train-n2v", "input=" + Installation
			.sample(), "patchSize=32", "batchSize=4", "epochs=500", "stepsPerEpoch=2", "depth=1", "filters=4",
			"modelFile=" + model, "lossCurve=" + curve)).redirectOutput(out.toFile()).redirectError(err.toFile())
				.directory(scratch.toFile());
		pb.environment().putAll(environment());
		final Process p = pb.start();
		try {
			awaitLogLine(name + ".zip: epoch 1 training loss", p);
			final Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
			assertEquals(0, kill.waitFor(), "kill -" + signal);
			assertTrue(p.waitFor(120, TimeUnit.SECONDS), "hourglass did not stop after SIG" + signal);
		}
		finally {
			p.destroyForcibly();
		}
		final String stdout = Files.readString(out);
		final String stderr = Files.readString(err);
		final String all = "exit " + p.exitValue() + "\n" + stdout + stderr;
		assertEquals(exitCode, p.exitValue(), all);
		assertTrue(stderr.contains("SIG" + signal + ": stopping after the current step"), all);
		assertTrue(stdout.contains("modelPath = " + model), all);
		assertTrue(Files.size(model) > 0, all);
		assertTrue(Files.size(curve) > 0, all);
	}

	/** Whether this process ignores SIGINT (bit 1 of SigIgn in /proc/self/status); processes it starts inherit that. */
	private static boolean sigintIgnored() throws IOException {
		for (final String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("SigIgn:")) return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 2L) != 0;
		}
		return false;
	}

	/** Waits (at most two minutes) until the workbench log has a line containing {@code text}. */
	private static void awaitLogLine(final String text, final Process p) throws Exception {
		final Path log = scratch.resolve("logs").resolve("hourglass.log");
		final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < end && p.isAlive()) {
			if (Files.exists(log) && Files.readString(log).contains(text)) return;
			Thread.sleep(200);
		}
		throw new AssertionError("no '" + text + "' in " + log + (p.isAlive() ? "" : "; hourglass exited with " + p
			.exitValue()));
	}

	@Test
	void sparkCarriesItsJarAndSaysWhatItNeedsWithoutSparkHome() throws Exception {
		assertTrue(Files.isRegularFile(Installation.workbench().resolve("lib/spark/hourglass-spark.jar")),
			"the Linux workbench carries the Spark job's jar");
		final Map<String, String> env = new java.util.HashMap<>(environment());
		env.put("SPARK_HOME", null);
		final Processes.Result r = Processes.run(command("spark", "denoise", "--model", "m.zip", "--input", "in",
			"--output", "out"), env, scratch);
		assertEquals(2, r.exitCode(), r.toString());
		assertTrue(r.err().contains("hourglass spark needs Apache Spark 3.5") && r.err().contains("SPARK_HOME"), r
			.toString());
		assertEquals(1, r.err().strip().lines().count(), "one line: " + r);
	}

	private static Processes.Result hourglass(final String... args) throws Exception {
		return Hourglass.installed(scratch).run(args);
	}

	private static List<String> command(final String... args) throws IOException {
		return Hourglass.installed(scratch).command(args);
	}

	private static Map<String, String> environment() throws IOException {
		return Hourglass.installed(scratch).environment();
	}
}
