package org.hourglass.api;

/** An input image, parameter or folder that cannot be used (wrong type, too small, NaN values, empty). */
public class InvalidInputException extends HourglassException {

	private static final long serialVersionUID = 1L;

	public InvalidInputException(final String message) {
		super(message);
	}
}
