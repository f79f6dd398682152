package org.hourglass.engine.image;

import org.hourglass.api.image.Plane;
import org.hourglass.api.image.PlanePart;
import org.hourglass.api.image.Region;

/**
 * The 8 symmetries of the square grid: a horizontal mirror or not, then 0 to 3 quarter turns clockwise,
 * applied to every channel of a plane of any shape (a quarter turn swaps width and height). Training augments
 * patches with them; test-time augmentation predicts under each and maps the results back.
 */
public final class Symmetry {

	/** Number of symmetries; transforms are numbered {@code 0 .. COUNT - 1}, 0 being the identity. */
	public static final int COUNT = 8;

	private Symmetry() {}

	/** A new plane ({@code p} itself for transform 0): mirrored if {@code transform >= 4}, then {@code transform & 3} quarter turns. */
	public static Plane apply(final Plane p, final int transform) {
		check(transform);
		Plane out = transform >= 4 ? mirror(p) : p;
		for (int t = 0; t < (transform & 3); t++) out = turn(out);
		return out;
	}

	/** The inverse of {@link #apply}: {@code invert(apply(p, t), t)} equals {@code p}. */
	public static Plane invert(final Plane p, final int transform) {
		check(transform);
		Plane out = p;
		for (int t = 0; t < (4 - (transform & 3)) % 4; t++) out = turn(out);
		return transform >= 4 ? mirror(out) : out;
	}

	/** Where region {@code r} of a {@code w}×{@code h} plane lies in {@link #apply}'s result. */
	public static Region apply(final Region r, final int w, final int h, final int transform) {
		check(transform);
		Region out = transform >= 4 ? mirror(r, w) : r;
		int width = w;
		int height = h;
		for (int t = 0; t < (transform & 3); t++) {
			out = turn(out, height);
			final int swap = width;
			width = height;
			height = swap;
		}
		return out;
	}

	/**
	 * Where region {@code r} of a {@code w}×{@code h} plane made by {@link #apply} lies in the original plane:
	 * the inverse of {@link #apply(Region, int, int, int)}.
	 */
	public static Region invert(final Region r, final int w, final int h, final int transform) {
		check(transform);
		Region out = r;
		int width = w;
		int height = h;
		for (int t = 0; t < (4 - (transform & 3)) % 4; t++) {
			out = turn(out, height);
			final int swap = width;
			width = height;
			height = swap;
		}
		return transform >= 4 ? mirror(out, width) : out;
	}

	/** The part of a plane as it lies in {@link #apply}'s result. */
	public static PlanePart apply(final PlanePart p, final int transform) {
		final int w = p.fullWidth();
		final int h = p.fullHeight();
		final boolean swapped = (transform & 1) == 1;
		return new PlanePart(swapped ? h : w, swapped ? w : h, apply(p.crop(), w, h, transform), apply(p.wanted(), w,
			h, transform));
	}

	/** Region {@code r} of a plane {@code w} wide, mirrored. */
	private static Region mirror(final Region r, final int w) {
		return new Region(w - r.endX(), r.y(), r.width(), r.height());
	}

	/** Region {@code r} of a plane {@code h} high after a quarter turn: input (x, y) goes to (h − 1 − y, x). */
	private static Region turn(final Region r, final int h) {
		return new Region(h - r.endY(), r.x(), r.height(), r.width());
	}

	private static void check(final int transform) {
		if (transform < 0 || transform >= COUNT) throw new IllegalArgumentException("no symmetry " + transform);
	}

	/** out(x, y) = in(w − 1 − x, y). */
	private static Plane mirror(final Plane p) {
		final int w = p.width();
		final int h = p.height();
		final float[] src = p.data();
		final float[] dst = new float[src.length];
		for (int row = 0; row < h * p.channels(); row++) {
			final int base = row * w;
			for (int x = 0; x < w; x++) dst[base + x] = src[base + w - 1 - x];
		}
		return new Plane(w, h, p.channels(), dst);
	}

	/** A quarter turn clockwise: the result is h×w and out(x, y) = in(y, h − 1 − x). */
	private static Plane turn(final Plane p) {
		final int w = p.width();
		final int h = p.height();
		final int n = w * h;
		final float[] src = p.data();
		final float[] dst = new float[src.length];
		for (int c = 0; c < p.channels(); c++) {
			final int base = c * n;
			for (int y = 0; y < w; y++) {
				for (int x = 0; x < h; x++) {
					dst[base + y * h + x] = src[base + (h - 1 - x) * w + y];
				}
			}
		}
		return new Plane(h, w, p.channels(), dst);
	}
}
