package org.hourglass.distribution.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The whole corpus, damaged models and damaged images, and a sample of it that covers every kind. */
final class Corpus {

	private Corpus() {}

	/**
	 * Every case for a good model file and a good image.
	 *
	 * @param flipsPerEntry bit flips in each zip entry (more give a larger corpus)
	 */
	static List<FuzzCase> all(final Path goodModel, final Path goodImage, final long seed, final int flipsPerEntry)
		throws IOException
	{
		final List<FuzzCase> all = new ArrayList<>(new ModelCorpus(Files.readAllBytes(goodModel), goodImage, seed,
			flipsPerEntry).cases());
		all.addAll(new ImageCorpus(goodModel, seed).cases());
		return all;
	}

	/**
	 * At most {@code n} cases ({@code n <= 0}: all), drawn in turn from every kind so that each kind is in even a
	 * small sample; in the corpus's order.
	 */
	static List<FuzzCase> sample(final List<FuzzCase> all, final int n, final long seed) {
		if (n <= 0 || n >= all.size()) return all;
		final Map<String, List<FuzzCase>> byKind = new LinkedHashMap<>();
		for (final FuzzCase c : all) byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c);
		final Random r = new Random(seed);
		byKind.values().forEach(l -> Collections.shuffle(l, r));
		final List<FuzzCase> picked = new ArrayList<>();
		for (int round = 0; picked.size() < n; round++) {
			for (final List<FuzzCase> l : byKind.values()) {
				if (round < l.size() && picked.size() < n) picked.add(l.get(round));
			}
		}
		picked.sort(java.util.Comparator.comparingInt(all::indexOf));
		return picked;
	}
}
