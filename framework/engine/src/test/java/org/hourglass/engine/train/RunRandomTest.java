package org.hourglass.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RunRandomTest {

	private static final int DRAWS = 5_000;

	@Test
	void epochsAndValidationShareNoValues() {
		for (final long seed : new long[] { 0, 42, -1 }) {
			final Set<Long> seen = new HashSet<>();
			int total = 0;
			for (int epoch = 1; epoch <= 30; epoch++) {
				total += add(seen, RunRandom.epoch(seed, epoch));
			}
			total += add(seen, RunRandom.validation(seed));
			assertEquals(total, seen.size(), "streams of seed " + seed + " repeat values");
		}
	}

	@Test
	void theSameSeedAndEpochGiveTheSameStream() {
		assertArrayEquals(draws(RunRandom.epoch(7, 3)), draws(RunRandom.epoch(7, 3)));
		assertArrayEquals(draws(RunRandom.validation(7)), draws(RunRandom.validation(7)));
	}

	/** The check above would catch seeds that walk SplittableRandom's own increment (the streams are shifted). */
	@Test
	void seedsOneIncrementApartGiveShiftedStreams() {
		final Set<Long> seen = new HashSet<>();
		final int total = add(seen, new SplittableRandom(42)) + add(seen, new SplittableRandom(42 + 0x9E3779B97F4A7C15L));
		assertTrue(seen.size() < total - DRAWS / 2, "only " + (total - seen.size()) + " shared values");
	}

	private static int add(final Set<Long> seen, final SplittableRandom random) {
		for (final long v : draws(random)) seen.add(v);
		return DRAWS;
	}

	private static long[] draws(final SplittableRandom random) {
		final long[] v = new long[DRAWS];
		for (int i = 0; i < DRAWS; i++) v[i] = random.nextLong();
		return v;
	}
}
