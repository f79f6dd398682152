package org.hourglass.imagej.codes;

import java.util.SplittableRandom;

/**
 * Which images of a set are held out to validate on: a random choice rather than the last ones, so that images
 * sorted by class or time validate on a fair mix, and the same random numbers always hold out the same images.
 */
public final class HeldOut {

	private HeldOut() {}

	/**
	 * Which of {@code n} images are held out: the first {@code count} of a Fisher–Yates shuffle drawn from
	 * {@code random}.
	 *
	 * @return one flag per image, true for the {@code count} held out
	 * @throws IllegalArgumentException if {@code count} is negative or more than {@code n}
	 */
	public static boolean[] choose(final int n, final int count, final SplittableRandom random) {
		if (count < 0 || count > n) {
			throw new IllegalArgumentException("cannot hold out " + count + " of " + n + " images");
		}
		final int[] order = new int[n];
		for (int i = 0; i < n; i++) order[i] = i;
		for (int i = n - 1; i > 0; i--) {
			final int j = random.nextInt(i + 1);
			final int t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		final boolean[] held = new boolean[n];
		for (int k = 0; k < count; k++) held[order[k]] = true;
		return held;
	}
}
