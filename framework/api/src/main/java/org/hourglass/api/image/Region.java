package org.hourglass.api.image;

/**
 * A rectangle of pixels of a plane: columns {@code x .. x + width - 1}, rows {@code y .. y + height - 1}.
 *
 * @param x first column
 * @param y first row
 * @param width columns, at least 1
 * @param height rows, at least 1
 */
public record Region(int x, int y, int width, int height) {

	public Region {
		if (width < 1 || height < 1) {
			throw new IllegalArgumentException("a region has at least one pixel, got " + width + "x" + height);
		}
	}

	/** The whole of a {@code width}×{@code height} plane. */
	public static Region whole(final int width, final int height) {
		return new Region(0, 0, width, height);
	}

	/** One past the last column. */
	public int endX() {
		return x + width;
	}

	/** One past the last row. */
	public int endY() {
		return y + height;
	}

	/** True if {@code other} lies inside this region. */
	public boolean contains(final Region other) {
		return other.x >= x && other.y >= y && other.endX() <= endX() && other.endY() <= endY();
	}

	@Override
	public String toString() {
		return width + "x" + height + " at (" + x + ", " + y + ")";
	}
}
