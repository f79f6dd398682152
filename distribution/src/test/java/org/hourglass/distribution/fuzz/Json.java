package org.hourglass.distribution.fuzz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for the corpus to take a model's metadata apart and put it together changed: objects as
 * {@link LinkedHashMap} (key order kept), arrays as {@link ArrayList}, numbers as {@link BigDecimal} (written back
 * exactly as read), strings, booleans and {@code null}. Not a validating parser; the model's own reader is the
 * one under test.
 */
public final class Json {

	private final String text;
	private int at;

	private Json(final String text) {
		this.text = text;
	}

	public static Object parse(final String text) {
		final Json p = new Json(text);
		final Object v = p.value();
		p.space();
		if (p.at != text.length()) throw new IllegalArgumentException("trailing text at " + p.at);
		return v;
	}

	static String write(final Object v) {
		final StringBuilder sb = new StringBuilder();
		write(v, sb);
		return sb.toString();
	}

	/** A deep copy (maps and lists copied, leaves shared: they are immutable). */
	@SuppressWarnings("unchecked")
	static Object copy(final Object v) {
		if (v instanceof Map<?, ?> m) {
			final Map<String, Object> out = new LinkedHashMap<>();
			((Map<String, Object>) m).forEach((k, x) -> out.put(k, copy(x)));
			return out;
		}
		if (v instanceof List<?> l) {
			final List<Object> out = new ArrayList<>();
			for (final Object x : l) out.add(copy(x));
			return out;
		}
		return v;
	}

	// -- Reading --

	private Object value() {
		space();
		final char c = text.charAt(at);
		if (c == '{') return object();
		if (c == '[') return array();
		if (c == '"') return string();
		if (text.startsWith("true", at)) return literal("true", Boolean.TRUE);
		if (text.startsWith("false", at)) return literal("false", Boolean.FALSE);
		if (text.startsWith("null", at)) return literal("null", null);
		return number();
	}

	private Object literal(final String word, final Object value) {
		at += word.length();
		return value;
	}

	private Map<String, Object> object() {
		final Map<String, Object> out = new LinkedHashMap<>();
		at++;
		space();
		if (text.charAt(at) == '}') {
			at++;
			return out;
		}
		while (true) {
			space();
			final String key = string();
			space();
			expect(':');
			out.put(key, value());
			space();
			if (text.charAt(at) == ',') {
				at++;
				continue;
			}
			expect('}');
			return out;
		}
	}

	private List<Object> array() {
		final List<Object> out = new ArrayList<>();
		at++;
		space();
		if (text.charAt(at) == ']') {
			at++;
			return out;
		}
		while (true) {
			out.add(value());
			space();
			if (text.charAt(at) == ',') {
				at++;
				continue;
			}
			expect(']');
			return out;
		}
	}

	private String string() {
		expect('"');
		final StringBuilder sb = new StringBuilder();
		while (true) {
			final char c = text.charAt(at++);
			if (c == '"') return sb.toString();
			if (c != '\\') {
				sb.append(c);
				continue;
			}
			final char e = text.charAt(at++);
			switch (e) {
				case 'n' -> sb.append('\n');
				case 't' -> sb.append('\t');
				case 'r' -> sb.append('\r');
				case 'b' -> sb.append('\b');
				case 'f' -> sb.append('\f');
				case 'u' -> {
					sb.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
					at += 4;
				}
				default -> sb.append(e);
			}
		}
	}

	private BigDecimal number() {
		final int start = at;
		while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) at++;
		return new BigDecimal(text.substring(start, at));
	}

	private void expect(final char c) {
		if (text.charAt(at) != c) throw new IllegalArgumentException("expected '" + c + "' at " + at);
		at++;
	}

	private void space() {
		while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
	}

	// -- Writing --

	private static void write(final Object v, final StringBuilder sb) {
		if (v == null) sb.append("null");
		else if (v instanceof Map<?, ?> m) {
			sb.append('{');
			boolean first = true;
			for (final Map.Entry<?, ?> e : m.entrySet()) {
				if (!first) sb.append(", ");
				first = false;
				quote((String) e.getKey(), sb);
				sb.append(" : ");
				write(e.getValue(), sb);
			}
			sb.append('}');
		}
		else if (v instanceof List<?> l) {
			sb.append('[');
			for (int i = 0; i < l.size(); i++) {
				if (i > 0) sb.append(", ");
				write(l.get(i), sb);
			}
			sb.append(']');
		}
		else if (v instanceof String s) quote(s, sb);
		else if (v instanceof BigDecimal d) sb.append(d.toString());
		else sb.append(v);
	}

	private static void quote(final String s, final StringBuilder sb) {
		sb.append('"');
		for (final char c : s.toCharArray()) {
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				default -> {
					if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
					else sb.append(c);
				}
			}
		}
		sb.append('"');
	}
}
