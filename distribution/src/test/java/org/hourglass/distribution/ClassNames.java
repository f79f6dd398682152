package org.hourglass.distribution;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** Which jars define each class name, as a class loader over those jars would see them. */
final class ClassNames {

	private final Map<String, List<Path>> jarsByClass = new TreeMap<>();

	/** Adds the classes of the jars; a multi-release jar's versions of one class count once. */
	ClassNames add(final List<Path> jars) throws IOException {
		for (final Path jar : jars) {
			for (final String name : classes(jar)) jarsByClass.computeIfAbsent(name, k -> new ArrayList<>()).add(jar);
		}
		return this;
	}

	/** Class names defined by more than one jar, each with its jars. */
	Map<String, List<Path>> duplicates() {
		final Map<String, List<Path>> out = new TreeMap<>();
		jarsByClass.forEach((name, jars) -> {
			if (jars.size() > 1) out.put(name, jars);
		});
		return out;
	}

	Set<String> names() {
		return jarsByClass.keySet();
	}

	static Set<String> classes(final Path jar) throws IOException {
		final Set<String> names = new LinkedHashSet<>();
		try (JarFile j = new JarFile(jar.toFile(), false)) {
			for (final Enumeration<JarEntry> e = j.entries(); e.hasMoreElements();) {
				String n = e.nextElement().getName();
				if (!n.endsWith(".class")) continue;
				if (n.startsWith("META-INF/versions/")) n = n.substring(n.indexOf('/', "META-INF/versions/".length()) + 1);
				if (n.equals("module-info.class")) continue;
				names.add(n.substring(0, n.length() - ".class".length()).replace('/', '.'));
			}
		}
		return names;
	}
}
