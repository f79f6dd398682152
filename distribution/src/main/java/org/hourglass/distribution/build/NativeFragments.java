package org.hourglass.distribution.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.Deflater;

/**
 * Writes one OSGi fragment of the engine bundle per platform: {@code hourglass-engine-natives-<platform>-<version>.jar}
 * holds that platform's native jars on its {@code Bundle-ClassPath}, so Felix adds them to the engine bundle's
 * class path, where JavaCPP finds them. The nested jars are stored, not compressed again.
 * <p>
 * Arguments: the natives folder (one sub-folder of jars per platform), the output folder, the version.
 */
public final class NativeFragments {

	/** The engine bundle's symbolic name, the host of every fragment. */
	static final String HOST = "hourglass-engine";

	private NativeFragments() {}

	public static void main(final String[] args) throws IOException {
		final Path natives = Path.of(args[0]);
		final Path out = Files.createDirectories(Path.of(args[1]));
		final String version = args[2];
		try (Stream<Path> platforms = Files.list(natives)) {
			for (final Path dir : platforms.filter(Files::isDirectory).sorted().toList()) {
				write(dir, out.resolve(name(dir.getFileName().toString(), version)), version);
			}
		}
	}

	static String name(final String platform, final String version) {
		return HOST + "-natives-" + platform + "-" + version + ".jar";
	}

	static void write(final Path platformDir, final Path jar, final String version) throws IOException {
		final String platform = platformDir.getFileName().toString();
		final List<Path> jars;
		try (Stream<Path> s = Files.list(platformDir)) {
			jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
		}
		if (jars.isEmpty()) throw new IllegalStateException("no native jars in " + platformDir);
		final Manifest mf = new Manifest();
		final Attributes a = mf.getMainAttributes();
		a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		a.putValue("Bundle-ManifestVersion", "2");
		a.putValue("Bundle-SymbolicName", HOST + "-natives-" + platform);
		a.putValue("Bundle-Name", "Hourglass Engine natives for " + platform);
		a.putValue("Bundle-Version", version);
		a.putValue("Fragment-Host", HOST);
		a.putValue("Bundle-ClassPath", jars.stream().map(p -> "lib/" + p.getFileName()).collect(Collectors.joining(
			",")));
		final Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
		try (OutputStream os = Files.newOutputStream(tmp); JarOutputStream jos = new JarOutputStream(os, mf)) {
			jos.setLevel(Deflater.NO_COMPRESSION);
			for (final Path p : jars) {
				jos.putNextEntry(new JarEntry("lib/" + p.getFileName()));
				Files.copy(p, jos);
				jos.closeEntry();
			}
		}
		Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}
}
