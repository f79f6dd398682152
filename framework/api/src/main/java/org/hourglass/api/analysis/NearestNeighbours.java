package org.hourglass.api.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The nearest vectors to a query by Euclidean distance, by exhaustive search, and k-nearest-neighbour
 * classification. Ties are broken by the lower index, so results are reproducible.
 */
public final class NearestNeighbours {

	/** A neighbour: its index in the base set and its distance to the query. */
	public record Neighbour(int index, double distance) {}

	private final List<float[]> base;

	/** Searches {@code base} (not copied; its vectors must not change), vectors of one length. */
	public NearestNeighbours(final List<float[]> base) {
		if (base.isEmpty()) throw new IllegalArgumentException("no vectors to search");
		final int d = base.get(0).length;
		for (final float[] v : base) {
			if (v.length != d) throw new IllegalArgumentException("all vectors must have " + d + " values, got " + v.length);
		}
		this.base = base;
	}

	/** The {@code k} nearest vectors to {@code query} (fewer if the base is smaller), nearest first. */
	public List<Neighbour> nearest(final float[] query, final int k) {
		if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
		if (query.length != base.get(0).length) {
			throw new IllegalArgumentException("the query has " + query.length + " values, the vectors " + base.get(0)
				.length);
		}
		// a max-heap of the best k so far: the worst of them on top
		final PriorityQueue<Neighbour> best = new PriorityQueue<>((a, b) -> a.distance() != b.distance() ? Double
			.compare(b.distance(), a.distance()) : Integer.compare(b.index(), a.index()));
		for (int i = 0; i < base.size(); i++) {
			final double d = squaredDistance(query, base.get(i));
			if (best.size() < k) best.add(new Neighbour(i, d));
			else if (d < best.peek().distance()) {
				best.poll();
				best.add(new Neighbour(i, d));
			}
		}
		final List<Neighbour> out = new ArrayList<>(best);
		out.sort((a, b) -> a.distance() != b.distance() ? Double.compare(a.distance(), b.distance()) : Integer
			.compare(a.index(), b.index()));
		return out.stream().map(n -> new Neighbour(n.index(), Math.sqrt(n.distance()))).toList();
	}

	/**
	 * The label most common among the {@code k} nearest neighbours of {@code query}, whose labels are
	 * {@code labels} (by base index); a tie goes to the label of the nearest among the tied.
	 */
	public int classify(final float[] query, final int[] labels, final int k) {
		if (labels.length != base.size()) {
			throw new IllegalArgumentException(base.size() + " labels expected, got " + labels.length);
		}
		final List<Neighbour> nearest = nearest(query, k);
		final int max = Arrays.stream(labels).max().orElse(0);
		final int[] votes = new int[max + 1];
		for (final Neighbour n : nearest) votes[labels[n.index()]]++;
		int top = Arrays.stream(votes).max().orElse(0);
		for (final Neighbour n : nearest) {
			if (votes[labels[n.index()]] == top) return labels[n.index()];
		}
		throw new IllegalStateException("no neighbour");
	}

	/** The fraction of {@code queries} that {@link #classify} labels as {@code truth} says. */
	public double accuracy(final List<float[]> queries, final int[] truth, final int[] labels, final int k) {
		int right = 0;
		for (int i = 0; i < queries.size(); i++) {
			if (classify(queries.get(i), labels, k) == truth[i]) right++;
		}
		return right / (double) queries.size();
	}

	private static double squaredDistance(final float[] a, final float[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			final double d = (double) a[i] - b[i];
			s += d * d;
		}
		return s;
	}
}
