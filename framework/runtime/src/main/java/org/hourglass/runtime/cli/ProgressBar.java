package org.hourglass.runtime.cli;

import java.io.PrintWriter;

import org.scijava.app.event.StatusEvent;
import org.scijava.event.EventHandler;

/**
 * A one-line progress bar on standard error, fed by SciJava's status events ({@code StatusService}):
 * progress, maximum and status text. Redrawn at most ten times a second; only drawn on a terminal unless
 * {@code -Dhourglass.progress=true}.
 */
public final class ProgressBar {

	private static final int WIDTH = 30;
	private static final long MIN_INTERVAL_NANOS = 100_000_000L;

	private final PrintWriter err;
	private final boolean enabled;
	private long lastDraw;
	private boolean drawn;

	public ProgressBar(final PrintWriter err, final boolean enabled) {
		this.err = err;
		this.enabled = enabled;
	}

	/** True on a terminal, or if the system property {@code hourglass.progress} says so. */
	public static boolean enabled() {
		final String p = System.getProperty("hourglass.progress");
		return p != null ? Boolean.parseBoolean(p) : System.console() != null;
	}

	@EventHandler
	public void onEvent(final StatusEvent e) {
		if (!enabled || e.isWarning()) return;
		final int max = e.getProgressMaximum();
		final boolean last = max > 0 && e.getProgressValue() >= max;
		final long now = System.nanoTime();
		if (!last && drawn && now - lastDraw < MIN_INTERVAL_NANOS) return;
		lastDraw = now;
		synchronized (err) {
			err.print('\r' + line(e.getProgressValue(), max, e.getStatusMessage()));
			err.flush();
		}
		drawn = true;
	}

	/** Ends the bar's line, if one was drawn. */
	public void finish() {
		if (!drawn) return;
		err.println();
		err.flush();
		drawn = false;
	}

	/** The bar for {@code value} of {@code max} (no bar if {@code max <= 0}), then the status text. */
	static String line(final int value, final int max, final String status) {
		final StringBuilder sb = new StringBuilder();
		if (max > 0) {
			final double f = Math.max(0, Math.min(1, value / (double) max));
			final int full = (int) Math.round(f * WIDTH);
			sb.append('[').append("#".repeat(full)).append(" ".repeat(WIDTH - full)).append("] ");
			sb.append(String.format("%3d%%", (int) Math.round(f * 100)));
		}
		if (status != null && !status.isBlank()) {
			if (sb.length() > 0) sb.append("  ");
			sb.append(status.length() > 60 ? status.substring(0, 57) + "..." : status);
		}
		// pad so a shorter line overwrites a longer one
		return String.format("%-" + (WIDTH + 70) + "s", sb);
	}
}
