package org.hourglass.denoise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.hourglass.api.image.Plane;
import org.hourglass.api.training.TrainingPair;
import org.junit.jupiter.api.Test;

class NeighbourSubsamplerTest {


	@Test
	void inputAndTargetAreAdjacentPixelsOfTheSameCell() {
		final int w = 12;
		final int h = 8;
		final Plane patch = Images.indexed(w, h);
		final int[] directions = new int[2]; // side by side, one above the other
		final int[] corners = new int[4];
		for (int seed = 0; seed < 50; seed++) {
			final TrainingPair pair = new NeighbourSubsampler().make(patch, null, new SplittableRandom(seed));
			assertEquals(w / 2, pair.input().width());
			assertEquals(h / 2, pair.input().height());
			assertEquals(w / 2, pair.target().width());
			assertEquals(h / 2, pair.target().height());
			assertNull(pair.mask(), "the loss is on every pixel");
			for (int cy = 0; cy < h / 2; cy++) {
				for (int cx = 0; cx < w / 2; cx++) {
					final int a = (int) pair.input().get(cx, cy);
					final int b = (int) pair.target().get(cx, cy);
					final int ax = a % w;
					final int ay = a / w;
					final int bx = b % w;
					final int by = b / w;
					assertEquals(cx, ax / 2, "input from its cell");
					assertEquals(cy, ay / 2, "input from its cell");
					assertEquals(cx, bx / 2, "target from the same cell");
					assertEquals(cy, by / 2, "target from the same cell");
					assertEquals(1, Math.abs(ax - bx) + Math.abs(ay - by), "adjacent, never the same or diagonal");
					directions[ax != bx ? 0 : 1]++;
					corners[(ay % 2) * 2 + ax % 2]++;
				}
			}
		}
		final int cells = 50 * (w / 2) * (h / 2);
		assertEquals(0.5, directions[0] / (double) cells, 0.05, "both directions, equally often");
		for (final int c : corners) assertEquals(0.25, c / (double) cells, 0.05, "every corner as input");
	}

	@Test
	void theSeedDecides() {
		final Plane patch = Images.indexed(16, 16);
		final NeighbourSubsampler s = new NeighbourSubsampler();
		final TrainingPair a = s.make(patch, null, new SplittableRandom(3));
		final TrainingPair b = s.make(patch, null, new SplittableRandom(3));
		assertArrayEquals(a.input().data(), b.input().data());
		assertArrayEquals(a.target().data(), b.target().data());
		final float[] before = patch.data().clone();
		s.make(patch, null, new SplittableRandom(4));
		assertArrayEquals(before, patch.data(), "the patch is not changed");
	}

	@Test
	void oddPatchesAreRefused() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NeighbourSubsampler()
			.make(Images.indexed(9, 8), null, new SplittableRandom(1)));
		assertTrue(e.getMessage().contains("9x8"), e.getMessage());
	}
}
