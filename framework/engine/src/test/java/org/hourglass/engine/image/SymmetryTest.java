package org.hourglass.engine.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.hourglass.api.image.Plane;
import org.junit.jupiter.api.Test;

class SymmetryTest {

	/** 3 wide, 2 high, 2 channels, every value distinct. */
	private static Plane plane() {
		final float[] v = new float[12];
		for (int i = 0; i < v.length; i++) v[i] = i;
		return new Plane(3, 2, 2, v);
	}

	@Test
	void aQuarterTurnIsClockwiseAndSwapsTheSides() {
		final Plane t = Symmetry.apply(plane(), 1);
		assertEquals(2, t.width());
		assertEquals(3, t.height());
		// the bottom-left pixel (0, 1) = 3 comes to the top-left, the top-left (0, 0) = 0 to the top-right
		assertArrayEquals(new float[] { 3, 0, 4, 1, 5, 2 }, t.channel(0).data());
		assertEquals(9f, t.get(1, 0, 0));
	}

	@Test
	void theEightAreDistinctAndEachIsUndoneByItsInverse() {
		final Set<Plane> seen = new HashSet<>();
		for (int t = 0; t < Symmetry.COUNT; t++) {
			final Plane p = Symmetry.apply(plane(), t);
			seen.add(p);
			assertEquals(plane(), Symmetry.invert(p, t));
		}
		assertEquals(8, seen.size());
	}
}
