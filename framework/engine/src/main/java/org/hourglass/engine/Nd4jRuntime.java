package org.hourglass.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
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
			final String classifier = packaged().check(platform, r -> own.getResource(r) != null);
			ND4JClassLoading.setNd4jClassloader(own);
			// JavaCPP looks for this extension's folder first and falls back to the plain platform, so the
			// (JVM-wide) property does not disturb other JavaCPP users in the same JVM.
			final String extension = classifier.substring(platform.length());
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
			started = true;
			LOG.info("ND4J {} backend started in {} ms (native build: {})",
				Nd4j.getBackend().getClass().getSimpleName(), (System.nanoTime() - t0) / 1_000_000, classifier);
		}
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
