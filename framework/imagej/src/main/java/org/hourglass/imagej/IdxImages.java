package org.hourglass.imagej;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import org.hourglass.api.InvalidInputException;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;

/**
 * Images and labels in the IDX format of the MNIST and Fashion-MNIST data sets (optionally gzipped): a
 * big-endian header (two zero bytes, the type 0x08 for unsigned bytes, the number of dimensions, each dimension
 * as a 32-bit integer), then the values. Images are {@code [count, rows, columns]}; labels {@code [count]}.
 */
public final class IdxImages {

	private static final int UNSIGNED_BYTE = 0x08;

	private IdxImages() {}

	/** True for file names ending in {@code -ubyte}, {@code .idx} or those with {@code .gz}. */
	public static boolean isIdx(final Path file) {
		final String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
		final String s = n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
		return s.endsWith("-ubyte") || s.endsWith(".idx");
	}

	/**
	 * The first {@code max} images (all if {@code max <= 0}) as an 8-bit stack titled with the file name; with
	 * {@code labels} (an IDX label file, or {@code null}) each slice is labelled with its image's label.
	 *
	 * @throws InvalidInputException if a file cannot be read or is not an IDX file of the expected kind
	 */
	public static ImagePlus open(final Path images, final Path labels, final int max) {
		try (DataInputStream in = stream(images)) {
			final int[] dims = header(in, images, 3);
			final int n = max > 0 ? Math.min(max, dims[0]) : dims[0];
			final int h = dims[1];
			final int w = dims[2];
			final int[] l = labels == null ? null : labels(labels, n);
			final ImageStack stack = new ImageStack(w, h);
			for (int i = 0; i < n; i++) {
				final byte[] pixels = new byte[w * h];
				in.readFully(pixels);
				stack.addSlice(l == null ? null : Integer.toString(l[i]), new ByteProcessor(w, h, pixels));
			}
			return new ImagePlus(images.getFileName().toString(), stack);
		}
		catch (final EOFException e) {
			throw new InvalidInputException("IDX file " + images + " is shorter than its header says (truncated?).");
		}
		catch (final IOException e) {
			throw new InvalidInputException("Cannot read IDX file " + images + ": " + e.getMessage());
		}
	}

	/** The first {@code max} labels (all if {@code max <= 0}) of an IDX label file. */
	public static int[] labels(final Path file, final int max) {
		try (DataInputStream in = stream(file)) {
			final int[] dims = header(in, file, 1);
			final int n = max > 0 ? Math.min(max, dims[0]) : dims[0];
			final int[] out = new int[n];
			for (int i = 0; i < n; i++) out[i] = in.readUnsignedByte();
			return out;
		}
		catch (final EOFException e) {
			throw new InvalidInputException("IDX file " + file + " is shorter than its header says (truncated?).");
		}
		catch (final IOException e) {
			throw new InvalidInputException("Cannot read IDX file " + file + ": " + e.getMessage());
		}
	}

	private static DataInputStream stream(final Path file) throws IOException {
		InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
		if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) in = new GZIPInputStream(in, 1 <<
			16);
		return new DataInputStream(in);
	}

	private static int[] header(final DataInputStream in, final Path file, final int expectedDims)
		throws IOException
	{
		final int magic = in.readInt();
		final int type = (magic >> 8) & 0xff;
		final int dims = magic & 0xff;
		if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || dims != expectedDims) {
			throw new InvalidInputException("Expected an IDX file of unsigned bytes with " + expectedDims +
				" dimension(s), but " + file + " starts with " + String.format(Locale.ROOT, "0x%08x", magic) + ".");
		}
		final int[] out = new int[dims];
		for (int i = 0; i < dims; i++) {
			out[i] = in.readInt();
			if (out[i] < 1 || out[i] > 100_000_000) {
				throw new InvalidInputException("IDX file " + file + " declares a dimension of " + out[i] + ".");
			}
		}
		return out;
	}
}
