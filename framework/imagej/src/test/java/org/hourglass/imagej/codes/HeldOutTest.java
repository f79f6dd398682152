package org.hourglass.imagej.codes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class HeldOutTest {

	/** The split models were trained with: changing the shuffle would validate them on other images. */
	@Test
	void theSameRandomNumbersHoldOutTheSameImages() {
		final boolean[] held = HeldOut.choose(10, 3, new SplittableRandom(7));
		assertArrayEquals(new boolean[] { true, true, false, false, false, true, false, false, false, false }, held);
		assertArrayEquals(held, HeldOut.choose(10, 3, new SplittableRandom(7)));
	}

	@Test
	void holdsOutNoneToAll() {
		assertArrayEquals(new boolean[4], HeldOut.choose(4, 0, new SplittableRandom(1)));
		assertArrayEquals(new boolean[] { true, true, true, true }, HeldOut.choose(4, 4, new SplittableRandom(1)));
		assertThrows(IllegalArgumentException.class, () -> HeldOut.choose(4, 5, new SplittableRandom(1)));
		assertThrows(IllegalArgumentException.class, () -> HeldOut.choose(4, -1, new SplittableRandom(1)));
	}
}
