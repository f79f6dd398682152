package org.hourglass.api.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlaneTest {

	@Test
	void cropCopiesTheRectangle() {
		final Plane p = new Plane(4, 3, new float[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 });
		assertArrayEquals(new float[] { 5, 6, 9, 10 }, p.crop(1, 1, 2, 2).data());
		assertThrows(IllegalArgumentException.class, () -> p.crop(3, 0, 2, 1));
	}

	@Test
	void channelsAreStoredOneAfterTheOther() {
		final Plane a = new Plane(2, 2, new float[] { 1, 2, 3, 4 });
		final Plane b = new Plane(2, 2, new float[] { 5, 6, 7, 8 });
		final Plane both = Plane.stack(java.util.List.of(a, b));
		assertEquals(2, both.channels());
		assertEquals(7f, both.get(1, 0, 1));
		assertEquals(b, both.channel(1));
		assertArrayEquals(new float[] { 2, 4, 6, 8 }, both.crop(1, 0, 1, 2).data());
		assertThrows(IllegalArgumentException.class, () -> Plane.stack(java.util.List.of(a, new Plane(3, 2))));
	}

	@Test
	void sizeMustMatchData() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new Plane(3, 3, new float[8]));
		assertTrue(e.getMessage().contains("needs 9"), e.getMessage());
	}

	@Test
	void detectsNonFiniteValues() {
		final Plane p = new Plane(2, 1);
		assertFalse(p.hasNonFinite());
		p.set(1, 0, Float.NaN);
		assertTrue(p.hasNonFinite());
	}
}
