package org.hourglass.engine.file;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One stored tensor: its shape and its values in row-major (C) order.
 *
 * @param shape the dimensions; the empty shape is a scalar
 * @param values the values; {@link #elementCount()} of them when the array is well formed
 */
public record StoredArray(long[] shape, float[] values) {

	/** A copy of {@code a}'s shape and values, in C order. */
	public static StoredArray of(final INDArray a) {
		try (INDArray c = a.dup('c')) {
			return new StoredArray(a.shape(), c.data().asFloat());
		}
	}

	/** The product of the dimensions, or -1 if a dimension is negative or the product overflows. */
	public long elementCount() {
		return elementCount(shape);
	}

	/** The product of {@code dims}, or -1 if a dimension is negative or the product overflows a long. */
	static long elementCount(final long[] dims) {
		long n = 1;
		for (final long d : dims) {
			if (d < 0) return -1;
			if (d != 0 && n > Long.MAX_VALUE / d) return -1;
			n *= d;
		}
		return n;
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof StoredArray a && Arrays.equals(a.shape, shape) && Arrays.equals(a.values, values);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
	}

	@Override
	public String toString() {
		return "StoredArray" + Arrays.toString(shape);
	}
}
