package org.hourglass.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.hourglass.distribution.build.UpdaterChecksum;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The generated update site read back as Fiji's updater reads it: {@code db.xml.gz} lists every file of the
 * drop-in once, and each listed file is on the site under the name the updater downloads, with the size and
 * checksum the index gives, so an installed file shows as up to date.
 */
class UpdateSiteIT {

	/** filename -> the plugin record */
	private static final Map<String, Element> records = new TreeMap<>();

	@BeforeAll
	static void read() throws Exception {
		final Document db;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(Installation.updateSite().resolve("db.xml.gz")))) {
			db = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
		}
		assertEquals("pluginRecords", db.getDocumentElement().getTagName());
		final NodeList plugins = db.getElementsByTagName("plugin");
		for (int i = 0; i < plugins.getLength(); i++) {
			final Element e = (Element) plugins.item(i);
			assertEquals(null, records.put(e.getAttribute("filename"), e), "listed twice: " + e.getAttribute("filename"));
		}
	}

	@Test
	void everyFileOfTheDropInIsListed() throws Exception {
		final Path dropIn = Installation.fiji();
		final List<String> files = new ArrayList<>();
		try (Stream<Path> s = Files.walk(dropIn)) {
			for (final Path p : s.filter(Files::isRegularFile).sorted().toList()) {
				final String rel = dropIn.relativize(p).toString();
				if (!rel.equals("INSTALL.md")) files.add(rel);
			}
		}
		assertEquals(files, new ArrayList<>(records.keySet()));
		assertTrue(records.containsKey("jars/hourglass-fiji-" + Installation.version() + ".jar"));
		assertTrue(records.containsKey("lib/hourglass/hourglass-engine-" + Installation.version() + ".jar"));
	}

	@Test
	void everyListedFileIsThereWithItsSizeAndChecksum() throws Exception {
		for (final Map.Entry<String, Element> r : records.entrySet()) {
			final Element version = (Element) r.getValue().getElementsByTagName("version").item(0);
			final String timestamp = version.getAttribute("timestamp");
			assertTrue(timestamp.matches("20\\d{12}"), r.getKey() + ": timestamp " + timestamp);
			final Path file = Installation.updateSite().resolve(r.getKey() + "-" + timestamp);
			assertTrue(Files.isRegularFile(file), file.toString());
			assertEquals(Long.parseLong(version.getAttribute("filesize")), Files.size(file), r.getKey());
			assertEquals(version.getAttribute("checksum"), UpdaterChecksum.of(r.getKey(), file), r.getKey());
			final Path dropIn = Installation.fiji().resolve(r.getKey());
			assertTrue(Files.isSameFile(file, dropIn) || Files.mismatch(file, dropIn) == -1,
				"the drop-in's copy is the site's: " + r.getKey());
		}
	}

	/** Natives only for their platforms (both Mac builds on every Mac), everything else everywhere. */
	@Test
	void nativesCarryTheirPlatform() {
		final Map<String, String> expected = Map.of("linux-x86_64", "linux64", "windows-x86_64", "win64",
			"macosx-x86_64", "macosx", "macosx-arm64", "macosx");
		for (final Map.Entry<String, Element> r : records.entrySet()) {
			final NodeList platforms = r.getValue().getElementsByTagName("platform");
			final Path path = Path.of(r.getKey());
			if (path.startsWith("lib/hourglass") && path.getNameCount() == 4) {
				assertEquals(1, platforms.getLength(), r.getKey());
				assertEquals(expected.get(path.getName(2).toString()), platforms.item(0).getTextContent(), r.getKey());
			}
			else {
				assertEquals(0, platforms.getLength(), r.getKey());
			}
		}
	}
}
