package org.hourglass.benchmark.autoencoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load, for the record: the benchmarks run on a shared machine. */
final class Load {

	private Load() {}

	/** The 1-minute load average from {@code /proc/loadavg}, or NaN where there is none. */
	static double now() {
		try {
			final String s = Files.readString(Path.of("/proc/loadavg"));
			return Double.parseDouble(s.substring(0, s.indexOf(' ')));
		}
		catch (final IOException | RuntimeException e) {
			return Double.NaN;
		}
	}
}
