package org.hourglass.api;

/**
 * A failure a person can act on. The message is written for the user: it says what was expected and
 * what was found, and commands show it as it is.
 */
public class HourglassException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public HourglassException(final String message) {
		super(message);
	}

	public HourglassException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
