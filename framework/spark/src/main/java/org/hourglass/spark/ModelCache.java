package org.hourglass.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.Model;
import org.hourglass.api.ModelFileException;
import org.hourglass.api.ModelService;
import org.hourglass.engine.Nd4jModelService;

/**
 * The models of this JVM (an executor, or the driver), each loaded once and shared by all tasks that apply it
 * (models predict from several threads at once), keyed by the hash of the model file and the variant it is
 * loaded for. They are closed when the JVM ends.
 */
final class ModelCache {

	private static final Logger LOG = LogManager.getLogger();
	private static final ModelService SERVICE = new Nd4jModelService();
	private static final Map<String, Model> MODELS = new ConcurrentHashMap<>();
	private static final AtomicInteger LOADS = new AtomicInteger();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(ModelCache::closeAll, "hourglass-model-cache"));
	}

	private ModelCache() {}

	/**
	 * The model of {@code file}, loaded and checked completely the first time.
	 *
	 * @throws org.hourglass.api.ModelFileException if it cannot be loaded, or is of another variant
	 */
	static Model get(final ModelBytes file, final String variant) {
		return MODELS.computeIfAbsent(file.sha256() + "/" + variant, k -> load(file, variant));
	}

	/** How many models this JVM has loaded so far. */
	static int loads() {
		return LOADS.get();
	}

	private static Model load(final ModelBytes file, final String variant) {
		final long t0 = System.nanoTime();
		try {
			final Path temp = Files.createTempFile("hourglass-model-", ".zip");
			try {
				Files.write(temp, file.bytes());
				final Model model;
				try {
					model = SERVICE.load(temp, variant);
				}
				catch (final ModelFileException e) {
					throw new ModelFileException(e.getMessage().replace(temp.toString(), file.name()), e);
				}
				LOADS.incrementAndGet();
				LOG.info("Model {} ({} bytes) loaded in {} ms", file.sha256().substring(0, 12), file.bytes().length,
					(System.nanoTime() - t0) / 1_000_000);
				return model;
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException("cannot write the model to a temporary file: " + e.getMessage(), e);
		}
	}

	private static void closeAll() {
		for (final Model m : MODELS.values()) {
			try {
				m.close();
			}
			catch (final RuntimeException e) {
				LOG.warn("closing a model failed: {}", e.toString());
			}
		}
		MODELS.clear();
	}
}
