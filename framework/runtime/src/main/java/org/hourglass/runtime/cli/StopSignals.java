package org.hourglass.runtime.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C while a command runs: the first asks the command to stop early ({@code onFirst}: a training command
 * then saves its best model so far), the second quits at once. Outside the scope of this object Ctrl-C
 * behaves as usual. Where the JVM does not let us handle the signal, nothing changes.
 */
final class CtrlC implements AutoCloseable {

	private static final Logger LOG = LogManager.getLogger();
	private static final Signal INT = new Signal("INT");

	private final SignalHandler previous;

	CtrlC(final Runnable onFirst, final PrintWriter err) {
		final AtomicInteger count = new AtomicInteger();
		SignalHandler old = null;
		try {
			old = Signal.handle(INT, signal -> {
				if (count.incrementAndGet() == 1) {
					err.println();
					err.println("hourglass: stopping after the current step (Ctrl-C again quits at once)");
					onFirst.run();
				}
				else {
					System.exit(ExitCodes.INTERRUPTED);
				}
			});
		}
		catch (final IllegalArgumentException | UnsupportedOperationException e) {
			LOG.debug("Ctrl-C cannot be handled here: {}", e.getMessage());
		}
		previous = old;
	}

	@Override
	public void close() {
		if (previous != null) Signal.handle(INT, previous);
	}
}
