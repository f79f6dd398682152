package org.hourglass.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The Fiji test host follows its rules (distribution/fiji-host/README.md), checked against what was
 * actually resolved, so it follows the engine when ND4J's dependencies change.
 */
class FijiHostRulesIT {

	/** Fiji ships no Log4j 2: the host must not either, or the logging test would prove nothing. */
	@Test
	void theHostHasNoLog4j2() throws IOException {
		for (final String ga : artifacts(Installation.jars(Installation.fijiHost()))) {
			assertFalse(ga.startsWith("org.apache.logging.log4j:"), ga);
		}
	}

	/** Rule B: Fiji's copy of every library of the engine folder that pom-scijava manages is in the host. */
	@Test
	void theHostHasFijisCopyOfEveryManagedLibraryTheEngineCarries() throws IOException {
		final Set<String> managed = managedByPomScijava();
		assertTrue(managed.contains("org.scijava:scijava-common"), "pom-scijava read: " + managed.size());
		final Set<String> engine = artifacts(engineJars());
		final Set<String> host = artifacts(Installation.jars(Installation.fijiHost()));
		final List<String> missing = new ArrayList<>();
		for (final String ga : engine) {
			if (managed.contains(ga) && !host.contains(ga)) missing.add(ga);
		}
		assertEquals(List.of(), missing, "engine libraries managed by pom-scijava but not in the host");
		assertTrue(host.contains("org.bytedeco:javacpp") && engine.contains("org.bytedeco:javacpp"));
	}

	/** groupId:artifactId of pom-scijava's managed dependencies. */
	private static Set<String> managedByPomScijava() throws IOException {
		final String pom = Files.readString(Path.of(System.getProperty("hourglass.pomScijava")));
		final String dm = pom.substring(pom.indexOf("<dependencyManagement>"), pom.indexOf("</dependencyManagement>"));
		final Matcher m = Pattern.compile("<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>").matcher(dm);
		final Set<String> out = new TreeSet<>();
		while (m.find()) out.add(m.group(1).trim() + ":" + m.group(2).trim());
		return out;
	}

	/**
	 * groupId:artifactId of jars, from each jar's own Maven metadata (the one named like the file: a shaded jar
	 * also carries the metadata of what it shades).
	 */
	private static Set<String> artifacts(final List<Path> jars) throws IOException {
		final Set<String> out = new TreeSet<>();
		for (final Path jar : jars) {
			final String file = jar.getFileName().toString();
			try (JarFile j = new JarFile(jar.toFile(), false)) {
				for (final Enumeration<JarEntry> e = j.entries(); e.hasMoreElements();) {
					final JarEntry entry = e.nextElement();
					if (!entry.getName().startsWith("META-INF/maven/") || !entry.getName().endsWith("/pom.properties")) continue;
					final Properties p = new Properties();
					try (InputStream in = j.getInputStream(entry)) {
						p.load(in);
					}
					if (file.startsWith(p.getProperty("artifactId") + "-" + p.getProperty("version"))) {
						out.add(p.getProperty("groupId") + ":" + p.getProperty("artifactId"));
					}
				}
			}
		}
		return out;
	}

	private static List<Path> engineJars() throws IOException {
		final Path dir = Installation.fiji().resolve("lib/hourglass");
		final List<Path> jars = new ArrayList<>(Installation.jars(dir));
		jars.addAll(Installation.jars(dir.resolve("linux-x86_64")));
		return jars;
	}
}
