package org.hourglass.runtime.command;

/**
 * The user asked for something that cannot be run: an unknown command, an unknown or missing key, a value
 * that cannot be converted, an input file that cannot be read, an output that would overwrite an input.
 * Thrown before anything runs or is written.
 */
public class UsageException extends RuntimeException {

	public UsageException(final String message) {
		super(message);
	}
}
