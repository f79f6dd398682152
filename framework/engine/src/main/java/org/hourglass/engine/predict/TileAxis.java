package org.hourglass.engine.predict;

/**
 * How one image axis is cut into tiles: {@code count} cores of {@code core} pixels starting at multiples of
 * {@code core} (a multiple of the network's down-sampling factor, so pooling sees the same grid in every
 * tile), each read with {@code halo} pixels of context on both sides and blended with its neighbours over
 * {@code 2·blend} pixels.
 */
record TileAxis(int size, int core, int count, int halo, int blend) {

	/** Evenly sized tiles of at most {@code maxCore} (rounded to {@code factor}) covering {@code size}. */
	static TileAxis of(final int size, final int maxCore, final int factor, final int halo, final int radius) {
		final int limit = roundUp(Math.max(maxCore, factor), factor);
		int count = ceilDiv(size, limit);
		final int core = Math.min(limit, roundUp(ceilDiv(size, count), factor));
		count = ceilDiv(size, core);
		final int blend = count == 1 ? 0 : Math.max(0, Math.min(halo - radius, core / 2));
		return new TileAxis(size, core, count, halo, blend);
	}

	static int roundUp(final int v, final int m) {
		return ceilDiv(v, m) * m;
	}

	static int ceilDiv(final int a, final int b) {
		return (a + b - 1) / b;
	}

	/** Width of the block read for each tile, core plus halos. */
	int block() {
		return core + 2 * halo;
	}

	int start(final int tile) {
		return tile * core;
	}

	/** First input coordinate (may be negative) of a tile's block. */
	int blockStart(final int tile) {
		return start(tile) - halo;
	}

	/** The first tile whose output reaches input coordinate {@code from} or beyond. */
	int firstReaching(final int from) {
		int i = 0;
		while (i < count - 1 && usedEnd(i, 1) <= from) i++;
		return i;
	}

	/** The last tile whose output starts before input coordinate {@code to}. */
	int lastReaching(final int to) {
		int i = count - 1;
		while (i > 0 && usedStart(i, 1) >= to) i--;
		return i;
	}

	/** First output coordinate this tile contributes to. */
	int usedStart(final int tile, final int upscale) {
		return Math.max(0, (start(tile) - (tile > 0 ? blend : 0)) * upscale);
	}

	/** One past the last output coordinate this tile contributes to. */
	int usedEnd(final int tile, final int upscale) {
		return Math.min(size, start(tile) + core + (tile < count - 1 ? blend : 0)) * upscale;
	}

	/**
	 * Blending weights of a tile for its used output range: cosine ramps across the overlaps with its
	 * neighbours, complementary so that overlapping weights add up to exactly 1.
	 */
	float[] weights(final int tile, final int upscale) {
		final int from = usedStart(tile, upscale);
		final int to = usedEnd(tile, upscale);
		final float[] w = new float[to - from];
		final double s = start(tile);
		final double e = s + core;
		for (int q = from; q < to; q++) {
			final double p = (q + 0.5) / upscale;
			double v = 1;
			if (blend > 0 && tile > 0 && p < s + blend) v = 0.5 - 0.5 * Math.cos(Math.PI * (p - (s - blend)) / (2 * blend));
			if (blend > 0 && tile < count - 1 && p >= e - blend) {
				v = 0.5 + 0.5 * Math.cos(Math.PI * (p - (e - blend)) / (2 * blend));
			}
			w[q - from] = (float) v;
		}
		return w;
	}
}
