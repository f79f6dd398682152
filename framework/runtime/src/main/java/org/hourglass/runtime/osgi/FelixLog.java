package org.hourglass.runtime.osgi;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** Felix's framework log, sent to Log4j2 instead of standard output. */
public final class FelixLog extends org.apache.felix.framework.Logger {

	private static final Logger LOG = LogManager.getLogger("org.apache.felix.framework");

	@Override
	protected void doLog(final Bundle bundle, @SuppressWarnings("rawtypes") final ServiceReference sr,
		final int level, final String msg, final Throwable throwable)
	{
		final String where = bundle == null ? "" : "[" + bundle.getSymbolicName() + "] ";
		LOG.log(level(level), where + msg, throwable);
	}

	@Override
	protected void doLog(final int level, final String msg, final Throwable throwable) {
		LOG.log(level(level), msg, throwable);
	}

	/** Felix's levels: 1 error, 2 warning, 3 info, 4 debug. */
	static Level level(final int felixLevel) {
		return switch (felixLevel) {
			case 1 -> Level.ERROR;
			case 2 -> Level.WARN;
			case 3 -> Level.DEBUG;
			default -> Level.TRACE;
		};
	}
}
