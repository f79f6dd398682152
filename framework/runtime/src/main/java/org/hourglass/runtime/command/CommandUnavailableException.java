package org.hourglass.runtime.command;

/**
 * A command cannot run in this workbench as it is: its bundle is not active or was uninstalled, or a service the
 * command needs is missing (its bundle was uninstalled). Thrown before anything runs; the message says what is
 * missing and where it comes from.
 */
public class CommandUnavailableException extends RuntimeException {

	public CommandUnavailableException(final String message) {
		super(message);
	}
}
