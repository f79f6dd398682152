package org.hourglass.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.hourglass.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;

class IdxImagesTest {

	@TempDir
	Path dir;

	@Test
	void readsGzippedImagesWithTheirLabels() throws IOException {
		final Path images = dir.resolve("x-images-idx3-ubyte.gz");
		final Path labels = dir.resolve("x-labels-idx1-ubyte");
		write(images, true, new int[] { 3, 2, 4 }, new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17,
			(byte) 200, 0, 0, 0, 0, 0, 0, (byte) 255 });
		write(labels, false, new int[] { 3 }, new byte[] { 7, 2, 1 });
		assertTrue(IdxImages.isIdx(images) && IdxImages.isIdx(labels));
		final ImagePlus imp = IdxImages.open(images, labels, 2);
		assertEquals(2, imp.getStackSize());
		assertEquals(4, imp.getWidth());
		assertEquals(2, imp.getHeight());
		assertEquals("2", imp.getStack().getSliceLabel(2));
		assertEquals(13, imp.getStack().getProcessor(2).get(3, 0));
		assertArrayEquals(new int[] { 7, 2, 1 }, IdxImages.labels(labels, 0));
		assertEquals(255, IdxImages.open(images, null, 0).getStack().getProcessor(3).get(3, 1));
	}

	@Test
	void otherFilesAreRefusedClearly() throws IOException {
		final Path labels = dir.resolve("l-idx1-ubyte");
		write(labels, false, new int[] { 3 }, new byte[] { 7, 2, 1 });
		final InvalidInputException e = assertThrows(InvalidInputException.class, () -> IdxImages.open(labels, null,
			0));
		assertTrue(e.getMessage().contains("3 dimension(s)"), e.getMessage());
		final Path truncated = dir.resolve("t-idx3-ubyte");
		write(truncated, false, new int[] { 3, 2, 2 }, new byte[5]);
		assertTrue(assertThrows(InvalidInputException.class, () -> IdxImages.open(truncated, null, 0)).getMessage()
			.contains("truncated"));
	}

	private static void write(final Path file, final boolean gzip, final int[] dims, final byte[] values)
		throws IOException
	{
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(0x0800 | dims.length);
			for (final int d : dims) out.writeInt(d);
			out.write(values);
		}
		try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(
			file))
		{
			out.write(bytes.toByteArray());
		}
	}
}
