package org.hourglass.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hourglass.api.image.Region;
import org.hourglass.spark.zarr.ZarrArray;

/**
 * One task of a {@link VolumeJob}: the planes of one chunk position along the leading dimensions (t, c, z), and a
 * rectangle of whole chunks in y and x.
 *
 * @param slab the chunk indices along the leading dimensions
 * @param cy0 first chunk row
 * @param cy1 one past the last chunk row
 * @param cx0 first chunk column
 * @param cx1 one past the last chunk column
 * @param normalization {@code {offset, scale}} of each of the slab's planes when the planes are split into several
 *          blocks (each block is normalised as its whole plane), or {@code null}: each block is its whole plane
 */
record Block(long[] slab, long cy0, long cy1, long cx0, long cx1, double[][] normalization) implements Serializable {

	/**
	 * The blocks of an array: for every slab, rectangles of about {@code side}×{@code side} pixels in whole chunks
	 * (at least one chunk), without normalisations.
	 */
	static List<Block> of(final ZarrArray a, final int side) {
		final int d = a.dimensions();
		final long rows = a.chunkCount(d - 2);
		final long columns = a.chunkCount(d - 1);
		final long dy = Math.max(1, side / a.chunks()[d - 2]);
		final long dx = Math.max(1, side / a.chunks()[d - 1]);
		final List<Block> out = new ArrayList<>();
		for (final long[] slab : slabs(a)) {
			for (long cy = 0; cy < rows; cy += dy) {
				for (long cx = 0; cx < columns; cx += dx) {
					out.add(new Block(slab, cy, Math.min(rows, cy + dy), cx, Math.min(columns, cx + dx), null));
				}
			}
		}
		return out;
	}

	/** The block of all of the slab's planes. */
	static Block whole(final ZarrArray a, final long[] slab) {
		final int d = a.dimensions();
		return new Block(slab, 0, a.chunkCount(d - 2), 0, a.chunkCount(d - 1), null);
	}

	/** Every chunk-grid position along the leading dimensions, in C order. */
	static List<long[]> slabs(final ZarrArray a) {
		final int lead = a.dimensions() - 2;
		final List<long[]> out = new ArrayList<>();
		final long[] index = new long[lead];
		while (true) {
			out.add(index.clone());
			int d = lead - 1;
			while (d >= 0 && ++index[d] == a.chunkCount(d)) index[d--] = 0;
			if (d < 0) return out;
		}
	}

	/** True if the block is all of its planes. */
	boolean wholePlanes(final ZarrArray a) {
		final int d = a.dimensions();
		return cy0 == 0 && cx0 == 0 && cy1 == a.chunkCount(d - 2) && cx1 == a.chunkCount(d - 1);
	}

	/** The same block, normalised with {@code planes}' parameters. */
	Block normalized(final double[][] planes) {
		return new Block(slab, cy0, cy1, cx0, cx1, planes);
	}

	/** The block's pixels in each plane of array {@code a} (of the input, or of an output of the same grid). */
	Region region(final ZarrArray a) {
		final int d = a.dimensions();
		final long h = a.shape()[d - 2];
		final long w = a.shape()[d - 1];
		final int ch = a.chunks()[d - 2];
		final int cw = a.chunks()[d - 1];
		final int x = (int) (cx0 * cw);
		final int y = (int) (cy0 * ch);
		return new Region(x, y, (int) (Math.min(w, cx1 * cw) - x), (int) (Math.min(h, cy1 * ch) - y));
	}

	/** The block's chunks in an array of the same grid, in C order. */
	List<long[]> chunks(final ZarrArray a) {
		final int d = a.dimensions();
		final List<long[]> out = new ArrayList<>();
		for (long cy = cy0; cy < cy1; cy++) {
			for (long cx = cx0; cx < cx1; cx++) {
				final long[] c = Arrays.copyOf(slab, d);
				c[d - 2] = cy;
				c[d - 1] = cx;
				out.add(c);
			}
		}
		return out;
	}

	/** The block's name in messages and reports: its slab and chunk rectangle. */
	String name() {
		return slabName(slab) + " y " + cy0 + (cy1 - cy0 > 1 ? "-" + (cy1 - 1) : "") + " x " + cx0 + (cx1 - cx0 > 1 ? "-" +
			(cx1 - 1) : "");
	}

	/** A slab's name: its chunk indices along the leading dimensions. */
	static String slabName(final long[] slab) {
		return slab.length == 0 ? "[all planes]" : Arrays.toString(slab);
	}
}
