package org.hourglass.benchmark.engine;

import java.util.Locale;
import java.util.stream.Collectors;

import org.hourglass.api.ModelService;

/** What a benchmark ran on: the engine's own facts, and the environment that changes its speed and memory. */
public final class EngineInfo {

	private EngineInfo() {}

	/** The engine's facts and the environment variables that change its speed and memory, on one line. */
	public static String describe(final ModelService models) {
		final String engine = models.about().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(
			Collectors.joining(", "));
		return String.format(Locale.ROOT, "%s, OMP_NUM_THREADS=%s, MALLOC_MMAP_THRESHOLD_=%s, MALLOC_TRIM_THRESHOLD_=%s",
			engine, env("OMP_NUM_THREADS"), env("MALLOC_MMAP_THRESHOLD_"), env("MALLOC_TRIM_THRESHOLD_"));
	}

	private static String env(final String name) {
		final String v = System.getenv(name);
		return v == null ? "unset" : v;
	}
}
