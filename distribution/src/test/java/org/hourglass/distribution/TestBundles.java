package org.hourglass.distribution;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds the second, tiny bundle of the integration test: one command, its plugin index, a manifest. */
final class TestBundles {

	static final String ECHO_BUNDLE = "hourglass-it-echo";
	static final String ECHO_CLASS = "org.hourglass.it.echo.EchoCommand";

	private TestBundles() {}

	static Path echoBundle(final Path dir) throws IOException {
		final Manifest mf = new Manifest();
		final Attributes a = mf.getMainAttributes();
		a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		a.putValue("Bundle-ManifestVersion", "2");
		a.putValue("Bundle-SymbolicName", ECHO_BUNDLE);
		a.putValue("Bundle-Version", "1.0.0");
		a.putValue("Import-Package", "org.scijava,org.scijava.command,org.scijava.plugin");
		final Path jar = dir.resolve(ECHO_BUNDLE + ".jar");
		final String classFile = ECHO_CLASS.replace('.', '/') + ".class";
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out, mf)) {
			jos.putNextEntry(new JarEntry(classFile));
			jos.write(Files.readAllBytes(Installation.testClasses().resolve(classFile)));
			jos.closeEntry();
			jos.putNextEntry(new JarEntry("META-INF/json/org.scijava.plugin.Plugin"));
			jos.write(("{\"class\":\"" + ECHO_CLASS + "\",\"values\":{\"menuPath\":\"Plugins>Hourglass>Test>Echo\"," +
				"\"name\":\"it-echo\",\"type\":\"org.scijava.command.Command\"}}").getBytes(StandardCharsets.UTF_8));
			jos.closeEntry();
		}
		return jar;
	}
}
