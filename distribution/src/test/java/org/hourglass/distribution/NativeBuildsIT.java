package org.hourglass.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipFile;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every packaged platform's natives, complete in the Fiji drop-in ({@code lib/hourglass/<platform>/}), in the
 * engine bundle's fragment, and in that platform's workbench archive: ND4J's, JavaCPP's and OpenBLAS's JNI
 * libraries and the libraries they load, each built for that platform (read from the binary's header).
 * Only Linux's are run by the other tests.
 */
class NativeBuildsIT {

	static List<String> classifiers() {
		return Installation.nd4jClassifiers();
	}

	@ParameterizedTest
	@MethodSource("classifiers")
	void theDropInHasEachPlatformsNativesComplete(final String classifier) throws IOException {
		final String platform = platformOf(classifier);
		final List<Path> jars = Installation.jars(Installation.fiji().resolve("lib/hourglass").resolve(platform));
		assertEquals(List.of("javacpp-1.5.7-" + platform + ".jar", "nd4j-native-1.0.0-M2.1-" + classifier + ".jar",
			"openblas-0.3.19-1.5.7-" + platform + ".jar"), jars.stream().map(p -> p.getFileName().toString()).toList());
		final Map<String, String> libraries = new TreeMap<>();
		for (final Path jar : jars) {
			try (JarFile j = new JarFile(jar.toFile(), false)) {
				for (final JarEntry e : java.util.Collections.list(j.entries())) {
					if (isLibrary(e.getName())) {
						try (InputStream in = j.getInputStream(e)) {
							libraries.put(e.getName(), NativeBinary.platform(in.readNBytes(4096)));
						}
					}
				}
			}
		}
		for (final String required : required(classifier)) {
			assertEquals(platform, libraries.get(required), required + " in " + libraries.keySet());
		}
		libraries.forEach((name, built) -> assertEquals(platform, built, name + " is built for " + built));
	}

	@ParameterizedTest
	@MethodSource("classifiers")
	void theFragmentCarriesTheSameNativeJars(final String classifier) throws IOException {
		final String platform = platformOf(classifier);
		final Path fragment = Installation.fragments().resolve("hourglass-engine-natives-" + platform + "-" +
			Installation.version() + ".jar");
		final Path dir = Installation.fiji().resolve("lib/hourglass").resolve(platform);
		try (JarFile j = new JarFile(fragment.toFile(), false)) {
			final Manifest mf = j.getManifest();
			assertEquals("hourglass-engine", mf.getMainAttributes().getValue("Fragment-Host"));
			final List<String> classPath = List.of(mf.getMainAttributes().getValue("Bundle-ClassPath").split(","));
			final List<String> expected = new ArrayList<>();
			for (final Path jar : Installation.jars(dir)) {
				expected.add("lib/" + jar.getFileName());
				final JarEntry e = j.getJarEntry("lib/" + jar.getFileName());
				assertEquals(Files.size(jar), e.getSize(), e.getName());
			}
			assertEquals(expected, classPath);
		}
	}

	@ParameterizedTest
	@MethodSource("classifiers")
	void eachPlatformsArchiveHoldsItsFragmentOnlyAndBothLaunchers(final String classifier) throws Exception {
		final String platform = platformOf(classifier);
		final String v = Installation.version();
		final List<String> entries = archiveEntries(platform);
		final String base = "hourglass-" + v + "/";
		assertTrue(entries.contains(base + "bundles/hourglass-engine-natives-" + platform + "-" + v + ".jar"),
			entries.toString());
		assertEquals(1, entries.stream().filter(e -> e.contains("hourglass-engine-natives-")).count(), entries.toString());
		for (final String f : List.of("bin/hourglass", "bin/hourglass.cmd", "bundles/hourglass-engine-" + v + ".jar",
			"lib/hourglass-runtime-" + v + ".jar", "conf/log4j2.xml", "models/denoise-sample.zip")) {
			assertTrue(entries.contains(base + f), f + " in " + entries);
		}
	}

	private static List<String> archiveEntries(final String platform) throws Exception {
		final Path dir = Installation.archives();
		final Path zip = dir.resolve("hourglass-" + Installation.version() + "-" + platform + ".zip");
		if (Files.exists(zip)) {
			try (ZipFile z = new ZipFile(zip.toFile())) {
				return z.stream().map(e -> e.getName()).toList();
			}
		}
		final Path tgz = dir.resolve("hourglass-" + Installation.version() + "-" + platform + ".tar.gz");
		final Process p = new ProcessBuilder("tar", "-tzf", tgz.toString()).redirectErrorStream(true).start();
		final List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
		assertEquals(0, p.waitFor(), String.join("\n", lines));
		return lines;
	}

	/** The libraries JavaCPP loads for ND4J on {@code classifier}'s platform. */
	static List<String> required(final String classifier) {
		final String p = platformOf(classifier);
		final String nd4j = "org/nd4j/linalg/cpu/nativecpu/bindings/" + classifier + "/";
		// ND4J's Windows build is made with MinGW: its core library keeps the lib prefix
		final String core = p.startsWith("windows") ? nd4j + "libnd4jcpu.dll" : lib(nd4j, p, "nd4jcpu");
		final List<String> out = new ArrayList<>(List.of(lib(nd4j, p, "jnind4jcpu"), core, lib(
			"org/bytedeco/javacpp/" + p + "/", p, "jnijavacpp"), lib("org/bytedeco/openblas/" + p + "/", p,
				"jniopenblas_nolapack")));
		out.add("org/bytedeco/openblas/" + p + "/" + (p.startsWith("windows") ? "libopenblas.dll" : p.startsWith(
			"macosx") ? "libopenblas.0.dylib" : "libopenblas.so.0"));
		return out;
	}

	private static String lib(final String folder, final String platform, final String name) {
		if (platform.startsWith("windows")) return folder + name + ".dll";
		return folder + "lib" + name + (platform.startsWith("macosx") ? ".dylib" : ".so");
	}

	private static boolean isLibrary(final String name) {
		return name.endsWith(".so") || name.contains(".so.") || name.endsWith(".dll") || name.endsWith(".dylib");
	}

	static String platformOf(final String classifier) {
		final int dash = classifier.indexOf('-', classifier.indexOf('-') + 1);
		return dash < 0 ? classifier : classifier.substring(0, dash);
	}
}
