package org.hourglass.fiji;

import java.util.List;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.HourglassException;
import org.hourglass.api.ModelService;

/**
 * The one engine of this JVM: the engine's own {@code ModelService} implementation, created in an
 * {@link EngineClassLoader} over the {@link EngineFolder}. One per JVM because ND4J's native libraries can be
 * loaded only once; every Context (Fiji normally has one) shares it.
 */
final class Engine {

	private static final Logger LOG = LogManager.getLogger();

	/** The engine's service class, which the engine jar's plugin index also names. */
	static final String SERVICE_CLASS = "org.hourglass.engine.Nd4jModelService";

	private static ModelService service;

	private Engine() {}

	/**
	 * The engine's service, created on first use. Not yet started: {@link ModelService#initialize()} loads ND4J.
	 *
	 * @throws HourglassException if the engine is not installed
	 */
	static synchronized ModelService service() {
		if (service == null) service = create(EngineFolder.ofInstallation(), Engine.class.getClassLoader());
		return service;
	}

	/** An engine service loaded from {@code folder}, sharing {@link EngineClassLoader#SHARED} with {@code host}. */
	static ModelService create(final EngineFolder folder, final ClassLoader host) {
		final long t0 = System.nanoTime();
		final List<java.net.URL> jars = folder.jars();
		final EngineClassLoader loader = new EngineClassLoader(jars, host);
		try {
			final Object s = Class.forName(SERVICE_CLASS, true, loader).getDeclaredConstructor().newInstance();
			LOG.info("Hourglass engine loaded from {} ({} jars) in {} ms", folder.dir(), jars.size(), (System
				.nanoTime() - t0) / 1_000_000);
			return (ModelService) s;
		}
		catch (final ClassNotFoundException e) {
			throw new HourglassException("Hourglass's engine in " + folder.dir() + " is incomplete: " + e
				.getMessage() + " is missing. Reinstall Hourglass (Help > Update...).", e);
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException("cannot create " + SERVICE_CLASS + " from " + folder.dir(), e);
		}
	}
}
