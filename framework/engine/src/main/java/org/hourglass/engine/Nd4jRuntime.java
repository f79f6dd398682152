package org.hourglass.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J once per class loader, the same way in every host (Felix bundle, Fiji, plain class path):
 * ND4J must find its backend through this bundle's class loader, and JavaCPP must load the native build
 * this engine was packaged with.
 */
final class Nd4jRuntime {

	private static final Logger LOG = LogManager.getLogger();
	private static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
	private static volatile boolean started;

	private Nd4jRuntime() {}

	/** Idempotent and thread-safe; the first call takes a second or two. */
	static void start() {
		if (started) return;
		synchronized (Nd4jRuntime.class) {
			if (started) return;
			final long t0 = System.nanoTime();
			final ClassLoader own = Nd4jRuntime.class.getClassLoader();
			ND4JClassLoading.setNd4jClassloader(own);
			if (System.getProperty(EXTENSION_PROPERTY) == null) {
				final String extension = platformExtension(packagedClassifier());
				if (!extension.isEmpty()) System.setProperty(EXTENSION_PROPERTY, extension);
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
			started = true;
			LOG.info("ND4J {} backend started in {} ms (native build: {})",
				Nd4j.getBackend().getClass().getSimpleName(), (System.nanoTime() - t0) / 1_000_000,
				System.getProperty(EXTENSION_PROPERTY, "default"));
		}
	}

	/** What the engine runs on, for reports: backend, native build, oneDNN, threads, cores, heap. */
	static Map<String, String> about() {
		final Map<String, String> m = new LinkedHashMap<>();
		m.put("backend", Nd4j.getBackend().getClass().getSimpleName());
		m.put("native build", packagedClassifier() + (System.getProperty(EXTENSION_PROPERTY) == null ? ""
			: " (" + System.getProperty(EXTENSION_PROPERTY) + ")"));
		m.put("oneDNN helpers", Nd4j.getEnvironment().helpersAllowed() ? "on" : "off");
		m.put("threads", Nd4j.getEnvironment().maxThreads() + " (master " + Nd4j.getEnvironment().maxMasterThreads() +
			")");
		m.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
		m.put("max heap", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
		return m;
	}

	/** The nd4j-native classifier recorded at build time, e.g. {@code linux-x86_64-onednn}. */
	static String packagedClassifier() {
		try (InputStream in = Nd4jRuntime.class.getResourceAsStream("engine.properties")) {
			final Properties p = new Properties();
			if (in != null) p.load(in);
			return p.getProperty("nd4j.classifier", "");
		}
		catch (final IOException e) {
			throw new IllegalStateException("cannot read engine.properties", e);
		}
	}

	/** {@code linux-x86_64-onednn-avx512} → {@code -onednn-avx512}; a plain platform → empty. */
	static String platformExtension(final String classifier) {
		final int dash = classifier.indexOf('-', classifier.indexOf('-') + 1);
		return dash < 0 ? "" : classifier.substring(dash);
	}
}
