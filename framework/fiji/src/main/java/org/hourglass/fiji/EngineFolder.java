package org.hourglass.fiji;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.hourglass.api.HourglassException;

/**
 * Where the engine is installed: {@code Fiji.app/lib/hourglass/} holds the engine's jar and ND4J's
 * platform-independent jars, and one sub-folder per platform ({@code linux-x86_64/}, {@code windows-x86_64/},
 * {@code macosx-x86_64/}, {@code macosx-arm64/}) its native jars. The engine itself picks the natives of the
 * platform it runs on among those present.
 *
 * @param dir the engine folder
 */
record EngineFolder(Path dir) {

	/** System property that names the engine folder instead of the default beside this jar's {@code jars/}. */
	static final String PROPERTY = "hourglass.engine.dir";

	/** The engine folder of the installation this class was loaded from: {@code <Fiji.app>/lib/hourglass}. */
	static EngineFolder ofInstallation() {
		final String configured = System.getProperty(PROPERTY);
		if (configured != null) return new EngineFolder(Path.of(configured));
		return new EngineFolder(ownJar().getParent().resolveSibling("lib").resolve("hourglass"));
	}

	/**
	 * The jars for the engine's class loader: those of the folder, then those of every platform folder.
	 *
	 * @throws HourglassException if the folder or the engine's jar is missing, with where it was expected
	 */
	List<URL> jars() {
		final List<Path> jars = list(dir);
		if (jars.stream().noneMatch(p -> p.getFileName().toString().startsWith("hourglass-engine-"))) {
			throw new HourglassException("Hourglass's engine is not installed: expected hourglass-engine-*.jar and " +
				"ND4J's jars in " + dir + ". Update Hourglass with Help > Update... (Hourglass update site), or copy " +
				"the drop-in's lib/hourglass/ folder into Fiji.app/lib/.");
		}
		try (Stream<Path> s = Files.list(dir)) {
			for (final Path sub : s.filter(Files::isDirectory).sorted().toList()) jars.addAll(list(sub));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		final List<URL> urls = new ArrayList<>();
		for (final Path p : jars) {
			try {
				urls.add(p.toUri().toURL());
			}
			catch (final MalformedURLException e) {
				throw new IllegalStateException(p.toString(), e);
			}
		}
		return urls;
	}

	private static List<Path> list(final Path folder) {
		if (!Files.isDirectory(folder)) return new ArrayList<>();
		try (Stream<Path> s = Files.list(folder)) {
			return new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList());
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Path ownJar() {
		final CodeSource source = EngineFolder.class.getProtectionDomain().getCodeSource();
		try {
			return Path.of(source.getLocation().toURI());
		}
		catch (final URISyntaxException | NullPointerException e) {
			throw new IllegalStateException("cannot tell where hourglass-fiji was loaded from; set -D" + PROPERTY, e);
		}
	}
}
