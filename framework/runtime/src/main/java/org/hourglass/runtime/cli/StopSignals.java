package org.hourglass.runtime.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) or SIGTERM (what {@code kill} and cluster schedulers send) while a command runs: the first
 * asks the command to stop early ({@code onFirst}: a training command then saves its best model so far), a
 * second quits at once. Outside the scope of this object the signals behave as usual. Where the JVM does not
 * let us handle a signal (a background job started with SIGINT ignored, for example), nothing changes for it.
 */
final class StopSignals implements AutoCloseable {

	private static final Logger LOG = LogManager.getLogger();
	private static final String[] NAMES = { "INT", "TERM" };

	private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
	private final AtomicReference<Signal> first = new AtomicReference<>();

	StopSignals(final Runnable onFirst, final PrintWriter err) {
		final AtomicInteger count = new AtomicInteger();
		final SignalHandler handler = signal -> {
			if (count.incrementAndGet() == 1) {
				first.set(signal);
				err.println();
				err.println("hourglass: SIG" + signal.getName() + ": stopping after the current step (again quits at " +
					"once)");
				onFirst.run();
			}
			else {
				System.exit(exitCode(signal));
			}
		};
		for (final String name : NAMES) {
			final Signal signal = new Signal(name);
			try {
				previous.put(signal, Signal.handle(signal, handler));
			}
			catch (final IllegalArgumentException | UnsupportedOperationException e) {
				LOG.debug("SIG{} cannot be handled here: {}", name, e.getMessage());
			}
		}
	}

	/**
	 * The exit code of a command stopped by the first signal: 128 + its number, as shells report it (130 for
	 * Ctrl-C, 143 for SIGTERM); {@link ExitCodes#INTERRUPTED} if no signal came.
	 */
	int exitCode() {
		final Signal s = first.get();
		return s == null ? ExitCodes.INTERRUPTED : exitCode(s);
	}

	/** True if a stop signal came while this object was in scope. */
	boolean received() {
		return first.get() != null;
	}

	private static int exitCode(final Signal s) {
		return 128 + s.getNumber();
	}

	@Override
	public void close() {
		previous.forEach(Signal::handle);
	}
}
