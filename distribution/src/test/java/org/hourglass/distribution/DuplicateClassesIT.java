package org.hourglass.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No class name twice where Fiji or the engine loader would keep one copy arbitrarily: the drop-in's
 * {@code jars/} against the Fiji host's jars (Fiji's flat class path), and the engine folder against itself and
 * against the packages it shares with the host. Nothing is allowed: no duplicate was found that would need a
 * proof of identity.
 */
class DuplicateClassesIT {

	/** Packages the engine loader takes from the host (org.hourglass.fiji.EngineClassLoader.SHARED). */
	private static final List<String> SHARED = List.of("org.hourglass.api.", "org.scijava.", "net.imglib2.", "ij.",
		"org.apache.logging.log4j.", "org.slf4j.");

	@Test
	void theDropInsJarsRepeatNoClassOfFijis() throws IOException {
		final List<Path> dropIn = Installation.jars(Installation.fiji().resolve("jars"));
		final Map<String, List<Path>> dups = new ClassNames().add(dropIn).add(Installation.jars(Installation.fijiHost()))
			.duplicates();
		final Map<String, List<Path>> ours = dups.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(
			dropIn::contains)).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertTrue(ours.isEmpty(), report(ours));
	}

	@Test
	void theEngineFolderHoldsEachClassOnceAndNoneOfTheSharedPackages() throws IOException {
		final ClassNames engine = new ClassNames().add(engineJars());
		assertTrue(engine.names().size() > 10_000, "ND4J's classes are there: " + engine.names().size());
		assertTrue(engine.duplicates().isEmpty(), report(engine.duplicates()));
		final List<String> shadowed = engine.names().stream().filter(n -> SHARED.stream().anyMatch(n::startsWith))
			.toList();
		assertEquals(List.of(), shadowed, "classes the host's copies would hide");
	}

	/** The check itself finds what it must: the host's own copy of a library, added twice. */
	@Test
	void theScanFindsADuplicate() throws IOException {
		final Path guava = Installation.jars(Installation.fijiHost()).stream().filter(p -> p.getFileName().toString()
			.startsWith("guava-")).findFirst().orElseThrow();
		final Path copy = Installation.scratch("duplicates").resolve("guava-copy.jar");
		Files.copy(guava, copy);
		final Map<String, List<Path>> dups = new ClassNames().add(List.of(guava, copy)).duplicates();
		assertTrue(dups.containsKey("com.google.common.collect.ImmutableList"), dups.keySet().toString());
		assertFalse(new ClassNames().add(List.of(guava)).duplicates().containsKey(
			"com.google.common.collect.ImmutableList"));
	}

	private static List<Path> engineJars() throws IOException {
		final Path dir = Installation.fiji().resolve("lib/hourglass");
		final List<Path> jars = new ArrayList<>(Installation.jars(dir));
		try (Stream<Path> s = Files.list(dir)) {
			for (final Path sub : s.filter(Files::isDirectory).sorted().toList()) jars.addAll(Installation.jars(sub));
		}
		return jars;
	}

	private static String report(final Map<String, List<Path>> dups) {
		return dups.size() + " class names found twice, e.g.:\n" + dups.entrySet().stream().limit(20).map(e -> "  " + e
			.getKey() + " in " + e.getValue().stream().map(p -> p.getFileName().toString()).toList()).collect(Collectors
				.joining("\n"));
	}
}
