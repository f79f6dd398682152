package org.hourglass.runtime;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a workbench lives.
 *
 * @param home the installation folder ({@code bin/}, {@code lib/}, {@code bundles/}, {@code conf/} ...)
 * @param bundles the folder whose jars are installed and started at launch; usually {@code home/bundles}
 * @param cache the framework's storage folder, cleaned at launch; {@code null} for a temporary folder that
 *          is deleted again when the workbench closes
 * @param frameworkProperties extra framework properties, they win over the defaults
 */
public record WorkbenchConfig(Path home, Path bundles, Path cache, Map<String, String> frameworkProperties) {

	/** System property naming the installation folder; set by {@code bin/hourglass}. */
	public static final String HOME_PROPERTY = "hourglass.home";

	public WorkbenchConfig {
		frameworkProperties = Map.copyOf(frameworkProperties);
	}

	/** The installation at {@code home}, bundles in {@code home/bundles}, a temporary framework cache. */
	public static WorkbenchConfig of(final Path home) {
		return new WorkbenchConfig(home, home.resolve("bundles"), null, Map.of());
	}

	/** The installation named by {@value #HOME_PROPERTY}, or the working folder. */
	public static WorkbenchConfig fromSystemProperties() {
		final String home = System.getProperty(HOME_PROPERTY);
		return of(Path.of(home == null ? "." : home).toAbsolutePath().normalize());
	}
}
