package org.hourglass.distribution.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reliability corpus in the build: every case (about 1700, seed {@value #SEED}) through a real workbench
 * ({@link FuzzMain} in a process of its own, so that its ND4J is the only one in it); none may crash. Then a few of
 * the same cases, of different kinds, through {@code bin/hourglass}, whose exit codes and messages must be those
 * the runner gave and whose output holds no stack trace. See docs/RELIABILITY.md.
 */
class FuzzCorpusIT {

	/** Every case of the corpus (a sample of this many when above 0). */
	static final int CASES = 0;
	static final long SEED = 20261201L;
	static final int CLI_CASES = 6;

	private static Path work;
	private static Path workbench;
	private static Map<String, String[]> outcomes;
	private static String report;

	@BeforeAll
	static void runCorpus() throws Exception {
		work = org.hourglass.distribution.FuzzPaths.scratch("fuzz");
		workbench = org.hourglass.distribution.FuzzPaths.workbench();
		final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString(), "-Xmx1g", "-Djava.awt.headless=true", "-Dhourglass.home=" + workbench,
			"-Dlog4j2.configurationFile=" + workbench.resolve("conf/log4j2.xml"), "-Dhourglass.logs=" + work.resolve(
				"logs"), "-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp")),
			"-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir"), "-cp", System
				.getProperty("java.class.path"), FuzzMain.class.getName(), "--workbench", workbench.toString(), "--work",
			work.resolve("work").toString(), "--cases", Integer.toString(CASES), "--seed", Long.toString(SEED)));
		final Path out = work.resolve("fuzz-out.txt");
		final Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
		if (!p.waitFor(20, TimeUnit.MINUTES)) {
			p.destroyForcibly();
			throw new AssertionError("the corpus did not finish: " + Files.readString(out));
		}
		report = Files.readString(out, StandardCharsets.UTF_8);
		System.out.println(report);
		assertEquals(0, p.exitValue(), report);
		outcomes = new HashMap<>();
		for (final String line : Files.readAllLines(work.resolve("work/outcomes.tsv")).subList(1, Files.readAllLines(
			work.resolve("work/outcomes.tsv")).size()))
		{
			final String[] f = line.split("\t", 5);
			outcomes.put(f[0], f);
		}
	}

	@Test
	void everyCaseEndsClearly() {
		final java.util.regex.Matcher m = java.util.regex.Pattern.compile("cases (\\d+), clear (\\d+) ").matcher(report);
		assertTrue(m.find(), report);
		assertEquals(m.group(1), m.group(2), report);
		assertTrue(CASES > 0 ? Integer.parseInt(m.group(1)) == CASES : Integer.parseInt(m.group(1)) > 1000, report);
		assertTrue(report.contains(", crash 0"), report);
		assertFalse(report.contains("CRASH"), report);
	}

	@Test
	void theCommandLineGivesTheSameExitCodesWithoutStackTraces() throws Exception {
		final Path good = work.resolve("work/good");
		final List<FuzzCase> all = Corpus.all(good.resolve("model.zip"), good.resolve("image.tif"), SEED, 1);
		final List<FuzzCase> sample = Corpus.sample(Corpus.sample(all, CASES, SEED), CLI_CASES, SEED + 1);
		final Path cli = Files.createDirectories(work.resolve("cli"));
		for (final FuzzCase c : sample) {
			final Path dir = Files.createDirectories(cli.resolve(c.id()));
			final FuzzCase.Invocation inv = c.maker().make(dir);
			final Map<String, String> before = CorpusRunner.snapshot(dir);
			final List<String> command = new ArrayList<>(List.of(workbench.resolve("bin/hourglass").toString(), "run", inv
				.command()));
			inv.args().forEach((k, v) -> command.add(k + "=" + v));
			final Path out = dir.resolve("../" + c.id() + "-printed.txt").normalize();
			final ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
			pb.environment().putAll(Map.of("JAVA_HOME", System.getProperty("java.home"), "HOURGLASS_OPTS",
				"-Dhourglass.logs=" + work.resolve("logs") + " -Djava.io.tmpdir=" + work.resolve("tmp") +
					" -Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir")));
			final Process p = pb.start();
			assertTrue(p.waitFor(5, TimeUnit.MINUTES), c.id());
			final String printed = Files.readString(out);
			final String[] expected = outcomes.get(c.id());
			assertEquals(Integer.parseInt(expected[1]), p.exitValue(), c.id() + " (" + c.what() + "): " + printed);
			assertFalse(printed.lines().anyMatch(l -> l.startsWith("\tat ") || l.contains("Exception in thread")), c.id() +
				": " + printed);
			if (p.exitValue() != 0) {
				assertEquals(List.of(), CorpusRunner.changes(before, CorpusRunner.snapshot(dir)), c.id() + ": " + printed);
				// the same message, but for the case's folder
				final String message = expected[3].replace(work.resolve("work/cases").resolve(c.id()).toString(), dir
					.toString());
				assertTrue(printed.contains(message.isEmpty() ? "hourglass:" : message), c.id() + ": the same message as " +
					"in the workbench: " + message + " but " + printed);
			}
		}
	}
}
