package org.hourglass.engine.file;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * Reads typed fields from a JSON tree and writes the few values JSON has no plain form for. Every
 * failure names the field by its dotted path and says what was expected and what was found.
 */
final class JsonFields {

	private JsonFields() {}

	// -- Reading --

	static JsonNode field(final JsonNode parent, final String name, final String path) {
		final JsonNode n = parent.get(name);
		if (n == null) throw new BadArchiveException("missing field '" + join(path, name) + "'");
		return n;
	}

	static ObjectNode object(final JsonNode parent, final String name, final String path) {
		final JsonNode n = field(parent, name, path);
		if (!n.isObject()) throw wrong(path, name, "an object", n);
		return (ObjectNode) n;
	}

	/** An object, or {@code null} if the field holds JSON {@code null}. */
	static ObjectNode optionalObject(final JsonNode parent, final String name, final String path) {
		final JsonNode n = field(parent, name, path);
		return n.isNull() ? null : object(parent, name, path);
	}

	static ArrayNode array(final JsonNode parent, final String name, final String path) {
		final JsonNode n = field(parent, name, path);
		if (!n.isArray()) throw wrong(path, name, "an array", n);
		return (ArrayNode) n;
	}

	static String text(final JsonNode parent, final String name, final String path) {
		final JsonNode n = field(parent, name, path);
		if (!n.isTextual()) throw wrong(path, name, "a string", n);
		return n.textValue();
	}

	/** A string, or {@code null} if the field holds JSON {@code null}. */
	static String optionalText(final JsonNode parent, final String name, final String path) {
		return field(parent, name, path).isNull() ? null : text(parent, name, path);
	}

	static int integer(final JsonNode parent, final String name, final String path) {
		final JsonNode n = field(parent, name, path);
		if (!n.isIntegralNumber() || !n.canConvertToInt()) throw wrong(path, name, "an integer", n);
		return n.intValue();
	}

	static long longInteger(final JsonNode n, final String path) {
		if (!n.isIntegralNumber() || !n.canConvertToLong()) throw wrong(path, "", "an integer", n);
		return n.longValue();
	}

	static boolean bool(final JsonNode parent, final String name, final String path) {
		final JsonNode n = field(parent, name, path);
		if (!n.isBoolean()) throw wrong(path, name, "true or false", n);
		return n.booleanValue();
	}

	/** A number; NaN and the infinities are stored as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. */
	static double number(final JsonNode parent, final String name, final String path) {
		final JsonNode n = field(parent, name, path);
		if (n.isNumber()) return n.doubleValue();
		if (n.isTextual()) {
			switch (n.textValue()) {
				case "NaN": return Double.NaN;
				case "Infinity": return Double.POSITIVE_INFINITY;
				case "-Infinity": return Double.NEGATIVE_INFINITY;
				default: break;
			}
		}
		throw wrong(path, name, "a number", n);
	}

	static <E extends Enum<E>> E constant(final JsonNode parent, final String name, final String path,
		final Class<E> type)
	{
		final String s = text(parent, name, path);
		for (final E e : type.getEnumConstants()) {
			if (e.name().equals(s)) return e;
		}
		throw new BadArchiveException("field '" + join(path, name) + "' must be one of " +
			Arrays.toString(type.getEnumConstants()) + ", found '" + s + "'");
	}

	/** An instant in ISO-8601 form, or {@code null} if the field holds JSON {@code null}. */
	static Instant optionalInstant(final JsonNode parent, final String name, final String path) {
		final String s = optionalText(parent, name, path);
		if (s == null) return null;
		try {
			return Instant.parse(s);
		}
		catch (final DateTimeParseException e) {
			throw new BadArchiveException("field '" + join(path, name) +
				"' must be an instant such as 2025-01-31T12:00:00Z, found '" + s + "'");
		}
	}

	static int[] ints(final JsonNode parent, final String name, final String path) {
		final ArrayNode a = array(parent, name, path);
		final int[] out = new int[a.size()];
		for (int i = 0; i < out.length; i++) {
			final JsonNode n = a.get(i);
			if (!n.isIntegralNumber() || !n.canConvertToInt()) throw wrong(path, name + "[" + i + "]", "an integer", n);
			out[i] = n.intValue();
		}
		return out;
	}

	static long[] longs(final JsonNode parent, final String name, final String path) {
		final ArrayNode a = array(parent, name, path);
		final long[] out = new long[a.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = longInteger(a.get(i), join(path, name + "[" + i + "]"));
		}
		return out;
	}

	/** Fields of an object whose values must all be strings. */
	static Map<String, String> strings(final JsonNode parent, final String name, final String path,
		final Map<String, String> into)
	{
		final ObjectNode o = object(parent, name, path);
		for (final Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
			final Map.Entry<String, JsonNode> e = it.next();
			if (!e.getValue().isTextual()) throw wrong(join(path, name), e.getKey(), "a string", e.getValue());
			into.put(e.getKey(), e.getValue().textValue());
		}
		return into;
	}

	// -- Writing --

	/** Puts a double; NaN and the infinities become strings, as {@link #number} reads them. */
	static void putNumber(final ObjectNode o, final String name, final double v) {
		if (Double.isFinite(v)) o.put(name, v);
		else o.put(name, Double.toString(v));
	}

	static ArrayNode putInts(final ObjectNode o, final String name, final int[] values) {
		final ArrayNode a = o.putArray(name);
		for (final int v : values) a.add(v);
		return a;
	}

	static ArrayNode putLongs(final ObjectNode o, final String name, final long[] values) {
		final ArrayNode a = o.putArray(name);
		for (final long v : values) a.add(v);
		return a;
	}

	// -- Helpers --

	private static String join(final String path, final String name) {
		if (path.isEmpty()) return name;
		if (name.isEmpty()) return path;
		return path + "." + name;
	}

	private static BadArchiveException wrong(final String path, final String name, final String expected,
		final JsonNode found)
	{
		final String shown = found.toString();
		return new BadArchiveException("field '" + join(path, name) + "' must be " + expected + ", found " +
			(shown.length() > 40 ? shown.substring(0, 40) + "…" : shown));
	}
}
