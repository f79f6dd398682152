package org.hourglass.api.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class NearestNeighboursTest {

	private final List<float[]> base = List.of(new float[] { 0, 0 }, new float[] { 1, 0 }, new float[] { 0, 2 },
		new float[] { 5, 5 }, new float[] { 1, 0 });

	@Test
	void nearestFirstTiesByIndex() {
		final List<NearestNeighbours.Neighbour> n = new NearestNeighbours(base).nearest(new float[] { 1, 0 }, 3);
		assertEquals(List.of(1, 4, 0), n.stream().map(NearestNeighbours.Neighbour::index).toList());
		assertEquals(1.0, n.get(2).distance(), 1e-9);
		assertEquals(5, new NearestNeighbours(base).nearest(new float[] { 0, 0 }, 10).size());
	}

	@Test
	void majorityVoteWithTheNearestBreakingTies() {
		final NearestNeighbours nn = new NearestNeighbours(base);
		final int[] labels = { 7, 3, 7, 3, 3 };
		assertEquals(3, nn.classify(new float[] { 0.9f, 0 }, labels, 3));
		// one vote each for 7 (at 0.4) and 3 (at 0.6): the nearest wins
		assertEquals(7, nn.classify(new float[] { 0.4f, 0 }, labels, 2));
		assertEquals(0.5, nn.accuracy(List.of(new float[] { 0.9f, 0 }, new float[] { 0, 1.9f }), new int[] { 3, 3 },
			labels, 2), 1e-9);
	}
}
