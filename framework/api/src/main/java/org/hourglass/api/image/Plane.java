package org.hourglass.api.image;

import java.util.Arrays;

/**
 * A single-channel 2-D image of 32-bit floats, stored row by row ({@code data[y * width + x]}).
 * <p>
 * The unit of data everywhere in Hourglass: a slice, frame or channel of an ImageJ image becomes one
 * plane. The array is shared, not copied: whoever holds a plane may read it; only its creator writes
 * it, and only before handing it on.
 */
public final class Plane {

	private final int width;
	private final int height;
	private final float[] data;

	/** Wraps {@code data}; its length must be {@code width * height}. */
	public Plane(final int width, final int height, final float[] data) {
		if (width < 1 || height < 1) {
			throw new IllegalArgumentException("plane size must be positive, got " + width + "x" + height);
		}
		if (data.length != (long) width * height) {
			throw new IllegalArgumentException("plane " + width + "x" + height + " needs " +
				(long) width * height + " values, got " + data.length);
		}
		this.width = width;
		this.height = height;
		this.data = data;
	}

	/** A new plane of zeros. */
	public Plane(final int width, final int height) {
		this(width, height, new float[checkedSize(width, height)]);
	}

	private static int checkedSize(final int width, final int height) {
		final long n = (long) width * height;
		if (width < 1 || height < 1 || n > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("unsupported plane size " + width + "x" + height);
		}
		return (int) n;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** The backing array, row by row; not a copy. */
	public float[] data() {
		return data;
	}

	public float get(final int x, final int y) {
		return data[y * width + x];
	}

	public void set(final int x, final int y, final float v) {
		data[y * width + x] = v;
	}

	/** A deep copy. */
	public Plane copy() {
		return new Plane(width, height, data.clone());
	}

	/** A copy of the rectangle at ({@code x}, {@code y}) of size {@code w}×{@code h}; it must lie inside. */
	public Plane crop(final int x, final int y, final int w, final int h) {
		if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > width || y + h > height) {
			throw new IllegalArgumentException("crop " + w + "x" + h + " at (" + x + "," + y +
				") does not fit in " + width + "x" + height);
		}
		final float[] out = new float[w * h];
		for (int row = 0; row < h; row++) {
			System.arraycopy(data, (y + row) * width + x, out, row * w, w);
		}
		return new Plane(w, h, out);
	}

	/** True if any value is NaN or infinite. */
	public boolean hasNonFinite() {
		for (final float v : data) {
			if (!Float.isFinite(v)) return true;
		}
		return false;
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof Plane p && p.width == width && p.height == height &&
			Arrays.equals(p.data, data);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * width + height) + Arrays.hashCode(data);
	}

	@Override
	public String toString() {
		return "Plane[" + width + "x" + height + "]";
	}
}
