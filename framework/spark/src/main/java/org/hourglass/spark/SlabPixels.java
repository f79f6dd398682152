package org.hourglass.spark;

import java.io.IOException;
import java.util.Arrays;

import org.apache.hadoop.fs.FileSystem;
import org.hourglass.api.image.Region;
import org.hourglass.spark.zarr.ZarrArray;

/**
 * The pixels of a slab (the planes of one chunk position along the leading dimensions) in a rectangle of y and x,
 * plane after plane in C order of the leading dimensions: read from all the chunks the rectangle meets, and cut
 * into the chunks of an output array of the same grid.
 */
final class SlabPixels {

	private SlabPixels() {}

	/** The values of region {@code r} of each of the slab's planes, row by row. */
	static float[][] read(final FileSystem fs, final ZarrArray a, final long[] slab, final Region r) throws IOException {
		return read(fs, a, slab, r, 0, product(extent(a, slab)));
	}

	/** The values of region {@code r} of the slab's planes {@code first .. first + count - 1}, row by row. */
	static float[][] read(final FileSystem fs, final ZarrArray a, final long[] slab, final Region r, final int first,
		final int count) throws IOException
	{
		final int d = a.dimensions();
		final int ch = a.chunks()[d - 2];
		final int cw = a.chunks()[d - 1];
		final int[] extent = extent(a, slab);
		final float[][] planes = new float[count][r.width() * r.height()];
		final long[] index = Arrays.copyOf(slab, d);
		for (long cy = r.y() / ch; cy * ch < r.endY(); cy++) {
			for (long cx = r.x() / cw; cx * cw < r.endX(); cx++) {
				index[d - 2] = cy;
				index[d - 1] = cx;
				final float[] v = a.readChunk(fs, index);
				final int y0 = (int) Math.max(cy * ch, r.y());
				final int y1 = (int) Math.min((cy + 1) * ch, r.endY());
				final int x0 = (int) Math.max(cx * cw, r.x());
				final int x1 = (int) Math.min((cx + 1) * cw, r.endX());
				for (int p = 0; p < count; p++) {
					final int offset = offsetInChunk(a, extent, first + p) * ch * cw;
					for (int y = y0; y < y1; y++) {
						System.arraycopy(v, offset + (int) (y - cy * ch) * cw + (int) (x0 - cx * cw), planes[p], (y - r.y()) * r
							.width() + x0 - r.x(), x1 - x0);
					}
				}
			}
		}
		return planes;
	}

	/**
	 * Output chunk {@code c} of array {@code a} (full-size, zeros beyond the array's edge) from {@code planes}, the
	 * slab's values in region {@code r}, which holds the chunk's pixels.
	 */
	static float[] chunk(final ZarrArray a, final long[] c, final float[][] planes, final Region r) {
		final int d = a.dimensions();
		final int ch = a.chunks()[d - 2];
		final int cw = a.chunks()[d - 1];
		final int y0 = (int) c[d - 2] * ch;
		final int x0 = (int) c[d - 1] * cw;
		final int rows = (int) Math.min(ch, a.shape()[d - 2] - y0);
		final int cols = (int) Math.min(cw, a.shape()[d - 1] - x0);
		final int[] extent = extent(a, Arrays.copyOf(c, d - 2));
		final float[] v = new float[a.chunkValues()];
		for (int p = 0; p < planes.length; p++) {
			final int offset = offsetInChunk(a, extent, p) * ch * cw;
			for (int y = 0; y < rows; y++) {
				System.arraycopy(planes[p], (y0 + y - r.y()) * r.width() + x0 - r.x(), v, offset + y * cw, cols);
			}
		}
		return v;
	}

	/** The planes of the slab along each leading dimension (fewer than a chunk at the array's end). */
	static int[] extent(final ZarrArray a, final long[] slab) {
		final int[] e = new int[slab.length];
		for (int i = 0; i < slab.length; i++) {
			e[i] = (int) Math.min(a.chunks()[i], a.shape()[i] - slab[i] * a.chunks()[i]);
		}
		return e;
	}

	/** The position among a chunk's planes (C order over its full leading sizes) of the slab's plane {@code p}. */
	private static int offsetInChunk(final ZarrArray a, final int[] extent, final int p) {
		int rest = p;
		int offset = 0;
		int stride = 1;
		for (int i = extent.length - 1; i >= 0; i--) {
			offset += rest % extent[i] * stride;
			rest /= extent[i];
			stride *= a.chunks()[i];
		}
		return offset;
	}

	static int product(final int[] e) {
		int n = 1;
		for (final int v : e) n *= v;
		return n;
	}
}
