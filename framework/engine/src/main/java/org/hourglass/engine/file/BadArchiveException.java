package org.hourglass.engine.file;

/** A detail of what is wrong inside a model file; {@link ModelArchive} turns it into a message naming the file. */
final class BadArchiveException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	BadArchiveException(final String detail) {
		super(detail);
	}
}
