package org.hourglass.runtime.command;

/** A command ran and failed, or cancelled itself (for example because its input was unsuitable). */
public class CommandFailedException extends RuntimeException {

	public CommandFailedException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
