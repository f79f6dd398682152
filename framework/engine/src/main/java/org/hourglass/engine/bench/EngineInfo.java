package org.hourglass.engine.bench;

import java.util.Locale;

import org.nd4j.linalg.factory.Nd4j;

/** What a benchmark ran on: ND4J backend, oneDNN helpers, threads, glibc malloc settings. */
final class EngineInfo {

	private EngineInfo() {}

	static String describe() {
		return String.format(Locale.ROOT,
			"%s, oneDNN helpers %s, threads %d (master %d), cores %d, OMP_NUM_THREADS=%s, " +
				"MALLOC_MMAP_THRESHOLD_=%s, MALLOC_TRIM_THRESHOLD_=%s, max heap %d MB",
			Nd4j.getBackend().getClass().getSimpleName(), Nd4j.getEnvironment().helpersAllowed() ? "on" : "off",
			Nd4j.getEnvironment().maxThreads(), Nd4j.getEnvironment().maxMasterThreads(),
			Runtime.getRuntime().availableProcessors(), env("OMP_NUM_THREADS"), env("MALLOC_MMAP_THRESHOLD_"),
			env("MALLOC_TRIM_THRESHOLD_"), Runtime.getRuntime().maxMemory() / (1024 * 1024));
	}

	private static String env(final String name) {
		final String v = System.getenv(name);
		return v == null ? "unset" : v;
	}
}
