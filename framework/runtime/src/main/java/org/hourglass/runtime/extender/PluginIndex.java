package org.hourglass.runtime.extender;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plugins a jar's own SciJava index ({@value PluginExtender#INDEX}) lists, read as text without loading any
 * class: enough to say which bundle a command comes from when the bundle is not active or not installed.
 */
public final class PluginIndex {

	/**
	 * One indexed plugin.
	 *
	 * @param className the plugin class
	 * @param name its {@code name} (a command's command-line id), or ""
	 * @param label its {@code label}, or ""
	 * @param menuPath its {@code menuPath} ({@code >}-separated), or ""
	 */
	public record Entry(String className, String name, String label, String menuPath) {

		/** True if {@code id} is this plugin's name, label or menu path, the ways a command is asked for. */
		public boolean isCalled(final String id) {
			return id.equals(name) || id.equals(label) || !menuPath.isEmpty() && id.replace(" > ", ">").equals(menuPath);
		}
	}

	private static final Pattern OBJECT = Pattern.compile("\\{\"class\":\"([^\"]+)\",\"values\":\\{(.*?)\\}\\}");

	private PluginIndex() {}

	/** The entries of the index at {@code url} (a bundle entry); none if it cannot be read. */
	public static List<Entry> read(final URL url) {
		if (url == null) return List.of();
		try (InputStream in = url.openStream()) {
			return read(in);
		}
		catch (final IOException e) {
			return List.of();
		}
	}

	/** The entries of the index read from {@code in}. */
	public static List<Entry> read(final InputStream in) throws IOException {
		return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
	}

	/** The entries of an index's text. */
	static List<Entry> parse(final String text) {
		final List<Entry> out = new ArrayList<>();
		final Matcher m = OBJECT.matcher(text);
		while (m.find()) {
			final String values = m.group(2);
			out.add(new Entry(m.group(1), value(values, "name"), value(values, "label"), value(values, "menuPath")));
		}
		return out;
	}

	private static String value(final String values, final String key) {
		final Matcher m = Pattern.compile("\"" + key + "\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(values);
		return m.find() ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : "";
	}
}
