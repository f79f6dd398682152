package org.hourglass.runtime.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.hourglass.runtime.log.Log4jLogService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.log.LogService;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.FloatProcessor;

/**
 * What the runner refuses before a command runs (nothing written), and how it tells a command that stopped early
 * from one that had finished when it was asked to stop.
 */
class RunnerRefusalsTest {

	private static Context context;

	@TempDir
	Path dir;

	@BeforeAll
	static void context() {
		context = new Context();
	}

	@AfterAll
	static void dispose() {
		context.dispose();
	}

	private Path image(final String name) {
		final Path p = dir.resolve(name);
		new FileSaver(new ImagePlus("in", new FloatProcessor(3, 2, new float[] { 1, 2, 3, 4, 5, 6 }))).saveAsTiff(p
			.toString());
		return p;
	}

	private List<Path> files() throws Exception {
		try (Stream<Path> s = Files.list(dir)) {
			return s.sorted().toList();
		}
	}

	@Test
	void anExistingOutputIsReplacedOnlyWithOverwrite() throws Exception {
		final CommandRunner runner = new CommandRunner(context);
		final Path in = image("in.tif");
		final Path out = dir.resolve("taken.tif");
		Files.writeString(out, "someone's file");
		final UsageException e = assertThrows(UsageException.class, () -> runner.run("test-flip", Map.of("input", in
			.toString(), "flipped", out.toString())));
		assertTrue(e.getMessage().contains("flipped: " + out + " exists already") && e.getMessage().contains(
			"overwrite=true"), e.getMessage());
		assertEquals("someone's file", Files.readString(out));
		// the command has no overwrite input: the runner reads the key for its image outputs
		runner.run("test-flip", Map.of("input", in.toString(), "flipped", out.toString(), "OverWrite", "true"));
		assertArrayEquals(new float[] { 3, 2, 1, 6, 5, 4 }, (float[]) IJ.openImage(out.toString()).getProcessor()
			.getPixels());
		assertEquals(List.of(in, out), files(), "no part file left");
		assertThrows(UsageException.class, () -> runner.run("test-flip", Map.of("input", in.toString(), "overwrite",
			"yes")));
	}

	@Test
	void numbersOutsideTheirDeclaredRangeAreRefusedBeforeTheCommandRuns() {
		final CommandRunner runner = new CommandRunner(context);
		final int before = RefusalsCommand.runs;
		final Path picture = dir.resolve("p.tif");
		for (final String[] c : new String[][] { { "range", "-5", "range: must be at least 0, got -5" }, { "depth", "0",
			"depth: must be at least 1, got 0" }, { "depth", "9", "depth: must be at most 8, got 9" }, { "range", "NaN",
				"range: expected a number, got NaN" } })
		{
			final UsageException e = assertThrows(UsageException.class, () -> runner.run("test-ranges", Map.of(c[0], c[1],
				"picture", picture.toString())));
			assertEquals(c[2], e.getMessage());
		}
		assertEquals(before, RefusalsCommand.runs, "nothing ran");
		assertFalse(Files.exists(picture));
		runner.run("test-ranges", Map.of("range", "0", "depth", "8"));
		assertEquals(before + 1, RefusalsCommand.runs);
	}

	@Test
	void aFileToWriteNeedsAnExistingFolder() {
		final UsageException e = assertThrows(UsageException.class, () -> new CommandRunner(context).run("test-ranges",
			Map.of("report", dir.resolve("no/such/folder/r.md").toString())));
		assertTrue(e.getMessage().startsWith("report: the folder of ") && e.getMessage().contains("does not exist"), e
			.getMessage());
	}

	@Test
	void aCommandWhoseServiceIsMissingIsRefusedWithTheServiceNamedAndNoStackTrace() {
		final CommandUnavailableException e = assertThrows(CommandUnavailableException.class, () -> new CommandRunner(
			context).run("test-needs-missing", Map.of()));
		assertTrue(e.getMessage().contains("command 'test-needs-missing' needs the service " +
			NeedsMissingServiceCommand.AbsentService.class.getName() + ", which no active bundle provides"), e
				.getMessage());
	}

	@Test
	void anUnknownCommandIsExplainedWhenTheWorkbenchKnowsWhereItCameFrom() {
		final CommandRunner runner = new CommandRunner(context, id -> id.equals("denoise")
			? "it came from the bundle hourglass-denoise, which was uninstalled" : null);
		final CommandUnavailableException gone = assertThrows(CommandUnavailableException.class, () -> runner.run(
			"denoise", Map.of()));
		assertEquals("command 'denoise' is not available: it came from the bundle hourglass-denoise, which was " +
			"uninstalled", gone.getMessage());
		final UsageException typo = assertThrows(UsageException.class, () -> runner.run("denoize", Map.of()));
		assertTrue(typo.getMessage().startsWith("unknown command 'denoize'"), typo.getMessage());
	}

	@Test
	void aStopBeforeTheCommandStartsMeansItDoesNotStart() {
		final CommandRunner runner = new CommandRunner(context);
		final int before = RefusalsCommand.runs;
		assertFalse(runner.interrupt(), "nothing is running yet");
		final RunResult r = runner.run("test-ranges", Map.of("picture", dir.resolve("never.tif").toString()));
		assertTrue(r.interrupted());
		assertEquals(before, RefusalsCommand.runs);
		assertFalse(Files.exists(dir.resolve("never.tif")));
	}

	@Test
	void aCommandThatFinishedAnywayWasNotStoppedEarly() throws Exception {
		for (final boolean finishAnyway : new boolean[] { true, false }) {
			StopAwareCommand.started = new CountDownLatch(1);
			StopAwareCommand.release = new CountDownLatch(1);
			final CommandRunner runner = new CommandRunner(context);
			final CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> runner.run("test-stop-aware", Map
				.of("finishAnyway", Boolean.toString(finishAnyway))));
			assertTrue(StopAwareCommand.started.await(60, TimeUnit.SECONDS));
			assertTrue(runner.interrupt());
			StopAwareCommand.release.countDown();
			final RunResult r = run.get(60, TimeUnit.SECONDS);
			assertEquals(!finishAnyway, r.interrupted(), "finishAnyway=" + finishAnyway);
			assertEquals(finishAnyway ? "complete" : "partial", r.outputs().get("result"));
		}
	}

	@Test
	void sciJavaLogsThroughLog4j() {
		assertTrue(context.service(LogService.class) instanceof Log4jLogService, "not SciJava's standard-error log, " +
			"which prints stack traces to the terminal");
	}
}
