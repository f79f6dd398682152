package org.hourglass.runtime;

/** The workbench could not start, or a bundle could not be installed, started or removed. */
public class WorkbenchException extends RuntimeException {

	public WorkbenchException(final String message) {
		super(message);
	}

	public WorkbenchException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
