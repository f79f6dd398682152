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

	/** Writes {@code samples} to {@code file} atomically. */
	public static void write(final Path file, final List<MemorySample> samples) {
		try {
			AtomicFiles.writeString(file, format(samples), true);
		}
		catch (final IOException e) {
			throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
		}
	}
}
