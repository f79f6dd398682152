package org.hourglass.denoise;

import java.util.SplittableRandom;

import org.hourglass.api.image.Plane;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingPair;

/**
 * Blind-spot training pairs (the Noise2Void idea): the patch is cut into a grid of cells and in every cell
 * one random pixel is masked, replaced by the value of another random pixel from its
 * {@code (2 radius + 1)²} neighbourhood (never itself, always inside the patch). The target is the
 * unchanged patch and the mask is 1 at the masked pixels, so a masked loss asks the network to predict each
 * masked pixel from its surroundings only: it cannot learn the identity, and pixel-independent noise, which
 * the surroundings do not predict, is averaged away.
 * <p>
 * With the default 4×4 cells, 1/16 ≈ 6 % of the pixels are masked (N2V masks about 0.2 %; more masked pixels
 * give more training signal per step, which wins within a time budget on real microscopy); the default
 * radius 5 gives N2V's 11×11 neighbourhood. The channels of a multi-channel patch are masked at positions of their own.
 * <p>
 * With a {@link LineMask}, the pixels of a short line through each masked pixel are hidden as well (replaced
 * by random pixels of the patch off their own line), and the masked pixel's replacement never comes from its
 * line: for noise correlated along that line.
 */
public final class BlindSpotMasker implements PairMaker {

	public static final int DEFAULT_CELL = 4;
	public static final int DEFAULT_RADIUS = 5;

	private final int cell;
	private final int radius;
	private final LineMask line;

	/**
	 * @param cell width and height of the grid cells, at least 2: one pixel of each is masked
	 * @param radius the largest distance along x and y of the pixel that replaces a masked one, at least 1
	 * @param line the structured mask, or {@code null} for none
	 */
	public BlindSpotMasker(final int cell, final int radius, final LineMask line) {
		if (cell < 2) throw new IllegalArgumentException("grid cells must be at least 2x2, got " + cell);
		if (radius < 1) throw new IllegalArgumentException("neighbourhood radius must be at least 1, got " + radius);
		this.cell = cell;
		this.radius = radius;
		this.line = line;
	}

	/** Without a structured mask. */
	public BlindSpotMasker(final int cell, final int radius) {
		this(cell, radius, null);
	}

	/** 4×4 cells and radius 5. */
	public BlindSpotMasker() {
		this(DEFAULT_CELL, DEFAULT_RADIUS);
	}

	public int cell() {
		return cell;
	}

	public int radius() {
		return radius;
	}

	/**
	 * @param target ignored: the target is {@code input} itself
	 * @throws IllegalArgumentException if the patch has a single pixel (nothing to replace it with)
	 */
	@Override
	public TrainingPair make(final Plane input, final Plane target, final SplittableRandom random) {
		final int w = input.width();
		final int h = input.height();
		if (w * h < 2) throw new IllegalArgumentException("a blind-spot patch needs at least two pixels");
		if (line != null && (line.axis() == LineMask.Axis.HORIZONTAL ? w : h) <= 2 * line.half() + 1) {
			throw new IllegalArgumentException("a " + line + " mask needs patches longer than the line, got " + w + "x" +
				h);
		}
		final float[] src = input.data();
		final float[] masked = src.clone();
		final float[] mask = new float[src.length];
		final int span = 2 * radius + 1;
		// every channel is masked at positions of its own, so the other channels there stay visible
		for (int c = 0, at = 0; c < input.channels(); c++, at += w * h) {
			for (int cy = 0; cy < h; cy += cell) {
				for (int cx = 0; cx < w; cx += cell) {
					final int x = cx + random.nextInt(Math.min(cell, w - cx));
					final int y = cy + random.nextInt(Math.min(cell, h - cy));
					int nx;
					int ny;
					do {
						nx = x + random.nextInt(span) - radius;
						ny = y + random.nextInt(span) - radius;
					}
					while (nx == x && ny == y || nx < 0 || ny < 0 || nx >= w || ny >= h || line != null && line.onLine(nx,
						ny, x, y));
					masked[at + y * w + x] = src[at + ny * w + nx];
					mask[at + y * w + x] = 1;
					if (line != null) hideLine(src, masked, at, w, h, x, y, random);
				}
			}
		}
		final int c = input.channels();
		return new TrainingPair(new Plane(w, h, c, masked), input, new Plane(w, h, c, mask));
	}

	/**
	 * Replaces the line's pixels around ({@code x}, {@code y}) in the channel at {@code at} by random pixels of that
	 * channel off their own line and off the masked pixel's.
	 */
	private void hideLine(final float[] src, final float[] masked, final int at, final int w, final int h, final int x,
		final int y, final SplittableRandom random)
	{
		for (int k = -line.half(); k <= line.half(); k++) {
			if (k == 0) continue;
			final int qx = line.axis() == LineMask.Axis.HORIZONTAL ? x + k : x;
			final int qy = line.axis() == LineMask.Axis.VERTICAL ? y + k : y;
			if (qx < 0 || qy < 0 || qx >= w || qy >= h) continue;
			int from;
			do {
				from = random.nextInt(w * h);
			}
			while (line.onLine(from % w, from / w, qx, qy) || line.onLine(from % w, from / w, x, y));
			masked[at + qy * w + qx] = src[at + from];
		}
	}

	@Override
	public String toString() {
		return "blind spot: one pixel per " + cell + "x" + cell + " cell, replaced from its " + (2 * radius + 1) + "x" +
			(2 * radius + 1) + " neighbourhood" + (line == null ? "" : ", with a " + line + " hidden");
	}
}
