package org.hourglass.runtime.osgi;

import java.util.ArrayList;
import java.util.List;

/** One package of an OSGi {@code Export-Package} header: its name and version (or {@code null}). */
record ExportClause(String name, String version) {

	/**
	 * Splits an {@code Export-Package} header into its packages, keeping only the version attribute.
	 * Quoted strings (such as {@code uses:="a,b"}) may contain commas and semicolons.
	 */
	static List<ExportClause> parse(final String header) {
		final List<ExportClause> clauses = new ArrayList<>();
		for (final String clause : split(header, ',')) {
			final List<String> parts = split(clause, ';');
			final List<String> names = new ArrayList<>();
			String version = null;
			for (final String part : parts) {
				final String p = part.trim();
				if (p.isEmpty()) continue;
				final int eq = p.indexOf('=');
				if (eq < 0) names.add(p);
				else if (p.substring(0, eq).trim().equals("version")) {
					version = p.substring(eq + 1).trim().replace("\"", "");
				}
			}
			for (final String n : names) clauses.add(new ExportClause(n, version));
		}
		return clauses;
	}

	private static List<String> split(final String s, final char separator) {
		final List<String> out = new ArrayList<>();
		final StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (final char c : s.toCharArray()) {
			if (c == '"') quoted = !quoted;
			if (c == separator && !quoted) {
				out.add(current.toString());
				current.setLength(0);
			}
			else current.append(c);
		}
		if (current.length() > 0) out.add(current.toString());
		return out;
	}
}
