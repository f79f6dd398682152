package org.hourglass.engine.file;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.ModelFileException;
import org.hourglass.api.ModelInfo;
import org.hourglass.api.image.Plane;
import org.nd4j.shade.jackson.databind.JsonNode;

/**
 * Reads and writes model files: one zip per model, laid out as docs/MODEL-FORMAT.md describes. Reading
 * verifies everything before anything is returned and never extracts to disk; writing is atomic.
 */
public final class ModelArchive {

	private static final Logger LOG = LogManager.getLogger();

	/** The format version this code writes, and the newest it reads (it reads every older one too). */
	public static final int FORMAT_VERSION = 2;

	/** The metadata entry; a zip without it is not a model. */
	public static final String METADATA = "hourglass-model.json";

	/** The SHA-256 of every other entry. */
	public static final String CHECKSUMS = "checksums.sha256";

	static final String TEST_INPUT = "test/input.f32";
	static final String TEST_OUTPUT = "test/output.f32";

	private static final Pattern WEIGHT_ENTRY = Pattern.compile("weights/(0|[1-9][0-9]{0,8})\\.f32");

	private ModelArchive() {}

	// -- Writing --

	/**
	 * Writes a model file atomically: into a temporary file in the same folder, which then replaces
	 * {@code file} with an atomic move. On failure no file is left behind and an existing {@code file} is
	 * unchanged.
	 *
	 * @throws IllegalArgumentException if the contents are incomplete or an array's shape does not match
	 *           its values
	 * @throws ModelFileException if the file cannot be written (no such folder, no permission, disk full)
	 */
	public static void write(final Path file, final ArchiveContents contents) {
		write(file, contents, UnaryOperator.identity());
	}

	/** {@link #write(Path, ArchiveContents)} with the byte stream passed through {@code wrap} (for tests). */
	static void write(final Path file, final ArchiveContents contents, final UnaryOperator<OutputStream> wrap) {
		ModelFileWriter.write(file, contents, wrap);
	}

	// -- Reading --

	/**
	 * Reads and verifies a model file: that it is a zip with safe entry names and sane sizes, holds an
	 * Hourglass model of a format this code reads and of the expected variant, that every entry is listed
	 * and unchanged (SHA-256), that there are no unknown entries and that every array has as many values
	 * as its shape says. Nothing is extracted to disk.
	 *
	 * @param expectedVariant the variant the caller works with; {@code null} accepts any
	 * @throws ModelFileException naming the file and saying what was expected and what was found
	 */
	public static ArchiveContents read(final Path file, final String expectedVariant) {
		return read(file, expectedVariant, ArchiveLimits.DEFAULT);
	}

	static ArchiveContents read(final Path file, final String expectedVariant, final ArchiveLimits limits) {
		try (ArchiveReader zip = ArchiveReader.open(file, limits)) {
			final JsonNode root = metadata(file, zip, expectedVariant);
			final Map<String, String> sums = checksums(zip);
			final ModelInfo info;
			final Map<String, EntryRef> index;
			final EntryRef in;
			final EntryRef out;
			try {
				info = ModelJson.info(root);
				index = ModelJson.weights(root);
				in = ModelJson.testPlane(root, "input");
				out = ModelJson.testPlane(root, "output");
			}
			catch (final BadArchiveException e) {
				throw invalidMetadata(file, e);
			}
			checkListed(zip, sums, expectedEntries(file, zip, index));
			final Map<String, StoredArray> weights = new LinkedHashMap<>();
			for (final Map.Entry<String, EntryRef> w : index.entrySet()) {
				final float[] values = readArray(zip, "weight '" + w.getKey() + "'", w.getValue(), sums);
				weights.put(w.getKey(), new StoredArray(w.getValue().shape(), values));
			}
			final ArchiveContents contents = new ArchiveContents(info, Collections.unmodifiableMap(weights),
				readPlane(zip, in, sums, ModelJson.formatVersion(root)), readPlane(zip, out, sums, ModelJson.formatVersion(
					root)));
			LOG.debug("read model {} ('{}' version {}, {} weight arrays)", file, info.spec().variant(),
				info.spec().variantVersion(), weights.size());
			return contents;
		}
	}

	/**
	 * Reads only the metadata of a model file, checking the zip directory, the format version and the
	 * metadata's checksum, not the arrays.
	 *
	 * @throws ModelFileException if the metadata cannot be read
	 */
	public static ModelInfo readInfo(final Path file) {
		try (ArchiveReader zip = ArchiveReader.open(file, ArchiveLimits.DEFAULT)) {
			final JsonNode root = metadata(file, zip, null);
			checksums(zip);
			try {
				return ModelJson.info(root);
			}
			catch (final BadArchiveException e) {
				throw invalidMetadata(file, e);
			}
		}
	}

	/** The parsed metadata, after the checks that need only it: present, JSON, format version, variant. */
	private static JsonNode metadata(final Path file, final ArchiveReader zip, final String expectedVariant) {
		if (!zip.has(METADATA)) throw new ModelFileException(file + " is not an Hourglass model: it has no " + METADATA);
		try {
			final JsonNode root = ModelJson.parse(zip.readSmall(METADATA));
			final int version = ModelJson.formatVersion(root);
			if (version > FORMAT_VERSION) {
				throw new ModelFileException(file + " was written in model format " + version + ", but this version of " +
					"Hourglass reads format " + FORMAT_VERSION + " and older: update Hourglass to load it");
			}
			if (version < 1) throw new BadArchiveException("format version must be at least 1, found " + version);
			final String variant = ModelJson.variant(root);
			if (expectedVariant != null && !expectedVariant.equals(variant)) {
				throw new ModelFileException(file + " is a '" + variant + "' model; this command needs a '" +
					expectedVariant + "' model");
			}
			return root;
		}
		catch (final BadArchiveException e) {
			throw invalidMetadata(file, e);
		}
	}

	/** The checksum list, after verifying the metadata against it. */
	private static Map<String, String> checksums(final ArchiveReader zip) {
		if (!zip.has(CHECKSUMS)) throw zip.damaged("it has no " + CHECKSUMS);
		final Map<String, String> sums;
		try {
			sums = Checksums.parse(zip.readSmall(CHECKSUMS));
		}
		catch (final BadArchiveException e) {
			throw zip.damaged(e.getMessage());
		}
		verify(zip, METADATA, sums);
		return sums;
	}

	/** Checks that the zip holds exactly the entries the metadata names; returns them. */
	private static Set<String> expectedEntries(final Path file, final ArchiveReader zip,
		final Map<String, EntryRef> index)
	{
		final Set<String> expected = new LinkedHashSet<>();
		expected.add(METADATA);
		for (final Map.Entry<String, EntryRef> w : index.entrySet()) {
			final String entry = w.getValue().entry();
			if (!WEIGHT_ENTRY.matcher(entry).matches()) {
				throw invalidMetadata(file, new BadArchiveException("weight '" + w.getKey() + "' is stored in '" + entry +
					"', expected weights/<number>.f32"));
			}
			if (!expected.add(entry)) {
				throw invalidMetadata(file, new BadArchiveException("entry " + entry + " is used for two weights"));
			}
		}
		expected.add(TEST_INPUT);
		expected.add(TEST_OUTPUT);
		for (final String name : expected) {
			if (!zip.has(name)) throw zip.damaged("entry " + name + " is missing");
		}
		for (final String name : zip.names()) {
			if (!expected.contains(name) && !name.equals(CHECKSUMS)) {
				throw zip.refused("it holds an unknown entry '" + name + "'; a model holds only the entries its " +
					METADATA + " names");
			}
		}
		return expected;
	}

	/** Checks that the checksum list names exactly the {@code expected} entries. */
	private static void checkListed(final ArchiveReader zip, final Map<String, String> sums, final Set<String> expected) {
		for (final String name : expected) {
			if (!sums.containsKey(name)) throw zip.damaged(CHECKSUMS + " has no line for entry " + name);
		}
		for (final String name : sums.keySet()) {
			if (!expected.contains(name)) throw zip.damaged(CHECKSUMS + " lists " + name + ", which the model lacks");
		}
	}

	private static void verify(final ArchiveReader zip, final String entry, final Map<String, String> sums) {
		final String expected = sums.get(entry);
		final String found = zip.hash(entry);
		if (expected == null) throw zip.damaged(CHECKSUMS + " has no line for entry " + entry);
		if (!expected.equals(found)) {
			throw zip.damaged("entry " + entry + " has changed: its SHA-256 is " + found + " but " + CHECKSUMS +
				" says " + expected);
		}
	}

	private static float[] readArray(final ArchiveReader zip, final String what, final EntryRef ref,
		final Map<String, String> sums)
	{
		final long bytes = ref.byteCount();
		final long declared = zip.declaredSize(ref.entry());
		if (bytes < 0 || bytes / Float.BYTES > Integer.MAX_VALUE - 8) {
			throw zip.refused(what + " has an invalid or too large shape " + ref);
		}
		if (declared >= 0 && declared != bytes) {
			throw zip.damaged(what + " has shape " + Arrays.toString(ref.shape()) + ", that is " +
				bytes / Float.BYTES + " floats or " + bytes + " bytes, but its entry " + ref.entry() + " holds " +
				declared + " bytes");
		}
		final float[] values = zip.readFloats(ref.entry(), (int) (bytes / Float.BYTES));
		verify(zip, ref.entry(), sums);
		return values;
	}

	private static Plane readPlane(final ArchiveReader zip, final EntryRef ref, final Map<String, String> sums,
		final int version)
	{
		final long[] s = version == 1 && ref.shape().length == 2 ? new long[] { 1, ref.shape()[0], ref.shape()[1] }
			: ref.shape();
		final String expected = version == 1 ? "[height, width]" : "[channels, height, width]";
		if (s.length != 3 || Arrays.stream(s).anyMatch(d -> d < 1 || d > Integer.MAX_VALUE) || s[0] > 4096) {
			throw zip.damaged("test plane " + ref.entry() + " must have a shape " + expected + " of positive sizes, " +
				"found " + Arrays.toString(ref.shape()));
		}
		return new Plane((int) s[2], (int) s[1], (int) s[0], readArray(zip, "test plane " + ref.entry(), ref, sums));
	}

	private static ModelFileException invalidMetadata(final Path file, final BadArchiveException e) {
		return new ModelFileException(file + " has an invalid " + METADATA + ": " + e.getMessage());
	}
}
