package org.hourglass.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.hourglass.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.plugin.Parameter;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;

/**
 * A cut-off TIFF, or one declaring more pixels than fit in memory, is refused before ImageJ reads it (image
 * folders), or before a command uses what ImageJ read from it (every command, however its image was opened).
 */
class TiffSizeTest {

	@TempDir
	Path dir;

	@Test
	void wholeTiffsPassAndCutOffOnesAreRefusedWithWhatIsMissing() throws Exception {
		final Path one = dir.resolve("one.tif");
		new FileSaver(IJ.createImage("one", "32-bit ramp", 24, 16, 1)).saveAsTiff(one.toString());
		final Path stack = dir.resolve("stack.tif");
		new FileSaver(IJ.createImage("stack", "16-bit ramp", 9, 7, 5)).saveAsTiffStack(stack.toString());
		final Path rgb = dir.resolve("rgb.tif");
		new FileSaver(IJ.createImage("rgb", "RGB ramp", 9, 7, 1)).saveAsTiff(rgb.toString());
		for (final Path p : new Path[] { one, stack, rgb }) assertNull(TiffSize.problem(p), p.toString());
		assertNull(TiffSize.problem(Files.writeString(dir.resolve("text.tif"), "not a TIFF")), "ImageJ judges those");

		for (final Path p : new Path[] { one, stack }) {
			final byte[] b = Files.readAllBytes(p);
			final Path cut = Files.write(dir.resolve("cut-" + p.getFileName()), Arrays.copyOf(b, b.length / 2 + 100));
			final InvalidInputException e = assertThrows(InvalidInputException.class, () -> ImageFolder.open(cut));
			assertTrue(e.getMessage().startsWith(cut + " is cut off: its header declares ") && e.getMessage().contains(
				"but the file holds " + (b.length / 2 + 100) + " bytes"), e.getMessage());
		}
	}

	@Test
	void aHeaderDeclaringAHugeImageIsRefusedBeforeAnythingIsAllocated() throws Exception {
		final Path huge = Files.write(dir.resolve("huge.tif"), header(100_000, 100_000, 64));
		final InvalidInputException e = assertThrows(InvalidInputException.class, () -> ImageFolder.open(huge));
		assertTrue(e.getMessage().contains("its header declares 100000x100000 pixels of 32 bits"), e.getMessage());
		final byte[] lies = header(200, 100, 64);
		// the strip claims 80000 bytes: beyond the end of the file
		ByteBuffer.wrap(lies).order(ByteOrder.LITTLE_ENDIAN).putInt(8 + 2 + 7 * 12 + 8, 80_000);
		final Path beyond = Files.write(dir.resolve("beyond.tif"), lies);
		assertTrue(assertThrows(InvalidInputException.class, () -> ImageFolder.open(beyond)).getMessage().contains(
			beyond + " is cut off: its header declares 200x100 pixels of 32 bits"));
		final Path strip = Files.write(dir.resolve("strip.tif"), header(30, 20, 64));
		assertEquals(strip + " is incomplete: its header declares 30x20 pixels of 32 bits (2400 bytes), but its " +
			"strips hold 64 bytes.", assertThrows(InvalidInputException.class, () -> ImageFolder.open(strip))
				.getMessage());
	}

	@Test
	void aCommandRefusesAnImageReadFromACutOffTiffBeforeItRuns() throws Exception {
		final Path whole = dir.resolve("whole.tif");
		new FileSaver(IJ.createImage("whole", "32-bit ramp", 64, 48, 1)).saveAsTiff(whole.toString());
		final byte[] b = Files.readAllBytes(whole);
		final Path cut = Files.write(dir.resolve("cut.tif"), Arrays.copyOf(b, b.length - 4000));
		final ImagePlus zeros = IJ.openImage(cut.toString());
		assertEquals(64, zeros.getWidth(), "ImageJ reads it, the missing pixels as zeros");
		try (Context context = new Context(StatusService.class, org.scijava.command.CommandService.class)) {
			final Probe refused = new Probe();
			context.inject(refused);
			refused.input = zeros;
			refused.run();
			assertTrue(refused.isCanceled());
			assertTrue(refused.getCancelReason().startsWith(cut + " is cut off: its header declares 64x48 pixels of 32 " +
				"bits"), refused.getCancelReason());
			assertFalse(refused.executed, "refused before it ran");

			final Probe ran = new Probe();
			context.inject(ran);
			ran.input = IJ.openImage(whole.toString());
			ran.run();
			assertFalse(ran.isCanceled(), ran.getCancelReason());
			assertTrue(ran.executed);

			final Probe unsaved = new Probe();
			context.inject(unsaved);
			unsaved.input = IJ.createImage("new", "8-bit black", 8, 8, 1);
			unsaved.run();
			assertTrue(unsaved.executed, "an image from no file is the command's to judge");
		}
	}

	/** A command that only records whether it ran. */
	public static final class Probe extends HourglassCommand {

		@Parameter
		private ImagePlus input;

		boolean executed;

		@Override
		protected void execute() {
			executed = true;
		}
	}

	/** A TIFF of 32-bit floats declaring {@code w x h} pixels, one strip of {@code held} bytes. */
	private static byte[] header(final int w, final int h, final int held) {
		final int entries = 9;
		final int dataAt = 8 + 2 + entries * 12 + 4;
		final ByteBuffer b = ByteBuffer.allocate(dataAt + held).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8).putShort((short) entries);
		final int[][] tags = { { 256, 4, w }, { 257, 4, h }, { 258, 3, 32 }, { 259, 3, 1 }, { 262, 3, 1 }, { 273, 4,
			dataAt }, { 277, 3, 1 }, { 279, 4, held }, { 339, 3, 3 } };
		for (final int[] t : tags) {
			b.putShort((short) t[0]).putShort((short) t[1]).putInt(1);
			if (t[1] == 3) b.putShort((short) t[2]).putShort((short) 0);
			else b.putInt(t[2]);
		}
		b.putInt(0);
		return b.array();
	}
}
