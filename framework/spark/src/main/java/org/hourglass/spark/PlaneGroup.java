package org.hourglass.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.hourglass.spark.zarr.ZarrArray;

/**
 * Some of a slab's planes, read whole by one task of the normalisation stage of a {@link VolumeJob}: as many as fit
 * in {@link #VALUES} values, so that a task's memory stays bounded however many planes a chunk holds (each chunk
 * is then read once per group of its slab).
 *
 * @param slab the chunk indices along the leading dimensions
 * @param first the first plane of the group, in the slab's plane order
 * @param count the group's planes, at least 1
 */
record PlaneGroup(long[] slab, int first, int count) implements Serializable {

	/** Pixels of whole planes a group holds at most, unless one plane is larger (512 MB as 32-bit values). */
	static final long VALUES = 1L << 27;

	/** The groups of every slab of {@code a}, in order, with at most {@code values} pixels each (one plane at least). */
	static List<PlaneGroup> of(final ZarrArray a, final long values) {
		final int d = a.dimensions();
		final long plane = a.shape()[d - 1] * a.shape()[d - 2];
		final int size = (int) Math.max(1, Math.min(Integer.MAX_VALUE, values / plane));
		final List<PlaneGroup> out = new ArrayList<>();
		for (final long[] slab : Block.slabs(a)) {
			final int planes = SlabPixels.product(SlabPixels.extent(a, slab));
			for (int first = 0; first < planes; first += size) {
				out.add(new PlaneGroup(slab, first, Math.min(size, planes - first)));
			}
		}
		return out;
	}
}
