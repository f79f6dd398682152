package org.hourglass.runtime.osgi;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The packages the host (the launcher's class path) lends to bundles through the system bundle: the
 * libraries Fiji also provides, so that every bundle sees the same {@code org.scijava}, {@code ij},
 * {@code net.imglib2}, Log4j and SLF4J classes as the one SciJava Context.
 * <p>
 * Computed by scanning the jars on the class path for packages under {@link #DEFAULT_PREFIXES}. A jar with
 * an OSGi {@code Export-Package} header contributes its declared package versions; any other jar its own
 * version (from its manifest or its Maven properties).
 */
public final class HostPackages {

	private static final Logger LOG = LogManager.getLogger();

	/** Package name prefixes the host exports (a prefix matches itself and its subpackages). */
	public static final List<String> DEFAULT_PREFIXES = List.of("org.scijava", "ij", "net.imglib2",
		"org.apache.logging.log4j", "org.slf4j", "picocli");

	private HostPackages() {}

	/**
	 * A value for {@code org.osgi.framework.system.packages.extra}: every package under {@code prefixes}
	 * found in the jars visible to {@code loader}, first jar wins.
	 */
	public static String export(final ClassLoader loader, final List<String> prefixes) {
		final Map<String, String> packages = scan(loader, prefixes);
		final StringBuilder sb = new StringBuilder();
		for (final Map.Entry<String, String> e : packages.entrySet()) {
			if (sb.length() > 0) sb.append(',');
			sb.append(e.getKey());
			if (e.getValue() != null) sb.append(";version=\"").append(e.getValue()).append('"');
		}
		return sb.toString();
	}

	/** Package name to OSGi version (or {@code null} if unknown) of every matching package. */
	public static Map<String, String> scan(final ClassLoader loader, final List<String> prefixes) {
		final Map<String, String> packages = new LinkedHashMap<>();
		for (final Path jar : jars(loader)) {
			try {
				scanJar(jar, prefixes, packages);
			}
			catch (final IOException e) {
				LOG.warn("Cannot read {} while looking for host packages: {}", jar, e.getMessage());
			}
		}
		return packages;
	}

	/** The jar files behind {@code loader}'s manifests (also those of a manifest-only class path jar). */
	static List<Path> jars(final ClassLoader loader) {
		final List<Path> jars = new ArrayList<>();
		try {
			final Enumeration<URL> manifests = loader.getResources(JarFile.MANIFEST_NAME);
			while (manifests.hasMoreElements()) {
				final String url = manifests.nextElement().toString();
				if (!url.startsWith("jar:file:")) continue;
				final String file = url.substring("jar:".length(), url.indexOf("!/"));
				try {
					final Path jar = Path.of(new URL(file).toURI());
					if (Files.isRegularFile(jar) && !jars.contains(jar)) jars.add(jar);
				}
				catch (final URISyntaxException e) {
					LOG.debug("Skipping class path entry {}", file);
				}
			}
		}
		catch (final IOException e) {
			throw new IllegalStateException("cannot list the class path", e);
		}
		return jars;
	}

	static void scanJar(final Path jar, final List<String> prefixes, final Map<String, String> into)
		throws IOException
	{
		try (JarFile jf = new JarFile(jar.toFile())) {
			final Manifest mf = jf.getManifest();
			final Attributes main = mf == null ? new Attributes() : mf.getMainAttributes();
			final String declared = main.getValue("Export-Package");
			if (declared != null) {
				for (final ExportClause clause : ExportClause.parse(declared)) {
					if (matches(clause.name(), prefixes)) into.putIfAbsent(clause.name(), clause.version());
				}
				return;
			}
			final String version = osgiVersion(jarVersion(jf, main));
			final Enumeration<? extends ZipEntry> entries = jf.entries();
			while (entries.hasMoreElements()) {
				final String name = entries.nextElement().getName();
				if (!name.endsWith(".class") || name.startsWith("META-INF/")) continue;
				final int slash = name.lastIndexOf('/');
				if (slash < 0) continue;
				final String pkg = name.substring(0, slash).replace('/', '.');
				if (matches(pkg, prefixes)) into.putIfAbsent(pkg, version);
			}
		}
	}

	static boolean matches(final String pkg, final List<String> prefixes) {
		for (final String p : prefixes) {
			if (pkg.equals(p) || pkg.startsWith(p + ".")) return true;
		}
		return false;
	}

	private static String jarVersion(final JarFile jf, final Attributes main) throws IOException {
		for (final String key : new String[] { "Bundle-Version", "Implementation-Version",
			"Specification-Version" })
		{
			final String v = main.getValue(key);
			if (v != null && !v.isBlank()) return v.trim();
		}
		final Enumeration<? extends ZipEntry> entries = jf.entries();
		while (entries.hasMoreElements()) {
			final ZipEntry e = entries.nextElement();
			if (e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties")) {
				final java.util.Properties p = new java.util.Properties();
				try (var in = jf.getInputStream(e)) {
					p.load(in);
				}
				return p.getProperty("version");
			}
		}
		return null;
	}

	/**
	 * An OSGi version from a Maven-style one: {@code 2.100.1} stays, {@code 1.54p} becomes
	 * {@code 1.54.0.p}, {@code 2.0.17-SNAPSHOT} becomes {@code 2.0.17.SNAPSHOT}; {@code null} if there is no
	 * leading number.
	 */
	public static String osgiVersion(final String raw) {
		if (raw == null) return null;
		final java.util.regex.Matcher m = java.util.regex.Pattern
			.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?[.\\-_]?(.*)").matcher(raw.trim());
		if (!m.matches()) return null;
		final String qualifier = m.group(4).replaceAll("[^A-Za-z0-9_-]", "_");
		final StringBuilder sb = new StringBuilder(m.group(1)).append('.')
			.append(m.group(2) == null ? "0" : m.group(2)).append('.')
			.append(m.group(3) == null ? "0" : m.group(3));
		if (!qualifier.isEmpty()) sb.append('.').append(qualifier);
		return sb.toString();
	}
}
