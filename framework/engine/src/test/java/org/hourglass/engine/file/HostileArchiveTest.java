package org.hourglass.engine.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.hourglass.api.ModelFileException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Damaged, foreign and hostile files are refused, each with a message naming the file and the problem. */
class HostileArchiveTest {

	@TempDir
	Path dir;

	private Path good;
	private Map<String, byte[]> entries;
	private Path bad;

	@BeforeEach
	void writeGoodModel() throws IOException {
		good = dir.resolve("good.zip");
		ModelArchive.write(good, TestArchives.unet("denoise"));
		entries = TestArchives.entries(good);
		bad = dir.resolve("bad.zip");
	}

	// -- Not a model --

	@Test
	void notAZip() throws IOException {
		Files.writeString(bad, "just some text, long enough to not be anything else");
		assertRefused(bad, "is not an Hourglass model: it is not a zip archive");
		Files.write(bad, new byte[0]);
		assertRefused(bad, "is not an Hourglass model: it is not a zip archive");
	}

	@Test
	void zipWithoutMetadata() throws IOException {
		TestArchives.write(bad, Map.of("readme.txt", "hello".getBytes(StandardCharsets.UTF_8)));
		assertRefused(bad, "is not an Hourglass model: it has no hourglass-model.json");
	}

	@Test
	void missingFileAndFolder() {
		assertRefused(dir.resolve("nothing.zip"), "does not exist");
		assertRefused(dir, "is not a model file but a folder");
	}

	// -- Another variant or format --

	@Test
	void otherVariant() throws IOException {
		ModelArchive.write(bad, TestArchives.unet("superres"));
		final ModelFileException e = assertThrows(ModelFileException.class, () -> ModelArchive.read(bad, "denoise"));
		assertEquals(bad + " is a 'superres' model; this command needs a 'denoise' model", e.getMessage());
		assertEquals("superres", ModelArchive.read(bad, null).info().spec().variant());
		assertEquals("superres", ModelArchive.read(bad, "superres").info().spec().variant());
	}

	@Test
	void newerFormatVersion() throws IOException {
		final String json = TestArchives.json(entries).replace("\"formatVersion\" : 2", "\"formatVersion\" : 3");
		TestArchives.write(bad, TestArchives.rehash(TestArchives.withJson(entries, json)));
		assertRefused(bad, "was written in model format 3, but this version of Hourglass reads format 2");
		// a newer format may have a different layout altogether: the version is checked first
		TestArchives.write(bad, Map.of("hourglass-model.json",
			"{\"formatVersion\": 7, \"everything\": \"else\"}".getBytes(StandardCharsets.UTF_8)));
		assertRefused(bad, "was written in model format 7");
	}

	// -- Changed, missing, truncated --

	@Test
	void changedWeightEntry() throws IOException {
		entries.get("weights/2.f32")[17] ^= 0x10;
		TestArchives.write(bad, entries);
		assertRefused(bad, "is damaged: entry weights/2.f32 has changed: its SHA-256 is");
	}

	@Test
	void flippedByteInTheFile() throws IOException {
		// weights are stored uncompressed: flip one byte of their data directly in the file
		final byte[] file = Files.readAllBytes(good);
		final byte[] data = entries.get("weights/0.f32");
		final int at = indexOf(file, Arrays.copyOfRange(data, 100, 132)) + 7;
		file[at] ^= 0x01;
		Files.write(bad, file);
		assertRefused(bad, "is damaged: entry weights/0.f32");
	}

	@Test
	void changedMetadata() throws IOException {
		final String json = TestArchives.json(entries).replace("\"noisy.tif", "\"other.tif");
		TestArchives.write(bad, TestArchives.withJson(entries, json));
		assertRefused(bad, "is damaged: entry hourglass-model.json has changed");
	}

	@Test
	void missingChecksumLine() throws IOException {
		final String sums = new String(entries.get("checksums.sha256"), StandardCharsets.UTF_8);
		entries.put("checksums.sha256", sums.replaceAll("(?m)^.*  weights/3\\.f32\n", "").getBytes(StandardCharsets.UTF_8));
		TestArchives.write(bad, entries);
		assertRefused(bad, "is damaged: checksums.sha256 has no line for entry weights/3.f32");
	}

	@Test
	void missingChecksumFile() throws IOException {
		entries.remove("checksums.sha256");
		TestArchives.write(bad, entries);
		assertRefused(bad, "is damaged: it has no checksums.sha256");
	}

	@Test
	void malformedChecksumFile() throws IOException {
		entries.put("checksums.sha256", "not a checksum\n".getBytes(StandardCharsets.UTF_8));
		TestArchives.write(bad, entries);
		assertRefused(bad, "line 1 of checksums.sha256 is not '<64 hex digits>  <entry name>'");
	}

	@Test
	void checksumForAnEntryThatIsNotThere() throws IOException {
		final String sums = new String(entries.get("checksums.sha256"), StandardCharsets.UTF_8);
		entries.put("checksums.sha256", (sums + "0".repeat(64) + "  weights/99.f32\n").getBytes(StandardCharsets.UTF_8));
		TestArchives.write(bad, entries);
		assertRefused(bad, "checksums.sha256 lists weights/99.f32, which the model lacks");
	}

	@Test
	void missingEntry() throws IOException {
		entries.remove("test/output.f32");
		TestArchives.write(bad, entries);
		assertRefused(bad, "is damaged: entry test/output.f32 is missing");
	}

	@Test
	void truncatedFile() throws IOException {
		final byte[] file = Files.readAllBytes(good);
		for (final int length : new int[] { file.length / 2, file.length - 30, 10 }) {
			Files.write(bad, Arrays.copyOf(file, length));
			assertRefused(bad, "is damaged: its zip directory cannot be read, the file may be truncated");
		}
	}

	@Test
	void weightShapeDoesNotMatchItsBytes() throws IOException {
		// a consistent file (checksums match) whose entry is shorter than its shape says
		entries.put("weights/0.f32", Arrays.copyOf(entries.get("weights/0.f32"), 4 * 100));
		TestArchives.write(bad, TestArchives.rehash(entries));
		assertRefused(bad, "weight 'dec1/conv1/W' has shape [3, 3, 16, 8], that is 1152 floats or 4608 bytes, " +
			"but its entry weights/0.f32 holds 400 bytes");
	}

	@Test
	void lengthNotAMultipleOfFour() throws IOException {
		final String json = TestArchives.json(entries).replace("\"shape\" : [ 4 ]", "\"shape\" : [ 3 ]");
		entries.put("weights/5.f32", Arrays.copyOf(entries.get("weights/5.f32"), 13));
		TestArchives.write(bad, TestArchives.rehash(TestArchives.withJson(entries, json)));
		assertRefused(bad, "weight 'special' has shape [3], that is 3 floats or 12 bytes, but its entry " +
			"weights/5.f32 holds 13 bytes");
	}

	// -- Hostile --

	@Test
	void unknownExtraEntry() throws IOException {
		entries.put("notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
		TestArchives.write(bad, TestArchives.rehash(entries));
		assertRefused(bad, "is refused: it holds an unknown entry 'notes.txt'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "../evil.sh", "weights/../../evil.sh", "/etc/cron.d/evil", "weights\\..\\evil.dll",
		"C:/Windows/evil.dll", "weights//0.f32", "./hourglass-model.json", "weights/..", "a\u0000b" })
	void entryNamesThatEscape(final String name) throws IOException {
		entries.put(name, "x".getBytes(StandardCharsets.UTF_8));
		TestArchives.write(bad, TestArchives.rehash(entries));
		assertRefused(bad, "is refused: entry name '");
		assertRefused(bad, "' escapes the archive");
	}

	@Test
	void duplicateEntry() throws IOException {
		// two metadata entries, the classic way to show one reader one thing and another reader another
		final Map<String, byte[]> twice = new LinkedHashMap<>();
		twice.put("hourglass-model.json", entries.get("hourglass-model.json"));
		twice.put("hourglass-model.jsoX", "{}".getBytes(StandardCharsets.UTF_8));
		entries.forEach((k, v) -> twice.putIfAbsent(k, v));
		TestArchives.write(bad, twice);
		final byte[] b = Files.readAllBytes(bad);
		final byte[] from = "hourglass-model.jsoX".getBytes(StandardCharsets.UTF_8);
		for (int at = indexOf(b, from); at >= 0; at = indexOf(b, from)) b[at + from.length - 1] = 'n';
		Files.write(bad, b);
		assertRefused(bad, "is refused: entry hourglass-model.json appears twice");
	}

	@Test
	void compressionBomb() throws IOException {
		// 64 MiB of zeros deflate to about 64 KiB
		entries.put("weights/0.f32", TestArchives.zeros(64 << 20));
		TestArchives.write(bad, TestArchives.rehash(entries));
		assertRefused(bad, "is refused: entry weights/0.f32 declares a compression ratio above 100:1");
	}

	@Test
	void compressionBombWhoseDirectoryLies() throws IOException {
		// the directory says 1000 bytes; the stream expands to 64 MiB: caught while reading
		entries.put("hourglass-model.json", TestArchives.zeros(64 << 20));
		TestArchives.write(bad, entries);
		TestArchives.patchDeclaredSize(bad, "hourglass-model.json", 1000);
		assertRefused(bad, "is refused: entry hourglass-model.json expands more than 100 times");
	}

	@Test
	void arrayLongerThanItsDirectoryAndShapeSay() throws IOException {
		entries.put("weights/0.f32", TestArchives.zeros(64 << 20));
		TestArchives.write(bad, TestArchives.rehash(entries));
		TestArchives.patchDeclaredSize(bad, "weights/0.f32", 4608);
		assertRefused(bad, "is damaged: entry weights/0.f32 holds more than the expected 4608 bytes");
	}

	@Test
	void entryLongerThanItsDirectorySays() throws IOException {
		entries.put("test/input.f32", Arrays.copyOf(entries.get("test/input.f32"), 4 * 48 + 40));
		TestArchives.write(bad, TestArchives.rehash(entries));
		TestArchives.patchDeclaredSize(bad, "test/input.f32", 4 * 48);
		assertRefused(bad, "is damaged: entry test/input.f32 holds more than the expected 192 bytes");
	}

	@Test
	void hugeDeclaredEntry() throws IOException {
		TestArchives.write(bad, entries);
		TestArchives.patchDeclaredSize(bad, "weights/0.f32", 0xF000_0000L);
		assertRefused(bad, "is refused: entry weights/0.f32 declares 3840 MiB, more than the limit of 2048 MiB");
	}

	@Test
	void hugeDeclaredTotal() throws IOException {
		TestArchives.write(bad, entries);
		TestArchives.patchDeclaredSize(bad, "weights/0.f32", 0x7000_0000L);
		TestArchives.patchDeclaredSize(bad, "weights/2.f32", 0x7000_0000L);
		TestArchives.patchDeclaredSize(bad, "test/input.f32", 0x7000_0000L);
		// (with the default limits the ratio check would refuse each entry first)
		final ArchiveLimits noRatio = new ArchiveLimits(10_000, 2048L << 20, 4096L << 20, 16 << 20, 1e12, 1 << 20);
		final ModelFileException e = assertThrows(ModelFileException.class, () -> ModelArchive.read(bad, null, noRatio));
		assertTrue(e.getMessage().contains("is refused: its entries declare more than the limit of 4096 MiB in total"),
			e.getMessage());
	}

	@Test
	void actualTotalIsCappedToo() throws IOException {
		final String json = "{\"formatVersion\": 1" + " ".repeat(10_000) + "}";
		TestArchives.write(bad, Map.of("hourglass-model.json", json.getBytes(StandardCharsets.UTF_8)));
		TestArchives.patchDeclaredSize(bad, "hourglass-model.json", 10);
		final ArchiveLimits small = new ArchiveLimits(100, 1 << 20, 3000, 1 << 20, 100, 1 << 20);
		final ModelFileException e = assertThrows(ModelFileException.class, () -> ModelArchive.read(bad, null, small));
		assertTrue(e.getMessage().contains("is refused: its entries hold more than the limit of 3000 bytes in total"),
			e.getMessage());
		final ModelFileException f = assertThrows(ModelFileException.class, () -> ModelArchive.read(good, null, small));
		assertTrue(f.getMessage().contains("is refused: its entries declare more than the limit of 3000 bytes in total"),
			f.getMessage());
		ModelArchive.read(good, null, new ArchiveLimits(100, 1 << 20, 1 << 20, 1 << 20, 100, 1 << 20));
	}

	@Test
	void tooManyEntries() throws IOException {
		try (OutputStream os = Files.newOutputStream(bad); ZipOutputStream zip = new ZipOutputStream(os)) {
			for (int i = 0; i <= 10_000; i++) {
				zip.putNextEntry(new ZipEntry("e" + i));
				zip.closeEntry();
			}
		}
		assertRefused(bad, "is refused: it has 10001 entries; a model has at most 10000");
	}

	// -- Malformed metadata --

	@Test
	void malformedJson() throws IOException {
		for (final String json : new String[] { "{ \"formatVersion\": 1, ", "[1, 2]", "{\"formatVersion\": 1} {}",
			"{\"formatVersion\": 1, \"formatVersion\": 1}" })
		{
			TestArchives.write(bad, TestArchives.rehash(TestArchives.withJson(entries, json)));
			assertRefused(bad, "has an invalid hourglass-model.json: it is not");
		}
	}

	@Test
	void missingField() throws IOException {
		final String json = TestArchives.json(entries).replaceFirst("\"kernelSize\" : 3,", "");
		TestArchives.write(bad, TestArchives.rehash(TestArchives.withJson(entries, json)));
		assertRefused(bad, "has an invalid hourglass-model.json: missing field 'network.kernelSize'");
	}

	@Test
	void wrongFieldTypesAndValues() throws IOException {
		final String json = TestArchives.json(entries);
		final String[][] cases = {
			{ "\"kernelSize\" : 3", "\"kernelSize\" : \"3\"", "field 'network.kernelSize' must be an integer, found \"3\"" },
			{ "\"kernelSize\" : 3", "\"kernelSize\" : 4", "describes an invalid model: invalid network: kernel size must be odd, got 4" },
			{ "\"activation\" : \"RELU\"", "\"activation\" : \"SWISH\"", "field 'network.activation' must be one of [LINEAR, RELU" },
			{ "\"axes\" : \"CYX\"", "\"axes\" : \"YX\"", "axes must be 'CYX' in format 2, found 'YX'" },
			{ "\"pooling\" : \"MAX\"", "\"pooling\" : \"AVERAGE\"", "field 'network.pooling' must be one of [MAX, MAX_BLUR]" },
			{ "\"reduction\" : \"MEAN\"", "\"reduction\" : \"SUM\"", "a masked loss is averaged over its mask" },
			{ "\"warmupEpochs\" : 0", "\"warmupEpochs\" : -1", "warm-up epochs must be >= 0" },
			{ "\"best\" : true", "\"best\" : 1", "field 'training.history[0].best' must be true or false, found 1" },
			{ "\"variantVersion\" : 3", "\"variantVersion\" : 3.5", "field 'variantVersion' must be an integer, found 3.5" },
			{ "\"created\" : \"2025", "\"created\" : \"yesterday 2025", "must be an instant" },
			{ "\"entry\" : \"weights/1.f32\"", "\"entry\" : \"weights/0.f32\"", "entry weights/0.f32 is used for two weights" },
			{ "\"entry\" : \"weights/1.f32\"", "\"entry\" : \"../1.f32\"", "expected weights/<number>.f32" },
		};
		for (final String[] c : cases) {
			assertTrue(json.contains(c[0]), c[0]);
			TestArchives.write(bad, TestArchives.rehash(TestArchives.withJson(entries, json.replaceFirst(
				java.util.regex.Pattern.quote(c[0]), c[1]))));
			assertRefused(bad, c[2]);
		}
	}

	// -- Helpers --

	private static void assertRefused(final Path file, final String expected) {
		final ModelFileException e = assertThrows(ModelFileException.class, () -> ModelArchive.read(file, "denoise"));
		assertTrue(e.getMessage().startsWith(file.toString()) || e.getMessage().contains(" " + file + " "),
			"names the file: " + e.getMessage());
		assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
	}

	private static int indexOf(final byte[] hay, final byte[] needle) {
		outer:
		for (int i = 0; i + needle.length <= hay.length; i++) {
			for (int k = 0; k < needle.length; k++) {
				if (hay[i + k] != needle[k]) continue outer;
			}
			return i;
		}
		return -1;
	}
}
