package org.hourglass.api;

/**
 * Progress of a long operation, reported by the operation and shown by a UI; also how the UI cancels it.
 * Operations check {@link #isCancelled()} between units of work and then throw
 * {@link java.util.concurrent.CancellationException}.
 */
public interface Progress {

	/** {@code done} of {@code total} units are finished. */
	void update(long done, long total);

	/** True once the user asked to stop. */
	default boolean isCancelled() {
		return false;
	}

	/** Reports nothing, never cancels. */
	Progress NONE = (done, total) -> {};
}
