package org.hourglass.benchmark.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident set size (Java heap, native buffers and everything else) from
 * {@code /proc/self/status}, and the Java heap in use.
 */
public final class ResidentMemory {

	private static final Path STATUS = Path.of("/proc/self/status");
	private static final double MB = 1024.0 * 1024.0;

	private ResidentMemory() {}

	/** Resident set size in MB, or NaN where there is no {@code /proc} (not Linux). */
	public static double rssMegabytes() {
		try {
			final long kb = parseVmRssKilobytes(Files.readString(STATUS));
			return kb < 0 ? Double.NaN : kb / 1024.0;
		}
		catch (final IOException | RuntimeException e) {
			return Double.NaN;
		}
	}

	/** Java heap in use (committed minus free) in MB. */
	public static double heapUsedMegabytes() {
		final Runtime rt = Runtime.getRuntime();
		return (rt.totalMemory() - rt.freeMemory()) / MB;
	}

	/** Java heap committed in MB. */
	public static double heapCommittedMegabytes() {
		return Runtime.getRuntime().totalMemory() / MB;
	}

	/** The {@code VmRSS:} value of a {@code /proc/<pid>/status} text in kB, or -1 if it has none. */
	static long parseVmRssKilobytes(final String status) {
		for (final String line : status.split("\n")) {
			if (!line.startsWith("VmRSS:")) continue;
			final String[] parts = line.substring(6).trim().split("\\s+");
			final long value = Long.parseLong(parts[0]);
			final String unit = parts.length > 1 ? parts[1] : "kB";
			return switch (unit) {
				case "kB" -> value;
				case "mB", "MB" -> value * 1024;
				case "gB", "GB" -> value * 1024 * 1024;
				default -> throw new IllegalArgumentException("unknown unit in " + line);
			};
		}
		return -1;
	}
}
