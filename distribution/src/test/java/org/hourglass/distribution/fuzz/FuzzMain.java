package org.hourglass.distribution.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.hourglass.runtime.Workbench;
import org.hourglass.runtime.WorkbenchConfig;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;

/**
 * Runs the reliability corpus through a real workbench (Felix, the engine bundle, the Denoise commands) and
 * reports how many cases ended clearly and how many did not:
 *
 * <pre>
 * java -cp "distribution/target/test-classes:distribution/target/hourglass-0.1.0/lib/*" \
 *   org.hourglass.distribution.fuzz.FuzzMain --workbench distribution/target/hourglass-0.1.0 --work /tmp/fuzz \
 *   [--cases 0] [--seed 1] [--flips 4] [--keep]
 * </pre>
 *
 * {@code --cases 0} runs every case; {@code --flips} is the number of bit flips per zip entry. It trains a tiny
 * model first (the corpus damages it), prints a line for each case that did not end clearly, a table by kind, and
 * {@code cases N, clear C (refused R, ran A), crash K}; it writes {@code outcomes.tsv} (case, exit code, verdict,
 * message, what was damaged) into the work folder and exits with 0 only if nothing crashed.
 */
public final class FuzzMain {

	private FuzzMain() {}

	public static void main(final String[] args) throws Exception {
		final Map<String, String> o = options(args);
		final Path wb = Path.of(required(o, "--workbench"));
		final Path work = Files.createDirectories(Path.of(required(o, "--work")));
		final int cases = Integer.parseInt(o.getOrDefault("--cases", "0"));
		final long seed = Long.parseLong(o.getOrDefault("--seed", "1"));
		final int flips = Integer.parseInt(o.getOrDefault("--flips", "1"));
		final PrintStream out = System.out;
		final long t0 = System.nanoTime();
		final int crashes;
		try (Workbench workbench = Workbench.start(WorkbenchConfig.of(wb))) {
			final Path good = Files.createDirectories(work.resolve("good"));
			final Path image = goodImage(good.resolve("image.tif"), 40, 32, seed);
			final Path model = goodModel(workbench, good, seed);
			final List<FuzzCase> all = Corpus.all(model, image, seed, flips);
			final List<FuzzCase> picked = Corpus.sample(all, cases, seed);
			out.printf("fuzz: seed %d, %d of %d cases, model %s (%d bytes)%n", seed, picked.size(), all.size(), model,
				Files.size(model));
			final Map<String, String> goodFiles = CorpusRunner.snapshot(good);
			final List<Verdict> verdicts = new ArrayList<>();
			try (CorpusRunner runner = new CorpusRunner(workbench, work.resolve("cases"), o.containsKey("--keep"))) {
				for (final FuzzCase c : picked) {
					final Verdict v = runner.run(c);
					verdicts.add(v);
					if (!v.clear()) out.printf("CRASH %s (%s): %s%n", c.id(), c.what(), v.problem());
				}
			}
			if (!CorpusRunner.changes(goodFiles, CorpusRunner.snapshot(good)).isEmpty()) {
				out.println("CRASH: the good model or image was changed");
				verdicts.add(null);
			}
			crashes = report(verdicts, out, work.resolve("outcomes.tsv"));
		}
		out.printf("fuzz: %.0f s%n", (System.nanoTime() - t0) / 1e9);
		System.exit(crashes == 0 ? 0 : 1);
	}

	/** Prints the table and the summary line, writes the outcomes; the number of crashes. */
	static int report(final List<Verdict> verdicts, final PrintStream out, final Path tsv) throws IOException {
		final Map<String, int[]> byKind = new LinkedHashMap<>();
		final StringBuilder lines = new StringBuilder("case\tcode\tverdict\tmessage\twhat\n");
		int clear = 0;
		int refused = 0;
		int ran = 0;
		int crash = 0;
		for (final Verdict v : verdicts) {
			if (v == null) {
				crash++;
				continue;
			}
			final int[] k = byKind.computeIfAbsent(v.fuzzCase().kind(), x -> new int[3]);
			k[0]++;
			if (v.clear()) {
				clear++;
				k[1]++;
				if (v.refused()) refused++;
				else ran++;
			}
			else {
				crash++;
				k[2]++;
			}
			lines.append(v.fuzzCase().id()).append('\t').append(v.code()).append('\t').append(v.clear() ? "clear"
				: "crash: " + v.problem()).append('\t').append(oneLine(v.message())).append('\t').append(oneLine(v.fuzzCase()
					.what())).append('\n');
		}
		out.printf("%-20s %6s %6s %6s%n", "kind", "cases", "clear", "crash");
		byKind.forEach((kind, k) -> out.printf("%-20s %6d %6d %6d%n", kind, k[0], k[1], k[2]));
		out.printf("cases %d, clear %d (refused %d, ran %d), crash %d%n", verdicts.size(), clear, refused, ran, crash);
		Files.writeString(tsv, lines.toString(), StandardCharsets.UTF_8);
		return crash;
	}

	/** A noisy image of blobs, the good input of every model case. */
	static Path goodImage(final Path file, final int w, final int h, final long seed) {
		final ImagePlus imp = IJ.createImage("good", "32-bit black", w, h, 1);
		final SplittableRandom r = new SplittableRandom(seed);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				imp.getProcessor().putPixelValue(x, y, 80 + 60 * Math.sin(x / 4.0) * Math.cos(y / 5.0) + 10 * r
					.nextGaussian());
			}
		}
		if (!new FileSaver(imp).saveAsTiff(file.toString())) throw new IllegalStateException("cannot write " + file);
		return file;
	}

	/** A tiny denoise model trained for two steps by the real training command: the corpus damages it. */
	static Path goodModel(final Workbench workbench, final Path folder, final long seed) {
		final Path model = folder.resolve("model.zip");
		final Path image = goodImage(folder.resolve("train.tif"), 64, 64, seed + 1);
		workbench.runner().run("denoise-train-n2v", Map.of("input", image.toString(), "modelfile", model.toString(),
			"patchsize", "16", "batchsize", "2", "epochs", "1", "stepsperepoch", "2", "depth", "1", "filters", "4", "seed",
			Long.toString(seed)));
		reproducible(model);
		// the harness's own check: the good model denoises the good image
		final Path out = folder.resolve("denoised.tif");
		workbench.runner().run("denoise", Map.of("model", model.toString(), "input", folder.resolve("image.tif")
			.toString(), "output", out.toString()));
		if (!Files.isRegularFile(out)) throw new IllegalStateException("the good model did not denoise the good image");
		return model;
	}

	/**
	 * Makes the trained model the same bytes in every run of one seed: its creation time and training times (the
	 * only things that differ) fixed, its checksums recomputed, its zip entries dated alike.
	 */
	@SuppressWarnings("unchecked")
	static void reproducible(final Path model) {
		try {
			final Map<String, byte[]> entries = Zips.entries(Files.readAllBytes(model));
			final Map<String, Object> root = (Map<String, Object>) Json.parse(new String(entries.get(ModelCorpus.METADATA),
				StandardCharsets.UTF_8));
			if (root.containsKey("created")) root.put("created", "2026-01-01T00:00:00Z");
			if (root.get("training") instanceof Map<?, ?> training) {
				final Map<String, Object> t = (Map<String, Object>) training;
				if (t.containsKey("seconds")) t.put("seconds", java.math.BigDecimal.ONE);
				if (t.get("history") instanceof List<?> history) {
					for (final Object epoch : history) {
						if (epoch instanceof Map<?, ?> e && e.containsKey("seconds")) ((Map<String, Object>) e).put("seconds",
							java.math.BigDecimal.ONE);
					}
				}
			}
			entries.put(ModelCorpus.METADATA, Json.write(root).getBytes(StandardCharsets.UTF_8));
			Files.write(model, Zips.write(Zips.rehash(entries)));
		}
		catch (final IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static String oneLine(final String s) {
		return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
	}

	private static Map<String, String> options(final String[] args) {
		final Map<String, String> o = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--keep")) o.put("--keep", "true");
			else if (i + 1 < args.length) o.put(args[i], args[++i]);
			else throw new IllegalArgumentException("no value for " + args[i]);
		}
		return o;
	}

	private static String required(final Map<String, String> o, final String key) {
		final String v = o.get(key);
		if (v == null) throw new IllegalArgumentException("missing " + key + " (see the class description)");
		return v;
	}
}
