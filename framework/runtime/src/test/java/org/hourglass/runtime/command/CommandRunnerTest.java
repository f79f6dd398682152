package org.hourglass.runtime.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

class CommandRunnerTest {

	private static Context context;
	private static CommandRunner runner;

	@TempDir
	Path dir;

	@BeforeAll
	static void context() {
		context = new Context();
		runner = new CommandRunner(context);
	}

	@AfterAll
	static void dispose() {
		context.dispose();
	}

	private Path image(final String name) {
		final FloatProcessor fp = new FloatProcessor(3, 2, new float[] { 1, 2, 3, 4, 5, 6 });
		final Path p = dir.resolve(name);
		new FileSaver(new ImagePlus("in", fp)).saveAsTiff(p.toString());
		return p;
	}

	@Test
	void runsByNameLabelOrMenuPathAndWritesTheImageOutput() throws Exception {
		final Path in = image("in.tif");
		int n = 0;
		for (final String id : new String[] { "test-flip", "Flip Image", "Plugins > Test > Flip Image" }) {
			final Path out = dir.resolve("out" + n++ + ".tif");
			final RunResult r = runner.run(id, Map.of("input", in.toString(), "text", "ab", "times", "3",
				"flipped", out.toString()));
			assertEquals("ababab", r.outputs().get("repeated"));
			assertEquals(out, r.written().get("flipped"));
			final ImagePlus written = IJ.openImage(out.toString());
			assertArrayEquals(new float[] { 3, 2, 1, 6, 5, 4 }, (float[]) written.getProcessor().getPixels());
		}
		try (var files = Files.list(dir)) {
			assertEquals(4, files.count(), "no temporary file left behind");
		}
	}

	@Test
	void keysAreReadInAnyCaseAsFijiMacrosWriteThem() throws Exception {
		final Path in = image("case.tif");
		final RunResult r = runner.run("test-flip", Map.of("INPUT", in.toString(), "text", "ab", "Times", "2"));
		assertEquals("abab", r.outputs().get("repeated"));
	}

	@Test
	void unknownCommandsAndKeysAreUsageErrors() {
		final Path in = image("in.tif");
		assertTrue(assertThrows(UsageException.class, () -> runner.run("nope", Map.of())).getMessage()
			.contains("unknown command 'nope'"));
		final UsageException e = assertThrows(UsageException.class, () -> runner.run("test-flip", Map.of(
			"input", in.toString(), "colour", "red")));
		assertTrue(e.getMessage().contains("no input 'colour'") && e.getMessage().contains("times (int)"), e
			.getMessage());
	}

	@Test
	void aMissingRequiredInputIsAUsageError() {
		final UsageException e = assertThrows(UsageException.class, () -> runner.run("test-flip", Map.of()));
		assertTrue(e.getMessage().contains("needs input=..."), e.getMessage());
	}

	@Test
	void valuesThatCannotBeConvertedAreRefused() {
		final Path in = image("in.tif");
		assertTrue(assertThrows(UsageException.class, () -> runner.run("test-flip", Map.of("input", in
			.toString(), "times", "abc"))).getMessage().contains("expected an integer"));
		assertTrue(assertThrows(UsageException.class, () -> runner.run("test-flip", Map.of("input", in
			.toString(), "fail", "maybe"))).getMessage().contains("true or false"));
		assertTrue(assertThrows(UsageException.class, () -> runner.run("test-flip", Map.of("input", dir.resolve(
			"missing.tif").toString()))).getMessage().contains("no such image file"));
	}

	@Test
	void anInputIsNeverOverwritten() throws Exception {
		final Path in = image("in.tif");
		final byte[] before = Files.readAllBytes(in);
		final UsageException e = assertThrows(UsageException.class, () -> runner.run("test-flip", Map.of(
			"input", in.toString(), "flipped", in.toString())));
		assertTrue(e.getMessage().contains("refusing to overwrite"), e.getMessage());
		assertArrayEquals(before, Files.readAllBytes(in));
	}

	@Test
	void failuresAndCancellationsAreReportedWithTheirReason() {
		final Path in = image("in.tif");
		final Path out = dir.resolve("out.tif");
		final CommandFailedException failed = assertThrows(CommandFailedException.class, () -> runner.run(
			"test-flip", Map.of("input", in.toString(), "fail", "true", "flipped", out.toString())));
		assertTrue(failed.getMessage().contains("asked to fail"), failed.getMessage());
		assertFalse(Files.exists(out));
		final Path rgb = dir.resolve("rgb.tif");
		new FileSaver(new ImagePlus("rgb", new ColorProcessor(2, 2))).saveAsTiff(rgb.toString());
		final CommandFailedException cancelled = assertThrows(CommandFailedException.class, () -> runner.run(
			"test-flip", Map.of("input", rgb.toString())));
		assertTrue(cancelled.getMessage().contains("needs a grey image"), cancelled.getMessage());
	}

	@Test
	void noValueIsRememberedBetweenRuns() {
		final Path in = image("in.tif");
		runner.run("test-flip", Map.of("input", in.toString(), "text", "x", "times", "5"));
		final RunResult r = runner.run("test-flip", Map.of("input", in.toString(), "text", "y"));
		assertEquals("yy", r.outputs().get("repeated"), "times falls back to its default, not to 5");
		assertNull(runner.run("test-flip", Map.of("input", in.toString())).outputs().get("repeated"),
			"text is not remembered");
	}
}
