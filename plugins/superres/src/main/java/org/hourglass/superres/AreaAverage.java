package org.hourglass.superres;

import org.hourglass.api.image.Plane;

/**
 * Downscaling by pixel binning: each output pixel is the mean of a {@code factor × factor} block of input
 * pixels, as a camera with larger pixels (or a microscope's binning) records it. Pixels beyond the last whole
 * block of a row or column are left out, as ImageJ's {@code Image › Transform › Bin} does.
 */
public final class AreaAverage {

	private AreaAverage() {}

	/**
	 * {@code floor(width / factor)} × {@code floor(height / factor)}, every channel.
	 *
	 * @throws IllegalArgumentException if {@code factor} is below 1 or larger than a side of the plane
	 */
	public static Plane downscale(final Plane plane, final int factor) {
		if (factor < 1 || factor > plane.width() || factor > plane.height()) {
			throw new IllegalArgumentException("cannot bin " + plane + " by " + factor);
		}
		final int w = plane.width();
		final int h = plane.height();
		final int ow = w / factor;
		final int oh = h / factor;
		final float[] src = plane.data();
		final float[] out = new float[ow * oh * plane.channels()];
		final double norm = 1.0 / (factor * factor);
		for (int c = 0; c < plane.channels(); c++) {
			for (int y = 0; y < oh; y++) {
				for (int x = 0; x < ow; x++) {
					double sum = 0;
					for (int dy = 0; dy < factor; dy++) {
						final int row = (c * h + y * factor + dy) * w + x * factor;
						for (int dx = 0; dx < factor; dx++) sum += src[row + dx];
					}
					out[(c * oh + y) * ow + x] = (float) (sum * norm);
				}
			}
		}
		return new Plane(ow, oh, plane.channels(), out);
	}
}
