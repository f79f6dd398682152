package org.hourglass.superres;

import org.hourglass.api.image.Plane;

/**
 * RGB ↔ YCbCr as ITU-R BT.601 defines it for 8-bit video and MATLAB's {@code rgb2ycbcr} computes it: Y in
 * [16, 235], Cb and Cr in [16, 240] for R, G, B in [0, 255]. The super-resolution literature measures PSNR on
 * this Y, so Upscale and Evaluate use the same.
 */
public final class YCbCr {

	/** Rows Y, Cb, Cr; columns R, G, B; for values in [0, 255]. */
	private static final double[][] FORWARD = {
		{ 65.481 / 255, 128.553 / 255, 24.966 / 255 },
		{ -37.797 / 255, -74.203 / 255, 112.0 / 255 },
		{ 112.0 / 255, -93.786 / 255, -18.214 / 255 } };
	private static final double[] OFFSET = { 16, 128, 128 };
	private static final double[][] INVERSE = invert(FORWARD);

	private YCbCr() {}

	/**
	 * The Y, Cb and Cr planes of packed RGB pixels ({@code 0xRRGGBB}), as unrounded floats.
	 *
	 * @return three planes of {@code width × height}: Y, Cb, Cr
	 */
	public static Plane[] fromRgb(final int[] rgb, final int width, final int height) {
		final float[][] out = new float[3][rgb.length];
		for (int i = 0; i < rgb.length; i++) {
			final int r = (rgb[i] >> 16) & 0xff;
			final int g = (rgb[i] >> 8) & 0xff;
			final int b = rgb[i] & 0xff;
			for (int k = 0; k < 3; k++) {
				out[k][i] = (float) (OFFSET[k] + FORWARD[k][0] * r + FORWARD[k][1] * g + FORWARD[k][2] * b);
			}
		}
		return new Plane[] { new Plane(width, height, out[0]), new Plane(width, height, out[1]), new Plane(width,
			height, out[2]) };
	}

	/** Y of one RGB pixel, unrounded. */
	public static double luma(final int rgb) {
		return OFFSET[0] + FORWARD[0][0] * ((rgb >> 16) & 0xff) + FORWARD[0][1] * ((rgb >> 8) & 0xff) +
			FORWARD[0][2] * (rgb & 0xff);
	}

	/** Packed RGB pixels from Y, Cb and Cr planes of one size, each component rounded and clipped to [0, 255]. */
	public static int[] toRgb(final Plane y, final Plane cb, final Plane cr) {
		final float[] a = y.data();
		final float[] b = cb.data();
		final float[] c = cr.data();
		if (b.length != a.length || c.length != a.length) {
			throw new IllegalArgumentException("Y, Cb and Cr must have one size, got " + y + ", " + cb + ", " + cr);
		}
		final int[] out = new int[a.length];
		for (int i = 0; i < a.length; i++) {
			final double dy = a[i] - OFFSET[0];
			final double db = b[i] - OFFSET[1];
			final double dc = c[i] - OFFSET[2];
			int pixel = 0;
			for (int k = 0; k < 3; k++) {
				pixel = pixel << 8 | clip(INVERSE[k][0] * dy + INVERSE[k][1] * db + INVERSE[k][2] * dc);
			}
			out[i] = pixel;
		}
		return out;
	}

	private static int clip(final double v) {
		if (!(v > 0)) return 0;
		return v >= 255 ? 255 : (int) Math.round(v);
	}

	private static double[][] invert(final double[][] m) {
		final double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] *
			m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
		final double[][] inv = new double[3][3];
		for (int i = 0; i < 3; i++) {
			for (int j = 0; j < 3; j++) {
				// the cofactor of m[j][i], divided by the determinant
				final int r0 = (j + 1) % 3;
				final int r1 = (j + 2) % 3;
				final int c0 = (i + 1) % 3;
				final int c1 = (i + 2) % 3;
				inv[i][j] = (m[r0][c0] * m[r1][c1] - m[r0][c1] * m[r1][c0]) / det;
			}
		}
		return inv;
	}
}
