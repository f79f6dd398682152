package org.hourglass.runtime.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;

class ImageFilesTest {

	@TempDir
	Path dir;

	@Test
	void pngAndTiffByExtension() throws Exception {
		final ByteProcessor bp = new ByteProcessor(5, 4);
		bp.set(2, 1, 200);
		final ImagePlus imp = new ImagePlus("x", bp);
		ImageFiles.save(imp, dir.resolve("x.png"));
		ImageFiles.save(imp, dir.resolve("x.tif"));
		final byte[] png = Files.readAllBytes(dir.resolve("x.png"));
		assertEquals((byte) 0x89, png[0]);
		assertEquals('P', png[1]);
		assertEquals(200, IJ.openImage(dir.resolve("x.png").toString()).getProcessor().get(2, 1));
		assertEquals(200, IJ.openImage(dir.resolve("x.tif").toString()).getProcessor().get(2, 1));
	}

	@Test
	void aStackCannotBeAPng() {
		final ImageStack stack = new ImageStack(3, 3);
		stack.addSlice(new ByteProcessor(3, 3));
		stack.addSlice(new ByteProcessor(3, 3));
		final UsageException e = assertThrows(UsageException.class,
			() -> ImageFiles.save(new ImagePlus("s", stack), dir.resolve("s.png")));
		assertEquals(true, e.getMessage().contains(".tif"), e.getMessage());
		assertFalse(Files.exists(dir.resolve("s.png")));
	}

	@Test
	void anExistingFileIsReplacedOnlyWhenAllowedAndDeadWritersPartsGo() throws Exception {
		final ImagePlus imp = new ImagePlus("x", new ByteProcessor(2, 2));
		final Path target = dir.resolve("out.tif");
		Files.writeString(target, "mine");
		// what a killed process left (pid above any pid_max), and a user's file that only looks similar
		final Path stale = Files.writeString(dir.resolve(".out.tif.999999999-" + PartFiles.HOST + "-ab12.part"), "x");
		final Path users = Files.writeString(dir.resolve(".out.tif.part"), "x");
		assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> ImageFiles.save(imp, target));
		assertEquals("mine", Files.readString(target));
		assertFalse(Files.exists(stale), "a dead writer's part file is removed when the folder is written to");
		assertTrue(Files.exists(users));
		ImageFiles.save(imp, target, true);
		assertEquals(2, IJ.openImage(target.toString()).getWidth());
		try (var files = Files.list(dir)) {
			assertEquals(2, files.count(), "out.tif and the user's file");
		}
	}

	@Test
	void anImageTooLargeForTheMemoryIsRefusedWithTheKeyAndTheFile() throws Exception {
		// a TIFF header declaring 100000x100000 32-bit pixels, one strip of 64 bytes
		final int entries = 9;
		final int dataAt = 8 + 2 + entries * 12 + 4;
		final java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(dataAt + 64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8).putShort((short) entries);
		final int[][] tags = { { 256, 4, 100_000 }, { 257, 4, 100_000 }, { 258, 3, 32 }, { 259, 3, 1 }, { 262, 3, 1 }, {
			273, 4, dataAt }, { 277, 3, 1 }, { 279, 4, 64 }, { 339, 3, 3 } };
		for (final int[] t : tags) {
			b.putShort((short) t[0]).putShort((short) t[1]).putInt(1);
			if (t[1] == 3) b.putShort((short) t[2]).putShort((short) 0);
			else b.putInt(t[2]);
		}
		final Path huge = Files.write(dir.resolve("huge.tif"), b.array());
		final UsageException e = assertThrows(UsageException.class, () -> ImageFiles.open("input", huge));
		assertTrue(e.getMessage().startsWith("input: " + huge + " is too large to open in the memory Hourglass has ("),
			e.getMessage());
	}
}
