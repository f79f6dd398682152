package org.hourglass.distribution.fuzz;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.hourglass.distribution.fuzz.FuzzCase.Expect;

/**
 * Damaged model files, made from one good model file: truncated at every entry boundary, bit flips in each entry
 * (and in the zip's headers), oversized and duplicate entries, hostile entry names, every metadata field of a wrong
 * type, missing, or an extreme integer, huge declared shapes, changed weights, other variants and formats, and
 * files that are no model at all. Each is run as {@code denoise model=<it> input=<a good image> output=<new file>}:
 * the model file is the only thing wrong. Seeded: the same seed and good file give the same cases.
 */
final class ModelCorpus {

	/** The metadata entry and the checksum list, as docs/MODEL-FORMAT.md names them. */
	static final String METADATA = "hourglass-model.json";
	static final String CHECKSUMS = "checksums.sha256";

	/** Fields the reader ignores (derived, written for readers): any damage to them may pass. */
	private static final Set<String> IGNORED = Set.of("network.downsamplingFactor", "network.receptiveFieldRadius");
	/** Fields that may hold {@code null}. */
	private static final Set<String> NULLABLE = Set.of("created", "training.data", "fittedNormalization");

	private final byte[] good;
	private final Map<String, byte[]> entries;
	private final Object json;
	private final Path image;
	private final SplittableRandom random;
	private final int flipsPerEntry;
	private final List<FuzzCase> cases = new ArrayList<>();
	private final Map<String, Integer> numbers = new LinkedHashMap<>();

	/**
	 * @param good the bytes of a good model file of the {@code denoise} variant
	 * @param image a good image to denoise
	 * @param flipsPerEntry bit flips made in each entry's data
	 */
	ModelCorpus(final byte[] good, final Path image, final long seed, final int flipsPerEntry) throws IOException {
		this.good = good;
		this.entries = Zips.entries(good);
		this.json = Json.parse(new String(entries.get(METADATA), StandardCharsets.UTF_8));
		this.image = image;
		this.random = new SplittableRandom(seed);
		this.flipsPerEntry = flipsPerEntry;
	}

	/** Every case, grouped by kind. */
	List<FuzzCase> cases() {
		if (!cases.isEmpty()) return cases;
		truncations();
		bitFlips();
		oversized();
		duplicates();
		hostileNames();
		metadataFields();
		shapes();
		changedContents();
		foreign();
		return cases;
	}

	// -- The kinds of damage --

	private void truncations() {
		final TreeSet<Integer> cuts = new TreeSet<>(List.of(0, 1, 4, 30, good.length - 22, good.length - 1));
		for (final Zips.Span s : Zips.spans(good)) {
			cuts.add(s.header());
			cuts.add(s.data());
			cuts.add((s.data() + s.end()) / 2);
			cuts.add(s.end());
		}
		for (final int cut : cuts) {
			if (cut < 0 || cut >= good.length) continue;
			add("truncated", "cut after byte " + cut + " of " + good.length, Expect.REFUSE, java.util.Arrays.copyOf(good,
				cut));
		}
	}

	private void bitFlips() {
		for (final Zips.Span s : Zips.spans(good)) {
			if (s.name().isEmpty()) {
				// the central directory: names, sizes, offsets; some bytes (dates, attributes) do not matter
				for (int k = 0; k < 4 * flipsPerEntry; k++) {
					final Flip f = flip(s.data(), s.end());
					add("flipped-directory", "central directory: " + f.what(), Expect.EITHER, f.bytes());
				}
				continue;
			}
			for (int k = 0; k < flipsPerEntry && s.end() > s.data(); k++) {
				final Flip f = flip(s.data(), s.end());
				add("flipped", s.name() + ": " + f.what(), Expect.REFUSE, f.bytes());
			}
			final Flip h = flip(s.header(), s.data());
			add("flipped-header", s.name() + " local header: " + h.what(), Expect.EITHER, h.bytes());
		}
	}

	private void oversized() {
		for (final String name : entries.keySet()) {
			final byte[] b = entries.get(name);
			final byte[] grown = java.util.Arrays.copyOf(b, b.length + 4);
			grown[b.length] = 'x';
			// the checksums themselves are not recomputed when they are what is damaged
			final boolean rehash = !name.equals(CHECKSUMS);
			addEntries("oversized", name + " 4 bytes longer", Expect.REFUSE, e -> e.put(name, grown), rehash);
			final byte[] doubled = new byte[b.length * 2 + 8];
			System.arraycopy(b, 0, doubled, 0, b.length);
			addEntries("oversized", name + " twice as long", Expect.REFUSE, e -> e.put(name, doubled), rehash);
		}
		// metadata past the reader's 16 MiB limit (spaces deflate to almost nothing); made only when the case runs
		addEntries("oversized", METADATA + " of 17 MiB", Expect.REFUSE, e -> e.put(METADATA, (new String(e.get(METADATA),
			StandardCharsets.UTF_8) + " ".repeat(17 << 20)).getBytes(StandardCharsets.UTF_8)), true);
		addEntries("oversized", "weights/0.f32 of 3 MiB of zeros", Expect.REFUSE, e -> e.put("weights/0.f32",
			new byte[3 << 20]), true);
	}

	private void duplicates() {
		for (final String name : entries.keySet()) {
			cases.add(new FuzzCase(id("duplicate"), "duplicate", name + " twice", Expect.REFUSE, Set.of(1), dir -> {
				final String twin = name.substring(0, name.length() - 1) + (name.endsWith("#") ? "%" : "#");
				final List<Map.Entry<String, byte[]>> list = new ArrayList<>();
				entries.forEach((k, v) -> list.add(new AbstractMap.SimpleEntry<>(k, v)));
				list.add(new AbstractMap.SimpleEntry<>(twin, entries.get(name)));
				final byte[] zip = Zips.write(list);
				replaceAll(zip, twin.getBytes(StandardCharsets.UTF_8), name.getBytes(StandardCharsets.UTF_8));
				return invocation(dir, zip);
			}));
		}
	}

	private void hostileNames() {
		final String[] names = { "../evil.sh", "weights/../../evil.sh", "/etc/cron.d/evil", "weights\\..\\evil.dll",
			"C:/Windows/evil.dll", "weights//0.f32", "./hourglass-model.json", "weights/..", "a\u0000b", "weights/",
			"x".repeat(600), "notes.txt", "weights/0.f32.sh", "\u202Eevil.f32", "hourglass-model.json/" };
		for (final String n : names) {
			addEntries("hostile-name", "extra entry '" + printable(n) + "'", Expect.REFUSE, e -> e.put(n, "x".getBytes(
				StandardCharsets.UTF_8)), true);
		}
		addEntries("hostile-name", "weights/0.f32 moved to ../weights/0.f32", Expect.REFUSE, e -> e.put(
			"../weights/0.f32", e.remove("weights/0.f32")), true);
	}

	/** Every field of the metadata: of each wrong type, missing, or (integers) extreme. */
	private void metadataFields() {
		for (final String path : paths(json, "")) {
			final Object value = get(json, path);
			final boolean ignored = IGNORED.stream().anyMatch(path::startsWith);
			for (final Object wrong : wrongTypes(value)) {
				final Expect expect = ignored || wrong == null && NULLABLE.contains(path) ? Expect.EITHER : Expect.REFUSE;
				metadata("wrong-type", path + " = " + Json.write(wrong), expect, root -> set(root, path, wrong));
			}
			if (value instanceof BigDecimal d && d.scale() <= 0) {
				for (final String extreme : new String[] { "2147483647", "-2147483648", "-1", "0", "9223372036854775807",
					"1e30" })
				{
					// an extreme count may still be valid where it only describes (an epoch's number, a version)
					metadata("extreme-integer", path + " = " + extreme, Expect.EITHER, root -> set(root, path,
						new BigDecimal(extreme)));
				}
			}
			metadata("missing-field", "no " + path, ignored || optionalElement(path) ? Expect.EITHER : Expect.REFUSE,
				root -> remove(root, path));
		}
	}

	/** Huge, negative and empty declared shapes of every array. */
	private void shapes() {
		final String[] bad = { "[2147483647, 2147483647]", "[4611686018427387904]", "[-1, 4]", "[0]", "[]",
			"[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]",
			"[65536, 65536, 65536]", "[1e12]" };
		for (final String path : paths(json, "")) {
			if (!path.endsWith(".shape")) continue;
			for (final String s : bad) {
				metadata("huge-shape", path + " = " + s, Expect.REFUSE, root -> set(root, path, Json.parse(s)));
			}
		}
	}

	/** Consistent files (checksums recomputed) whose arrays no longer fit what the model computes. */
	private void changedContents() {
		for (final String name : entries.keySet()) {
			if (!name.endsWith(".f32") || entries.get(name).length == 0) continue;
			final byte[] nan = entries.get(name).clone();
			for (int i = 0; i + 3 < nan.length; i += 4) {
				nan[i] = 0;
				nan[i + 1] = 0;
				nan[i + 2] = (byte) 0xc0;
				nan[i + 3] = 0x7f;
			}
			addEntries("changed-values", name + " all NaN", Expect.REFUSE, e -> e.put(name, nan), true);
			final byte[] scaled = entries.get(name).clone();
			final int at = 4 * random.nextInt(scaled.length / 4);
			scaled[at + 3] ^= 0x40; // a large change of one value's exponent
			addEntries("changed-values", name + " one value changed", name.startsWith("weights/") ? Expect.EITHER
				: Expect.REFUSE, e -> e.put(name, scaled), true);
		}
	}

	/** Files that are models of something else, of another format, or no model at all. */
	private void foreign() {
		metadata("foreign", "variant superres", Expect.REFUSE, root -> set(root, "variant", "superres"));
		metadata("foreign", "format 3", Expect.REFUSE, root -> set(root, "formatVersion", new BigDecimal(3)));
		metadata("foreign", "format 0", Expect.REFUSE, root -> set(root, "formatVersion", BigDecimal.ZERO));
		add("foreign", "empty file", Expect.REFUSE, new byte[0]);
		add("foreign", "text", Expect.REFUSE, "not a model at all\n".getBytes(StandardCharsets.UTF_8));
		add("foreign", "zip header only", Expect.REFUSE, new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0 });
		addEntries("foreign", "a zip without metadata", Expect.REFUSE, e -> e.remove(METADATA), false);
		addEntries("foreign", "a zip of one text file", Expect.REFUSE, e -> {
			e.clear();
			e.put("readme.txt", "hello".getBytes(StandardCharsets.UTF_8));
		}, false);
		addEntries("foreign", "metadata [1, 2]", Expect.REFUSE, e -> e.put(METADATA, "[1, 2]".getBytes(
			StandardCharsets.UTF_8)), true);
		addEntries("foreign", "metadata not JSON", Expect.REFUSE, e -> e.put(METADATA, "{ \"formatVersion\": 2, "
			.getBytes(StandardCharsets.UTF_8)), true);
		addEntries("foreign", "no checksums", Expect.REFUSE, e -> e.remove(CHECKSUMS), false);
		cases.add(new FuzzCase(id("foreign"), "foreign", "a folder named model.zip", Expect.REFUSE, Set.of(1), dir -> {
			final Path folder = Files.createDirectory(dir.resolve("model.zip"));
			Files.writeString(folder.resolve("hourglass-model.json"), "{}");
			return denoise(dir, folder);
		}));
	}

	// -- Making cases --

	/** A case of a whole file's bytes. */
	private void add(final String kind, final String what, final Expect expect, final byte[] bytes) {
		cases.add(new FuzzCase(id(kind), kind, what, expect, Set.of(1), dir -> invocation(dir, bytes)));
	}

	/** A case of the good entries changed by {@code change} when it runs, the checksums recomputed if {@code rehash}. */
	private void addEntries(final String kind, final String what, final Expect expect,
		final Consumer<Map<String, byte[]>> change, final boolean rehash)
	{
		cases.add(new FuzzCase(id(kind), kind, what, expect, Set.of(1), dir -> {
			final Map<String, byte[]> changed = new LinkedHashMap<>(entries);
			change.accept(changed);
			return invocation(dir, Zips.write(rehash ? Zips.rehash(changed) : changed));
		}));
	}

	/** A case of changed metadata, checksums recomputed, so the damage reaches the field checks. */
	private void metadata(final String kind, final String what, final Expect expect, final Consumer<Object> change) {
		final Object root = Json.copy(json);
		change.accept(root);
		final byte[] text = Json.write(root).getBytes(StandardCharsets.UTF_8);
		addEntries(kind, what, expect, e -> e.put(METADATA, text), true);
	}

	/** The good file with one bit flipped. */
	private record Flip(String what, byte[] bytes) {}

	/** Flips one random bit in {@code [from, to)} of a copy of the good file. */
	private Flip flip(final int from, final int to) {
		final byte[] b = good.clone();
		final int at = from + random.nextInt(Math.max(1, to - from));
		final int bit = random.nextInt(8);
		b[at] ^= (byte) (1 << bit);
		return new Flip("bit " + bit + " of byte " + at, b);
	}

	private FuzzCase.Invocation invocation(final Path dir, final byte[] model) throws IOException {
		final Path file = dir.resolve("model.zip");
		Files.write(file, model);
		return denoise(dir, file);
	}

	private FuzzCase.Invocation denoise(final Path dir, final Path model) {
		final Path out = dir.resolve("denoised.tif");
		return new FuzzCase.Invocation("denoise", Map.of("model", model.toString(), "input", image.toString(), "output",
			out.toString()), out, Set.of(model.getFileName().toString()));
	}

	private String id(final String kind) {
		return kind + "-" + numbers.merge(kind, 1, Integer::sum);
	}

	// -- JSON paths: a.b[2].c --

	/** Every field and array element below {@code node}, parents before children. */
	static List<String> paths(final Object node, final String prefix) {
		final List<String> out = new ArrayList<>();
		if (node instanceof Map<?, ?> m) {
			for (final Map.Entry<?, ?> e : m.entrySet()) {
				final String p = prefix.isEmpty() ? (String) e.getKey() : prefix + "." + e.getKey();
				out.add(p);
				out.addAll(paths(e.getValue(), p));
			}
		}
		else if (node instanceof List<?> l) {
			for (int i = 0; i < l.size(); i++) {
				final String p = prefix + "[" + i + "]";
				out.add(p);
				out.addAll(paths(l.get(i), p));
			}
		}
		return out;
	}

	private static boolean optionalElement(final String path) {
		// informative parts: a variant's properties, an epoch of the history, a loss term's value in an epoch;
		// fields newer than format 2's first files, which read as their defaults when absent (docs/MODEL-FORMAT.md)
		return path.startsWith("properties.") || path.equals("network.latent.hidden") || path.equals(
			"network.residualUpsampling") || path.equals("network.fullResolutionSkip") || path.matches("training\\.history\\[\\d+\\]") || path.matches(
			"training\\.history\\[\\d+\\]\\.(training|validation)Terms\\..+");
	}

	private static List<Object> wrongTypes(final Object v) {
		final List<Object> out = new ArrayList<>();
		final Object[] all = { "text", new BigDecimal("7"), Boolean.TRUE, null, new ArrayList<>(), new LinkedHashMap<>() };
		for (final Object w : all) {
			if (sameType(v, w)) continue;
			out.add(w);
		}
		return out;
	}

	private static boolean sameType(final Object a, final Object b) {
		if (a == null || b == null) return a == b;
		return a.getClass() == b.getClass() || a instanceof Map && b instanceof Map || a instanceof List &&
			b instanceof List;
	}

	@SuppressWarnings("unchecked")
	static Object get(final Object root, final String path) {
		Object node = root;
		for (final String step : steps(path)) {
			node = step.startsWith("[") ? ((List<Object>) node).get(Integer.parseInt(step.substring(1, step.length() -
				1))) : ((Map<String, Object>) node).get(step);
		}
		return node;
	}

	@SuppressWarnings("unchecked")
	private static void set(final Object root, final String path, final Object value) {
		final List<String> steps = steps(path);
		final Object parent = get(root, join(steps.subList(0, steps.size() - 1)));
		final String last = steps.get(steps.size() - 1);
		if (last.startsWith("[")) ((List<Object>) parent).set(Integer.parseInt(last.substring(1, last.length() - 1)),
			value);
		else ((Map<String, Object>) parent).put(last, value);
	}

	@SuppressWarnings("unchecked")
	private static void remove(final Object root, final String path) {
		final List<String> steps = steps(path);
		final Object parent = get(root, join(steps.subList(0, steps.size() - 1)));
		final String last = steps.get(steps.size() - 1);
		if (last.startsWith("[")) ((List<Object>) parent).remove(Integer.parseInt(last.substring(1, last.length() - 1)));
		else ((Map<String, Object>) parent).remove(last);
	}

	private static List<String> steps(final String path) {
		final List<String> out = new ArrayList<>();
		for (final String part : path.split("\\.")) {
			if (part.isEmpty()) continue;
			final int b = part.indexOf('[');
			if (b != 0) out.add(b < 0 ? part : part.substring(0, b));
			if (b >= 0) {
				for (final String idx : part.substring(b).split("(?=\\[)")) out.add(idx);
			}
		}
		return out;
	}

	private static String join(final List<String> steps) {
		final StringBuilder sb = new StringBuilder();
		for (final String s : steps) {
			if (!s.startsWith("[") && sb.length() > 0) sb.append('.');
			sb.append(s);
		}
		return sb.toString();
	}

	private static void replaceAll(final byte[] hay, final byte[] from, final byte[] to) {
		outer:
		for (int i = 0; i + from.length <= hay.length; i++) {
			for (int k = 0; k < from.length; k++) {
				if (hay[i + k] != from[k]) continue outer;
			}
			System.arraycopy(to, 0, hay, i, to.length);
		}
	}

	private static String printable(final String s) {
		final StringBuilder b = new StringBuilder();
		for (final char c : s.toCharArray()) {
			if (b.length() > 40) return b.append("…").toString();
			b.append(c < 0x20 || c > 0x7e ? '?' : c);
		}
		return b.toString();
	}
}
