package org.hourglass.benchmark.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hourglass.api.io.AtomicFiles;

/** Memory samples as CSV: a header line, then one line per sample (MB with one decimal). */
public final class MemoryCsv {

	public static final String HEADER = "phase,step,seconds,rss_mb,heap_used_mb,heap_committed_mb";

	private MemoryCsv() {}

	/** The CSV text of {@code samples}. */
	public static String format(final List<MemorySample> samples) {
		final StringBuilder sb = new StringBuilder(HEADER).append('\n');
		for (final MemorySample s : samples) {
			sb.append(String.format(Locale.ROOT, "%s,%d,%.2f,%.1f,%.1f,%.1f%n", s.phase(), s.step(), s.seconds(),
				s.rssMb(), s.heapUsedMb(), s.heapCommittedMb()));
		}
		return sb.toString();
	}

	/** Writes {@code samples} to the new {@code file} atomically; see {@link #write(Path, List, boolean)}. */
	public static void write(final Path file, final List<MemorySample> samples) {
		write(file, samples, false);
	}

	/**
	 * Writes {@code samples} to {@code file} atomically.
	 *
	 * @param replace whether an existing {@code file} may be replaced; if not, it is left as it is and this throws
	 */
	public static void write(final Path file, final List<MemorySample> samples, final boolean replace) {
		try {
			AtomicFiles.writeString(file, format(samples), replace);
		}
		catch (final IOException e) {
			throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
		}
	}
}
