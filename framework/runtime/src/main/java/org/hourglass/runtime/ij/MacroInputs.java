package org.hourglass.runtime.ij;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hourglass.runtime.command.InputConverter;
import org.hourglass.runtime.command.UsageException;
import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;

import ij.ImagePlus;
import ij.WindowManager;

/**
 * The inputs of a command from a macro's options string, looked up as Fiji's macro bridge looks them up: each
 * input by its name with ImageJ's {@link ij.Macro#getValue} (in lower case). An image input takes the title of
 * an open image; a file input a path; a check box is ticked by {@code key=true} or the bare {@code key}; other
 * values are converted as on the command line. Unlike Fiji, an input the options leave out takes the command's
 * default, never a value remembered from an earlier run, and a key that names no input is an error.
 */
final class MacroInputs {

	private MacroInputs() {}

	/**
	 * @throws UsageException naming the key and the command's keys, if a key is unknown, a value cannot be used
	 *           or no open image has the title given
	 */
	static Map<String, Object> of(final CommandInfo info, final String options, final InputConverter converter) {
		final MacroOptions opts = new MacroOptions(options);
		final Map<String, ModuleItem<?>> byKey = new LinkedHashMap<>();
		for (final ModuleItem<?> item : info.inputs()) {
			if (InputConverter.isUserInput(item)) byKey.put(item.getName().toLowerCase(Locale.ROOT), item);
		}
		for (final String key : opts.keys()) {
			if (!byKey.containsKey(key)) {
				throw new UsageException(label(info) + " has no key '" + key + "'; its keys: " + String.join(", ", byKey
					.keySet()));
			}
		}
		final Map<String, Object> values = new LinkedHashMap<>();
		for (final Map.Entry<String, ModuleItem<?>> e : byKey.entrySet()) {
			final String text = opts.value(e.getKey());
			if (text == null) continue;
			values.put(e.getValue().getName(), value(info, e.getValue(), e.getKey(), text, converter));
		}
		return values;
	}

	private static Object value(final CommandInfo info, final ModuleItem<?> item, final String key, final String text,
		final InputConverter converter)
	{
		final Class<?> type = item.getType();
		if (ImagePlus.class.isAssignableFrom(type)) {
			final ImagePlus imp = WindowManager.getImage(text);
			if (imp == null) {
				throw new UsageException(label(info) + ": no open image is titled '" + text + "' (key " + key +
					"); open images: " + openTitles());
			}
			return imp;
		}
		if (File.class.equals(type)) return new File(text);
		if (Path.class.equals(type)) return Path.of(text);
		return converter.convert(item, text);
	}

	static String label(final CommandInfo info) {
		return "run(\"" + info.getTitle() + "\")";
	}

	private static String openTitles() {
		final int[] ids = WindowManager.getIDList();
		if (ids == null) return "none";
		final List<String> titles = new ArrayList<>();
		for (final int id : ids) titles.add("'" + WindowManager.getImage(id).getTitle() + "'");
		return String.join(", ", titles);
	}
}
