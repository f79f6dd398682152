package org.hourglass.engine.train;

import org.hourglass.api.image.Plane;

/** The 8 symmetries of a square: 4 rotations by 90°, each with or without a mirror. */
final class Augmentation {

	static final int COUNT = 8;

	private Augmentation() {}

	/** A new plane: {@code (transform & 3)} quarter turns, then a horizontal mirror if {@code transform >= 4}. */
	static Plane apply(final Plane p, final int transform) {
		if (transform == 0) return p;
		final int n = p.width();
		if (p.height() != n) throw new IllegalArgumentException("augmentation needs square patches");
		final float[] src = p.data();
		final float[] dst = new float[src.length];
		final int turns = transform & 3;
		final boolean mirror = transform >= 4;
		for (int y = 0; y < n; y++) {
			for (int x = 0; x < n; x++) {
				int sx = mirror ? n - 1 - x : x;
				int sy = y;
				for (int t = 0; t < turns; t++) {
					final int tmp = sx;
					sx = sy;
					sy = n - 1 - tmp;
				}
				dst[y * n + x] = src[sy * n + sx];
			}
		}
		return new Plane(n, n, dst);
	}
}
