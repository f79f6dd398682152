package org.hourglass.engine.file;

import java.util.Arrays;

/**
 * Where an array lives in a model file and its shape, as the metadata's index records it.
 *
 * @param entry the zip entry holding the values as little-endian float32
 * @param shape the dimensions
 */
record EntryRef(String entry, long[] shape) {

	/** Bytes the entry must hold, or -1 if the shape is invalid or too large to describe. */
	long byteCount() {
		final long n = StoredArray.elementCount(shape);
		return n < 0 || n > Long.MAX_VALUE / Float.BYTES ? -1 : n * Float.BYTES;
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof EntryRef r && r.entry.equals(entry) && Arrays.equals(r.shape, shape);
	}

	@Override
	public int hashCode() {
		return entry.hashCode() * 31 + Arrays.hashCode(shape);
	}

	@Override
	public String toString() {
		return entry + Arrays.toString(shape);
	}
}
