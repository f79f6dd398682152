package org.hourglass.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.bytedeco.javacpp.Loader;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J once per class loader, the same way in every host (Felix bundle, Fiji's engine loader, plain
 * class path): ND4J must find its backend through this engine's class loader, and JavaCPP must load the
 * native build packaged for the platform it runs on.
 */
final class Nd4jRuntime {

	private static final Logger LOG = LogManager.getLogger();
	private static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
	private static volatile boolean started;
	private static volatile String classifier = "";

	private Nd4jRuntime() {}

	/**
	 * Idempotent and thread-safe; the first call takes a second or two.
	 *
	 * @throws org.hourglass.api.HourglassException if this platform has no packaged native build, or its
	 *           native jars are missing (the message names the platform and what to install)
	 */
	static void start() {
		if (started) return;
		synchronized (Nd4jRuntime.class) {
			if (started) return;
			final long t0 = System.nanoTime();
			final ClassLoader own = Nd4jRuntime.class.getClassLoader();
			final String platform = Loader.getPlatform();
			final String chosen = packaged().check(platform, r -> own.getResource(r) != null);
			ND4JClassLoading.setNd4jClassloader(own);
			// JavaCPP looks for this extension's folder first and falls back to the plain platform, so the
			// (JVM-wide) property does not disturb other JavaCPP users in the same JVM.
			final String extension = chosen.substring(platform.length());
			if (System.getProperty(EXTENSION_PROPERTY) == null && !extension.isEmpty()) {
				System.setProperty(EXTENSION_PROPERTY, extension);
			}
			final Thread thread = Thread.currentThread();
			final ClassLoader previous = thread.getContextClassLoader();
			thread.setContextClassLoader(own);
			try {
				Nd4j.create(1); // loads the backend and the natives
			}
			finally {
				thread.setContextClassLoader(previous);
			}
			classifier = chosen;
			started = true;
			LOG.info("ND4J {} backend started in {} ms (native build: {})",
				Nd4j.getBackend().getClass().getSimpleName(), (System.nanoTime() - t0) / 1_000_000, chosen);
		}
	}

	/** What the engine runs on, for reports: backend, native build, oneDNN, threads, cores, heap; after {@link #start}. */
	static Map<String, String> about() {
		final Map<String, String> m = new LinkedHashMap<>();
		m.put("backend", Nd4j.getBackend().getClass().getSimpleName());
		m.put("native build", classifier);
		m.put("oneDNN helpers", Nd4j.getEnvironment().helpersAllowed() ? "on" : "off");
		m.put("threads", Nd4j.getEnvironment().maxThreads() + " (master " + Nd4j.getEnvironment().maxMasterThreads() +
			")");
		m.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
		m.put("max heap", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
		return m;
	}

	/** The native builds recorded at build time ({@code engine.properties}). */
	static NativeBuilds packaged() {
		try (InputStream in = Nd4jRuntime.class.getResourceAsStream("engine.properties")) {
			if (in == null) throw new IllegalStateException("engine.properties is missing from the engine jar");
			final Properties p = new Properties();
			p.load(in);
			return new NativeBuilds(Arrays.asList(p.getProperty("nd4j.classifiers").split(",")), p.getProperty(
				"nd4j.version"), p.getProperty("javacpp.version"), p.getProperty("openblas.version"));
		}
		catch (final IOException e) {
			throw new IllegalStateException("cannot read engine.properties", e);
		}
	}
}
