package org.hourglass.api;

/**
 * A model file that cannot be used: not a model, of another variant, a newer format, changed, truncated
 * or hostile. Nothing was loaded when this is thrown.
 */
public class ModelFileException extends HourglassException {

	private static final long serialVersionUID = 1L;

	public ModelFileException(final String message) {
		super(message);
	}

	public ModelFileException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
