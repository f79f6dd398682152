package org.hourglass.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where the assembled distribution and the test's scratch space are (set by the build). */
final class Installation {

	private Installation() {}

	static Path workbench() {
		return path("hourglass.workbench");
	}

	static Path fiji() {
		return path("hourglass.fiji");
	}

	/** The Fiji-faithful host: the jars of a Fiji, as far as Maven Central serves them (fiji-host module). */
	static Path fijiHost() {
		return path("hourglass.fijiHost");
	}

	static Path updateSite() {
		return path("hourglass.updateSite");
	}

	/** The engine bundle's native fragments, one per platform. */
	static Path fragments() {
		return path("hourglass.fragments");
	}

	/** Where the workbench archives are. */
	static Path archives() {
		return path("hourglass.archives");
	}

	static String version() {
		return System.getProperty("hourglass.version");
	}

	/** The packaged nd4j-native classifiers, one per platform. */
	static List<String> nd4jClassifiers() {
		return List.of(System.getProperty("hourglass.nd4jClassifiers").split(","));
	}

	/** The project's source tree (README, docs, samples). */
	static Path sources() {
		return path("hourglass.sources").normalize();
	}

	static Path testClasses() {
		return path("hourglass.testClasses");
	}

	/** A fresh scratch folder for one test class. */
	static Path scratch(final String name) throws IOException {
		final Path dir = path("hourglass.itDir").resolve(name);
		if (Files.exists(dir)) {
			try (Stream<Path> s = Files.walk(dir)) {
				for (final Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
			}
		}
		return Files.createDirectories(dir);
	}

	static Path sample() {
		return workbench().resolve("samples/images/nuclei-2d.tif");
	}

	/** The noisy electron micrograph the sample Denoise model was made for. */
	static Path semSample() {
		return workbench().resolve("samples/images/sem-noisy.tif");
	}

	static List<Path> jars(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return new ArrayList<>(s.filter(p -> p.toString().endsWith(".jar")).sorted().toList());
		}
	}

	private static Path path(final String property) {
		final String v = System.getProperty(property);
		if (v == null) throw new IllegalStateException(property + " is not set; run with mvn verify");
		return Path.of(v).toAbsolutePath();
	}
}
