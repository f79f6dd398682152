package org.hourglass.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.hourglass.imagej.HourglassCommand;
import org.hourglass.imagej.testing.CommandRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandService;

import ij.ImagePlus;

/** IDX files (MNIST's format) open as a labelled 8-bit stack; other files are refused. */
class ImportIdxTest {

	@TempDir
	static Path dir;

	private static Context context;

	@BeforeAll
	static void setUp() {
		context = new Context(CommandService.class, org.scijava.app.StatusService.class);
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	private static HourglassCommand run(final Object... keyValues) throws Exception {
		return CommandRuns.run(context, ImportIdxCommand.class, keyValues);
	}

	@Test
	void imagesWithTheirLabels() throws Exception {
		final Path images = dir.resolve("imgs-idx3-ubyte.gz");
		final Path labels = dir.resolve("labels-idx1-ubyte.gz");
		try (DataOutputStream im = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(images)));
			DataOutputStream lb = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(labels))))
		{
			im.writeInt(0x0803);
			im.writeInt(3);
			im.writeInt(2);
			im.writeInt(4);
			lb.writeInt(0x0801);
			lb.writeInt(3);
			for (int i = 0; i < 3; i++) {
				for (int p = 0; p < 8; p++) im.writeByte(10 * i + p);
				lb.writeByte(7 - i);
			}
		}
		final HourglassCommand m = run("images", images.toFile(), "labels", labels.toFile(), "count", 2);
		assertFalse(m.isCanceled(), m.getCancelReason());
		final ImagePlus stack = (ImagePlus) m.getOutput("output");
		assertEquals(2, stack.getStackSize(), "only the first 2");
		assertEquals(4, stack.getWidth());
		assertEquals(2, stack.getHeight());
		assertEquals(8, stack.getBitDepth());
		assertEquals("6", stack.getStack().getSliceLabel(2));
		assertEquals(13, stack.getStack().getProcessor(2).get(3, 0));
	}

	@Test
	void otherFilesAreRefused() throws Exception {
		final Path text = dir.resolve("notes.txt");
		Files.writeString(text, "hello, not IDX");
		final HourglassCommand m = run("images", text.toFile());
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("Expected an IDX file of unsigned bytes"), m.getCancelReason());
		final HourglassCommand missing = run("images", dir.resolve("nope").toFile());
		assertTrue(missing.getCancelReason().contains("is not a file"), missing.getCancelReason());
	}
}
