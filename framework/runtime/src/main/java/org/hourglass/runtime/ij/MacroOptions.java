package org.hourglass.runtime.ij;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.Macro;

/**
 * The options string of an ImageJ macro's {@code run("Command", "options")}: {@code key=value} pairs,
 * {@code key=[value with spaces]}, and bare {@code key} words for ticked checkboxes. Values are read exactly as
 * Fiji's macro bridge reads a SciJava input, with ImageJ's own {@link Macro#getValue} (which looks keys up in
 * lower case), so a string that works here works in Fiji.
 */
public final class MacroOptions {

	private final String options;

	public MacroOptions(final String options) {
		this.options = options == null ? "" : options;
	}

	/** The value of {@code key} (in any case), or {@code null} if the key is not there. */
	public String value(final String key) {
		final String v = Macro.getValue(options, key, null);
		if (v != null) return v;
		return keys().contains(key.toLowerCase(Locale.ROOT)) ? "true" : null;
	}

	/** The keys of the string, in lower case and in order, bare words included. */
	public List<String> keys() {
		final List<String> keys = new ArrayList<>();
		int i = 0;
		final String s = options;
		while (i < s.length()) {
			while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
			if (i >= s.length()) break;
			final int start = i;
			while (i < s.length() && s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i))) i++;
			keys.add(s.substring(start, i).toLowerCase(Locale.ROOT));
			if (i < s.length() && s.charAt(i) == '=') {
				i++;
				if (i < s.length() && s.charAt(i) == '[') {
					final int close = s.indexOf(']', i);
					i = close < 0 ? s.length() : close + 1;
				}
				else {
					while (i < s.length() && !Character.isWhitespace(s.charAt(i))) i++;
				}
			}
		}
		return keys;
	}

	/**
	 * A {@code key=value} string of {@code key}s and {@code value}s as ImageJ's Recorder writes it: keys in lower
	 * case, values with spaces in brackets.
	 */
	public static String format(final List<String> keys, final List<String> values) {
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < keys.size(); i++) {
			final String v = values.get(i);
			sb.append(sb.length() == 0 ? "" : " ").append(keys.get(i).toLowerCase(Locale.ROOT)).append('=');
			sb.append(v.isEmpty() || v.contains(" ") ? "[" + v + "]" : v);
		}
		return sb.toString();
	}
}
