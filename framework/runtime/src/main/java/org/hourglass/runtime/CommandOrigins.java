package org.hourglass.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.stream.Stream;

import org.hourglass.runtime.extender.PluginExtender;
import org.hourglass.runtime.extender.PluginIndex;
import org.osgi.framework.Bundle;

/**
 * Says where a command that is not in the Context would come from: an installed bundle that is not active (with
 * what it lacks), or a bundle that was uninstalled (its jar kept in {@code bundles/uninstalled/}). Read from the
 * bundles' plugin indexes, no class is loaded.
 */
final class CommandOrigins {

	/** Where {@code bundles uninstall} keeps the jars it removes, inside the bundles folder. */
	static final String UNINSTALLED = "uninstalled";

	private final Workbench workbench;

	CommandOrigins(final Workbench workbench) {
		this.workbench = workbench;
	}

	/** Why the command {@code id} is missing, or {@code null} if no bundle known here has it. */
	String absence(final String id) {
		for (final Bundle b : workbench.bundles()) {
			if (b.getState() == Bundle.ACTIVE || !has(PluginIndex.read(b.getEntry(PluginExtender.INDEX)), id)) continue;
			final List<String> packages = workbench.dependencies().missingPackages(b);
			return "it comes from the bundle " + b.getSymbolicName() + ", which is not active (" + Workbench.stateName(b
				.getState()) + ")" + (packages.isEmpty() ? "" : ": it needs the package" + (packages.size() > 1 ? "s " : " ") +
					String.join(", ", packages) + ", which no installed bundle provides") + " (see: hourglass bundles)";
		}
		final Path removed = workbench.config().bundles().resolve(UNINSTALLED);
		if (!Files.isDirectory(removed)) return null;
		try (Stream<Path> jars = Files.list(removed)) {
			for (final Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
				if (has(index(jar), id)) {
					return "it came from the bundle " + symbolicName(jar) + ", which was uninstalled; install it again with: " +
						"hourglass bundles install " + jar;
				}
			}
		}
		catch (final IOException e) {
			return null;
		}
		return null;
	}

	private static boolean has(final List<PluginIndex.Entry> index, final String id) {
		return index.stream().anyMatch(e -> e.isCalled(id));
	}

	/** The jar's bundle name, or its file name. */
	private static String symbolicName(final Path jar) {
		try (JarFile jf = new JarFile(jar.toFile())) {
			final String bsn = jf.getManifest() == null ? null : jf.getManifest().getMainAttributes().getValue(
				"Bundle-SymbolicName");
			return bsn == null ? "in " + jar.getFileName() : bsn.split(";")[0].trim();
		}
		catch (final IOException e) {
			return "in " + jar.getFileName();
		}
	}

	private static List<PluginIndex.Entry> index(final Path jar) {
		try (JarFile jf = new JarFile(jar.toFile())) {
			final ZipEntry e = jf.getEntry(PluginExtender.INDEX);
			if (e == null) return List.of();
			try (InputStream in = jf.getInputStream(e)) {
				return PluginIndex.read(in);
			}
		}
		catch (final IOException e) {
			return List.of();
		}
	}
}
