package org.hourglass.runtime.log;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.scijava.log.AbstractLogService;
import org.scijava.log.LogLevel;
import org.scijava.log.LogMessage;
import org.scijava.plugin.Plugin;
import org.scijava.service.Service;

/**
 * SciJava's log in the workbench, sent to Log4j 2 like everything else (SciJava's default prints to standard
 * error, stack traces included): a command that throws is then one line on the console and its stack trace is in
 * the log file. Messages keep their level; the logger is {@code scijava.<source>}.
 */
@Plugin(type = Service.class, priority = Log4jLogService.PRIORITY)
public final class Log4jLogService extends AbstractLogService {

	/** Above SciJava's standard-error log (-100), so the Context chooses this one. */
	static final double PRIORITY = 0;

	@Override
	protected void messageLogged(final LogMessage message) {
		final String source = message.source() == null || message.source().isRoot() ? "" : "." + String.join(".",
			message.source().path());
		LogManager.getLogger("scijava" + source).log(level(message.level()), message.text(), message.throwable());
	}

	/** The Log4j level of a SciJava level. */
	static Level level(final int scijava) {
		return switch (scijava) {
			case LogLevel.ERROR -> Level.ERROR;
			case LogLevel.WARN -> Level.WARN;
			case LogLevel.INFO -> Level.INFO;
			case LogLevel.DEBUG -> Level.DEBUG;
			case LogLevel.TRACE -> Level.TRACE;
			default -> Level.INFO;
		};
	}
}
