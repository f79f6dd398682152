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

	/**
	 * The progress of part {@code index} (from 0) of {@code count} equal parts of {@code whole}: its updates move
	 * {@code whole} from {@code index / count} to {@code (index + 1) / count}; cancelled when {@code whole} is.
	 */
	static Progress part(final Progress whole, final long index, final long count) {
		final long units = 1000;
		return new Progress() {

			@Override
			public void update(final long done, final long total) {
				final double f = total <= 0 ? 0 : Math.min(1, done / (double) total);
				whole.update(Math.round((index + f) * units), count * units);
			}

			@Override
			public boolean isCancelled() {
				return whole.isCancelled();
			}
		};
	}
}
