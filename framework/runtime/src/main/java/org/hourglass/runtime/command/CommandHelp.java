package org.hourglass.runtime.command;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scijava.ItemVisibility;
import org.scijava.module.Module;
import org.scijava.module.ModuleInfo;
import org.scijava.module.ModuleItem;

import ij.ImagePlus;

/**
 * What a command's parameters are, from their annotations (the same label and description as its dialog): for
 * {@code hourglass run <command> --help} and for docs/MACROS.md. Keys are shown in lower case, as Fiji macros
 * read them; defaults are the command's own (a new instance's values).
 */
public final class CommandHelp {

	/**
	 * One parameter.
	 *
	 * @param key its key, in lower case
	 * @param type what its value is, for people
	 * @param defaultValue its default as text, empty if none
	 * @param allowed the choices or range, empty if any
	 * @param meaning its description, or its label
	 * @param required whether a run must give it
	 */
	public record Parameter(String key, String type, String defaultValue, String allowed, String meaning,
		boolean required)
	{}

	private CommandHelp() {}

	/** The user inputs of {@code module}'s command, in order. */
	public static List<Parameter> inputs(final Module module) {
		final List<Parameter> out = new ArrayList<>();
		for (final ModuleItem<?> item : module.getInfo().inputs()) {
			if (!InputConverter.isUserInput(item) || item.getVisibility() == ItemVisibility.INVISIBLE) continue;
			final Object value = module.getInput(item.getName());
			out.add(new Parameter(item.getName().toLowerCase(Locale.ROOT), type(item), value == null || ImagePlus.class
				.isInstance(value) ? "" : String.valueOf(value), allowed(item), meaning(item), item.isRequired() &&
					value == null));
		}
		return out;
	}

	/** The outputs of a command: key and what it is. */
	public static List<String[]> outputs(final ModuleInfo info) {
		final List<String[]> out = new ArrayList<>();
		for (final ModuleItem<?> item : info.outputs()) {
			out.add(new String[] { item.getName().toLowerCase(Locale.ROOT), ImagePlus.class.isAssignableFrom(item
				.getType()) ? "image" : simple(item.getType()), meaning(item) });
		}
		return out;
	}

	/** The help text of {@code hourglass run <command> --help}. */
	public static String text(final Module module) {
		final ModuleInfo info = module.getInfo();
		final StringBuilder sb = new StringBuilder();
		sb.append(info.getName()).append(": ").append(info.getTitle());
		if (info.getMenuPath() != null && !info.getMenuPath().isEmpty()) {
			sb.append(" (").append(info.getMenuPath().getMenuString()).append(')');
		}
		sb.append('\n');
		if (info.getDescription() != null && !info.getDescription().isBlank()) {
			sb.append(info.getDescription()).append('\n');
		}
		sb.append("\nUsage: hourglass run ").append(info.getName()).append(" key=value ...   (keys in any case)\n");
		sb.append("In a macro: run(\"").append(info.getTitle()).append("\", \"key=value ...\")   (keys in lower case; an ")
			.append("image is the title of an open image)\n\nInputs:\n");
		for (final Parameter p : inputs(module)) {
			sb.append("  ").append(p.key()).append(" (").append(p.type());
			if (p.required()) sb.append(", required");
			else if (!p.defaultValue().isEmpty()) sb.append(", default ").append(p.defaultValue());
			if (!p.allowed().isEmpty()) sb.append(", ").append(p.allowed());
			sb.append(")\n      ").append(p.meaning()).append('\n');
		}
		final List<String[]> outs = outputs(info);
		if (!outs.isEmpty()) {
			sb.append("\nOutputs (an image output key takes the file to write, e.g. output=result.tif):\n");
			for (final String[] o : outs) sb.append("  ").append(o[0]).append(" (").append(o[1]).append(")  ").append(o[2])
				.append('\n');
		}
		return sb.toString();
	}

	static String type(final ModuleItem<?> item) {
		final Class<?> t = item.getType();
		if (ImagePlus.class.isAssignableFrom(t)) return "image: a file here, an open image's title in a macro";
		if (File.class.equals(t) || Path.class.equals(t)) return "directory".equals(item.getWidgetStyle()) ? "folder"
			: "file";
		return simple(t);
	}

	private static String simple(final Class<?> t) {
		if (t == int.class || t == long.class || t == Integer.class || t == Long.class) return "integer";
		if (t == double.class || t == float.class || t == Double.class || t == Float.class) return "number";
		if (t == boolean.class || t == Boolean.class) return "true/false";
		if (t == String.class) return "text";
		return t.getSimpleName();
	}

	private static String allowed(final ModuleItem<?> item) {
		if (item.getChoices() != null && !item.getChoices().isEmpty()) {
			return "one of " + String.join(", ", item.getChoices().stream().map(String::valueOf).toList());
		}
		final Object min = item.getMinimumValue();
		final Object max = item.getMaximumValue();
		if (min != null && max != null) return "from " + min + " to " + max;
		if (min != null) return "at least " + min;
		if (max != null) return "at most " + max;
		return "";
	}

	private static String meaning(final ModuleItem<?> item) {
		final String d = item.getDescription();
		if (d != null && !d.isBlank()) return d;
		return item.getLabel() == null ? "" : item.getLabel();
	}
}
