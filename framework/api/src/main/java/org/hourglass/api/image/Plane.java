package org.hourglass.api.image;

import java.util.Arrays;
import java.util.List;

/**
 * A 2-D image of 32-bit floats with one or more channels, stored channel by channel and within a channel
 * row by row ({@code data[(c * height + y) * width + x]}).
 * <p>
 * The unit of data everywhere in Hourglass: a slice or frame of an ImageJ image becomes one plane, with its
 * channels either as separate single-channel planes or together in one multi-channel plane. The array is
 * shared, not copied: whoever holds a plane may read it; only its creator writes it, and only before handing
 * it on.
 */
public final class Plane {

	private final int width;
	private final int height;
	private final int channels;
	private final float[] data;

	/** Wraps {@code data} as one channel; its length must be {@code width * height}. */
	public Plane(final int width, final int height, final float[] data) {
		this(width, height, 1, data);
	}

	/** Wraps {@code data}, channel by channel; its length must be {@code width * height * channels}. */
	public Plane(final int width, final int height, final int channels, final float[] data) {
		if (width < 1 || height < 1 || channels < 1) {
			throw new IllegalArgumentException("plane size must be positive, got " + width + "x" + height + "x" +
				channels);
		}
		if (data.length != (long) width * height * channels) {
			throw new IllegalArgumentException("plane " + width + "x" + height + (channels > 1 ? "x" + channels : "") +
				" needs " + (long) width * height * channels + " values, got " + data.length);
		}
		this.width = width;
		this.height = height;
		this.channels = channels;
		this.data = data;
	}

	/** A new single-channel plane of zeros. */
	public Plane(final int width, final int height) {
		this(width, height, 1, new float[checkedSize(width, height, 1)]);
	}

	/** A new plane of zeros with {@code channels} channels. */
	public static Plane zeros(final int width, final int height, final int channels) {
		return new Plane(width, height, channels, new float[checkedSize(width, height, channels)]);
	}

	/** One multi-channel plane from single- or multi-channel planes of the same size, channels in order. */
	public static Plane stack(final List<Plane> parts) {
		if (parts.isEmpty()) throw new IllegalArgumentException("no planes to stack");
		final Plane first = parts.get(0);
		int channels = 0;
		for (final Plane p : parts) {
			if (p.width != first.width || p.height != first.height) {
				throw new IllegalArgumentException("planes to stack must have the same size, got " + first + " and " + p);
			}
			channels += p.channels;
		}
		final float[] all = new float[checkedSize(first.width, first.height, channels)];
		int at = 0;
		for (final Plane p : parts) {
			System.arraycopy(p.data, 0, all, at, p.data.length);
			at += p.data.length;
		}
		return new Plane(first.width, first.height, channels, all);
	}

	private static int checkedSize(final int width, final int height, final int channels) {
		final long n = (long) width * height * channels;
		if (width < 1 || height < 1 || channels < 1 || n > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("unsupported plane size " + width + "x" + height + "x" + channels);
		}
		return (int) n;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	public int channels() {
		return channels;
	}

	/** Values per channel: {@code width * height}. */
	public int pixels() {
		return width * height;
	}

	/** The backing array, channel by channel, row by row; not a copy. */
	public float[] data() {
		return data;
	}

	/** The value at ({@code x}, {@code y}) of channel 0. */
	public float get(final int x, final int y) {
		return data[y * width + x];
	}

	public float get(final int channel, final int x, final int y) {
		return data[(channel * height + y) * width + x];
	}

	/** Sets the value at ({@code x}, {@code y}) of channel 0. */
	public void set(final int x, final int y, final float v) {
		data[y * width + x] = v;
	}

	public void set(final int channel, final int x, final int y, final float v) {
		data[(channel * height + y) * width + x] = v;
	}

	/** Channel {@code c} as a new single-channel plane (the plane itself if it has one channel). */
	public Plane channel(final int c) {
		if (c < 0 || c >= channels) {
			throw new IllegalArgumentException("channel " + c + " is outside 0.." + (channels - 1));
		}
		if (channels == 1) return this;
		final int n = pixels();
		return new Plane(width, height, 1, Arrays.copyOfRange(data, c * n, (c + 1) * n));
	}

	/** A deep copy. */
	public Plane copy() {
		return new Plane(width, height, channels, data.clone());
	}

	/** A copy of the rectangle at ({@code x}, {@code y}) of size {@code w}×{@code h}, all channels; it must lie inside. */
	public Plane crop(final int x, final int y, final int w, final int h) {
		if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > width || y + h > height) {
			throw new IllegalArgumentException("crop " + w + "x" + h + " at (" + x + "," + y +
				") does not fit in " + width + "x" + height);
		}
		final float[] out = new float[w * h * channels];
		for (int c = 0; c < channels; c++) {
			for (int row = 0; row < h; row++) {
				System.arraycopy(data, (c * height + y + row) * width + x, out, (c * h + row) * w, w);
			}
		}
		return new Plane(w, h, channels, out);
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
		return o instanceof Plane p && p.width == width && p.height == height && p.channels == channels &&
			Arrays.equals(p.data, data);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * (31 * width + height) + channels) + Arrays.hashCode(data);
	}

	@Override
	public String toString() {
		return "Plane[" + width + "x" + height + (channels > 1 ? "x" + channels : "") + "]";
	}
}
