package org.hourglass.engine.file;

/**
 * A detail of what is wrong inside a model file; {@link ModelArchive} turns it into a message naming the file. What
 * the detail quotes from the file is shown printable (control characters as {@code ?}) and at most 500 characters
 * long, whatever the file holds.
 */
final class BadArchiveException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private static final int MAX = 500;

	BadArchiveException(final String detail) {
		super(printable(detail));
	}

	static String printable(final String s) {
		final StringBuilder b = new StringBuilder(Math.min(s.length(), MAX + 1));
		for (int i = 0; i < s.length(); i++) {
			if (b.length() >= MAX) return b.append('…').toString();
			final char c = s.charAt(i);
			b.append(c < 0x20 || c == 0x7f ? '?' : c);
		}
		return b.toString();
	}
}
