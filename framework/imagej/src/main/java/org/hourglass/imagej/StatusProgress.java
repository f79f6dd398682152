package org.hourglass.imagej;

import java.util.function.BooleanSupplier;

import org.hourglass.api.Progress;
import org.scijava.app.StatusService;

/**
 * A {@link Progress} shown through SciJava's {@link StatusService}: the status bar in Fiji, the progress bar
 * of the command line. Cancelled when {@code cancelled} says so (usually: the command was cancelled).
 * Work of several parts (planes of a stack, files of a folder) is shown as one bar with {@link #part}.
 */
public final class StatusProgress implements Progress {

	private static final int SCALE = 10_000;

	private final StatusService status;
	private final String message;
	private final BooleanSupplier cancelled;

	public StatusProgress(final StatusService status, final String message, final BooleanSupplier cancelled) {
		this.status = status;
		this.message = message;
		this.cancelled = cancelled;
	}

	@Override
	public void update(final long done, final long total) {
		show(total <= 0 ? 0 : done / (double) total, message);
	}

	@Override
	public boolean isCancelled() {
		return cancelled.getAsBoolean();
	}

	/**
	 * The progress of part {@code index} (from 0) of {@code count} equal parts, shown within this bar with
	 * {@code label} after the message (e.g. the file name).
	 */
	public Progress part(final int index, final int count, final String label) {
		final String text = message + " " + label + " (" + (index + 1) + "/" + count + ")";
		show(index / (double) count, text);
		return new Progress() {

			@Override
			public void update(final long done, final long total) {
				final double f = total <= 0 ? 0 : done / (double) total;
				show((index + Math.min(1, f)) / count, text);
			}

			@Override
			public boolean isCancelled() {
				return cancelled.getAsBoolean();
			}
		};
	}

	private void show(final double fraction, final String text) {
		status.showStatus((int) Math.round(Math.max(0, Math.min(1, fraction)) * SCALE), SCALE, text);
	}
}
