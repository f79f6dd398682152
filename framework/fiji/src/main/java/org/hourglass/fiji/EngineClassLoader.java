package org.hourglass.fiji;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The engine's own class loader: its jars first, for everything but the shared packages, which come from the
 * host (Fiji's class path) so that both sides agree on the types they exchange. The JDK comes from the platform
 * class loader. Nothing else of the host is visible: no other update site's JavaCPP, protobuf or TensorFlow
 * classes can reach ND4J, and ND4J's cannot reach Fiji.
 */
final class EngineClassLoader extends URLClassLoader {

	/**
	 * Packages the engine shares with the host: the Hourglass API (the service's types), SciJava (the service
	 * is a SciJava service), the ImageJ libraries, and the logging APIs (so the engine's and ND4J's messages
	 * reach Fiji's logging).
	 */
	static final List<String> SHARED = List.of("org.hourglass.api.", "org.scijava.", "net.imglib2.", "ij.",
		"org.apache.logging.log4j.", "org.slf4j.");

	static {
		registerAsParallelCapable();
	}

	private final ClassLoader host;

	EngineClassLoader(final List<URL> jars, final ClassLoader host) {
		super("hourglass-engine", jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
		this.host = host;
	}

	/** Whether a class (binary name) or resource (path) belongs to a shared package. */
	static boolean isShared(final String name) {
		final String dotted = name.replace('/', '.');
		for (final String prefix : SHARED) {
			if (dotted.startsWith(prefix)) return true;
		}
		return false;
	}

	@Override
	protected Class<?> loadClass(final String name, final boolean resolve) throws ClassNotFoundException {
		if (isShared(name)) return host.loadClass(name);
		synchronized (getClassLoadingLock(name)) {
			Class<?> c = findLoadedClass(name);
			if (c == null) {
				try {
					c = getParent().loadClass(name); // the JDK's own classes are never overridden
				}
				catch (final ClassNotFoundException e) {
					c = findClass(name);
				}
			}
			if (resolve) resolveClass(c);
			return c;
		}
	}

	@Override
	public URL getResource(final String name) {
		if (isShared(name)) return host.getResource(name);
		final URL own = findResource(name);
		return own != null ? own : getParent().getResource(name);
	}

	@Override
	public Enumeration<URL> getResources(final String name) throws IOException {
		if (isShared(name)) return host.getResources(name);
		final List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
		all.addAll(Collections.list(getParent().getResources(name)));
		return Collections.enumeration(all);
	}
}
