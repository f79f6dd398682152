package org.hourglass.engine.file;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.hourglass.api.ModelFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a message quotes from a damaged file is printable and short, whatever bytes the file holds. */
class PrintableMessagesTest {

	@TempDir
	Path dir;

	@Test
	void controlCharactersAndEndlessLinesFromTheFileDoNotReachTheMessage() throws Exception {
		final Path good = dir.resolve("good.zip");
		ModelArchive.write(good, TestArchives.unet("denoise"));
		final Map<String, byte[]> entries = TestArchives.entries(good);
		final String sums = new String(entries.get(ModelArchive.CHECKSUMS), StandardCharsets.UTF_8);
		entries.put(ModelArchive.CHECKSUMS, (sums + "x\u0000\u0007\u001b[31m" + "\u0000".repeat(100_000))
			.getBytes(StandardCharsets.UTF_8));
		final Path bad = TestArchives.write(dir.resolve("bad.zip"), entries);
		assertPrintable(assertThrows(ModelFileException.class, () -> ModelArchive.read(bad, "denoise")).getMessage());
		final Map<String, byte[]> json = TestArchives.entries(good);
		json.put(ModelArchive.METADATA, ("{\"formatVersion\": 2, \u0000\u0001" + "\u0000".repeat(10_000))
			.getBytes(StandardCharsets.UTF_8));
		final Path badJson = TestArchives.write(dir.resolve("bad-json.zip"), TestArchives.rehash(json));
		assertPrintable(assertThrows(ModelFileException.class, () -> ModelArchive.read(badJson, "denoise"))
			.getMessage());
	}

	private static void assertPrintable(final String m) {
		assertTrue(m.chars().noneMatch(c -> c < 0x20 || c == 0x7f), m);
		assertTrue(m.length() < 1000, m.length() + " characters: " + m);
	}
}
