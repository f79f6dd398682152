package org.hourglass.engine.predict;

/** Mirror indexing at image edges without repeating the edge pixel: -1 → 1, size → size - 2. */
final class Reflection {

	private Reflection() {}

	static int index(final int i, final int size) {
		if (size == 1) return 0;
		if (i >= 0 && i < size) return i;
		final int period = 2 * (size - 1);
		int m = Math.floorMod(i, period);
		return m < size ? m : period - m;
	}
}
