package org.hourglass.runtime.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scijava.app.event.StatusEvent;
import org.scijava.event.EventHandler;

/**
 * Progress on standard error, fed by SciJava's status events ({@code StatusService}): progress, maximum and
 * status text, with the time elapsed and the time left (from the fraction done). On a terminal a one-line bar,
 * redrawn at most ten times a second; elsewhere (a log file, a cluster job) one line per tenth of the work and
 * per training epoch. {@code -Dhourglass.progress=true|false} forces the bar on or off.
 */
public final class ProgressBar {

	private static final int WIDTH = 30;
	private static final long MIN_INTERVAL_NANOS = 100_000_000L;
	private static final Pattern EPOCH = Pattern.compile("epoch (\\d+)/");

	private final PrintWriter err;
	private final boolean terminal;
	private long started;
	private long lastDraw;
	private boolean drawn;
	private int lastTenth = -1;
	private String lastEpoch = "";

	/**
	 * @param terminal draw a bar that redraws itself; else write lines
	 */
	public ProgressBar(final PrintWriter err, final boolean terminal) {
		this.err = err;
		this.terminal = terminal;
	}

	/** True on a terminal, or if the system property {@code hourglass.progress} says so. */
	public static boolean enabled() {
		final String p = System.getProperty("hourglass.progress");
		return p != null ? Boolean.parseBoolean(p) : System.console() != null;
	}

	@EventHandler
	public void onEvent(final StatusEvent e) {
		if (e.isWarning()) return;
		final long now = System.nanoTime();
		if (started == 0) started = now;
		final int max = e.getProgressMaximum();
		final double f = max > 0 ? Math.max(0, Math.min(1, e.getProgressValue() / (double) max)) : -1;
		final double elapsed = (now - started) / 1e9;
		if (terminal) {
			final boolean last = max > 0 && e.getProgressValue() >= max;
			if (!last && drawn && now - lastDraw < MIN_INTERVAL_NANOS) return;
			lastDraw = now;
			synchronized (err) {
				err.print('\r' + line(f, elapsed, e.getStatusMessage()));
				err.flush();
			}
			drawn = true;
			return;
		}
		final int tenth = f < 0 ? lastTenth : (int) Math.floor(f * 10 + 1e-9);
		final String epoch = epoch(e.getStatusMessage());
		if (tenth == lastTenth && epoch.equals(lastEpoch)) return;
		lastTenth = tenth;
		lastEpoch = epoch;
		synchronized (err) {
			err.println(line(f, elapsed, e.getStatusMessage()).stripTrailing());
			err.flush();
		}
	}

	/** Ends the bar's line, if one was drawn, and starts the clock again. */
	public void finish() {
		started = 0;
		lastTenth = -1;
		lastEpoch = "";
		if (!drawn) return;
		err.println();
		err.flush();
		drawn = false;
	}

	/** The bar for fraction {@code f} done (none if {@code f < 0}), the times, then the status text. */
	static String line(final double f, final double elapsed, final String status) {
		final StringBuilder sb = new StringBuilder();
		if (f >= 0) {
			final int full = (int) Math.round(f * WIDTH);
			sb.append('[').append("#".repeat(full)).append(" ".repeat(WIDTH - full)).append("] ");
			sb.append(String.format(Locale.ROOT, "%3d%%", (int) Math.round(f * 100)));
			sb.append("  ").append(duration(elapsed));
			if (f > 0.005 && f < 1) sb.append(", ").append(duration(elapsed * (1 - f) / f)).append(" left");
		}
		if (status != null && !status.isBlank()) {
			if (sb.length() > 0) sb.append("  ");
			sb.append(status.length() > 70 ? status.substring(0, 67) + "..." : status);
		}
		// pad so a shorter line overwrites a longer one
		return String.format("%-" + (WIDTH + 100) + "s", sb);
	}

	/** {@code 42 s}, {@code 3:07}, {@code 1:02:03}. */
	static String duration(final double seconds) {
		final long s = Math.round(Math.max(0, seconds));
		if (s < 60) return s + " s";
		if (s < 3600) return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
		return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
	}

	private static String epoch(final String status) {
		if (status == null) return "";
		final Matcher m = EPOCH.matcher(status);
		return m.find() ? m.group(1) : "";
	}
}
