package org.hourglass.benchmark.vae;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the shared machine was doing: this process's CPU time and the load average, read from Linux's
 * {@code /proc}; NaN where it cannot be read.
 */
final class Machine {

	/** Clock ticks per second of {@code /proc/self/stat} (USER_HZ, 100 on Linux). */
	private static final double TICKS = 100;

	private Machine() {}

	/** CPU seconds this process has used (user + system, all threads, native ones included). */
	static double cpuSeconds() {
		try {
			final String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
			// the command name in parentheses may contain spaces: fields are counted after its closing parenthesis
			final String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
		}
		catch (final IOException | RuntimeException e) {
			return Double.NaN;
		}
	}

	/** The 1-minute load average. */
	static double load() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ")[0]);
		}
		catch (final IOException | RuntimeException e) {
			return Double.NaN;
		}
	}

	/** Available processors. */
	static int cores() {
		return Runtime.getRuntime().availableProcessors();
	}
}
