package org.hourglass.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.Model;
import org.hourglass.api.ModelFileException;
import org.hourglass.api.ModelService;
import org.hourglass.engine.Nd4jModelService;

/**
 * The models of this JVM (an executor, or the driver), keyed by the hash of the model file and the variant it is
 * loaded for, lent to one task at a time and reused by the next: a model's network runs one batch at a time (its
 * graph is not shared between threads), so tasks running at once on an executor each get their own copy, loaded
 * once per task slot ({@code spark.executor.cores / spark.task.cpus}) and kept for every later task. They are
 * closed when the JVM ends.
 */
final class ModelCache {

	private static final Logger LOG = LogManager.getLogger();
	private static final ModelService SERVICE = new Nd4jModelService();
	private static final Map<String, Queue<Model>> IDLE = new ConcurrentHashMap<>();
	private static final List<Model> ALL = new CopyOnWriteArrayList<>();
	private static final AtomicInteger LOADS = new AtomicInteger();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(ModelCache::closeAll, "hourglass-model-cache"));
	}

	private ModelCache() {}

	/** A model lent to one task: {@link #close} gives it back for the next task (it stays loaded). */
	static final class Lease implements AutoCloseable {

		private final Queue<Model> idle;
		private final Model model;
		private final AtomicBoolean returned = new AtomicBoolean();

		private Lease(final Queue<Model> idle, final Model model) {
			this.idle = idle;
			this.model = model;
		}

		Model model() {
			return model;
		}

		/** Gives the model back, once however often it is called. */
		@Override
		public void close() {
			if (returned.compareAndSet(false, true)) idle.add(model);
		}
	}

	/**
	 * An idle model of {@code file}, or a new one loaded and checked completely if every loaded one is in use.
	 *
	 * @throws org.hourglass.api.ModelFileException if it cannot be loaded, or is of another variant
	 */
	static Lease lease(final ModelBytes file, final String variant) {
		final Queue<Model> idle = IDLE.computeIfAbsent(file.sha256() + "/" + variant, k -> new ConcurrentLinkedQueue<>());
		final Model m = idle.poll();
		return new Lease(idle, m != null ? m : load(file, variant));
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
				ALL.add(model);
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
		for (final Model m : ALL) {
			try {
				m.close();
			}
			catch (final RuntimeException e) {
				LOG.warn("closing a model failed: {}", e.toString());
			}
		}
		ALL.clear();
		IDLE.clear();
	}
}
