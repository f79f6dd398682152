package org.hourglass.runtime.ij;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hourglass.runtime.command.InputConverter;
import org.scijava.ItemVisibility;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;

/**
 * The dialog of a command's parameters, built from its inputs as Fiji builds one: a check box, a number, a text,
 * a choice (the command's own choices, e.g. its installed models), a file or folder with a Browse button, and an
 * image as a choice of the open images, with {@code none} for an optional one. Each starts at the command's
 * default; the descriptions are the dialog's help. What the user chose comes back as values and as the macro
 * options that replay it.
 */
final class ParameterDialog {

	/** The choice for no image. */
	static final String NONE = "none";

	/**
	 * @param values the inputs by name
	 * @param options the same as a macro's options string, keys in lower case
	 */
	record Answer(Map<String, Object> values, String options) {}

	private ParameterDialog() {}

	/** Shows the dialog for {@code module} (initialised: its defaults and choices set); {@code null} if cancelled. */
	static Answer show(final String title, final Module module) {
		final GenericDialog gd = new GenericDialog(title);
		final List<ModuleItem<?>> items = new ArrayList<>();
		final StringBuilder help = new StringBuilder("<html><body><h3>").append(title).append("</h3><dl>");
		for (final ModuleItem<?> item : module.getInfo().inputs()) {
			if (!InputConverter.isUserInput(item) || item.getVisibility() == ItemVisibility.INVISIBLE) continue;
			if (!add(gd, item, module.getInput(item.getName()))) continue;
			items.add(item);
			help.append("<dt><b>").append(label(item)).append("</b> (").append(item.getName().toLowerCase(Locale.ROOT))
				.append(")</dt><dd>").append(item.getDescription() == null ? "" : item.getDescription()).append("</dd>");
		}
		gd.addHelp(help.append("</dl></body></html>").toString());
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		final Map<String, Object> values = new LinkedHashMap<>();
		final List<String> keys = new ArrayList<>();
		final List<String> texts = new ArrayList<>();
		for (final ModuleItem<?> item : items) {
			final Object v = read(gd, item);
			if (v == null) continue;
			values.put(item.getName(), v);
			keys.add(item.getName());
			texts.add(v instanceof ImagePlus imp ? imp.getTitle() : String.valueOf(v));
		}
		return new Answer(values, MacroOptions.format(keys, texts));
	}

	private static String label(final ModuleItem<?> item) {
		return item.getLabel() == null || item.getLabel().isBlank() ? item.getName() : item.getLabel();
	}

	/** Adds the field of {@code item}; false for a type the dialog cannot offer (it keeps its default). */
	private static boolean add(final GenericDialog gd, final ModuleItem<?> item, final Object value) {
		final Class<?> t = item.getType();
		final String label = label(item);
		if (ImagePlus.class.isAssignableFrom(t)) {
			final List<String> titles = new ArrayList<>();
			if (!item.isRequired()) titles.add(NONE);
			final int[] ids = WindowManager.getIDList();
			if (ids != null) for (final int id : ids) titles.add(WindowManager.getImage(id).getTitle());
			if (titles.isEmpty()) titles.add(NONE);
			final ImagePlus current = WindowManager.getCurrentImage();
			gd.addChoice(label, titles.toArray(String[]::new), item.isRequired() && current != null ? current.getTitle()
				: titles.get(0));
			return true;
		}
		if (t == boolean.class || t == Boolean.class) {
			gd.addCheckbox(label, Boolean.TRUE.equals(value));
			return true;
		}
		if (isNumber(t)) {
			final boolean integral = t == int.class || t == long.class || t == Integer.class || t == Long.class;
			final double d = value instanceof Number n ? n.doubleValue() : 0;
			gd.addNumericField(label, d, integral ? 0 : decimals(d));
			return true;
		}
		if (String.class.equals(t) && item.getChoices() != null && !item.getChoices().isEmpty()) {
			final String[] choices = item.getChoices().stream().map(String::valueOf).toArray(String[]::new);
			gd.addChoice(label, choices, value == null ? choices[0] : String.valueOf(value));
			return true;
		}
		if (String.class.equals(t)) {
			gd.addStringField(label, value == null ? "" : String.valueOf(value), 24);
			return true;
		}
		if (File.class.equals(t) || Path.class.equals(t)) {
			final String text = value == null ? "" : String.valueOf(value);
			if ("directory".equals(item.getWidgetStyle())) gd.addDirectoryField(label, text, 24);
			else gd.addFileField(label, text, 24);
			return true;
		}
		return false;
	}

	/** The value the user chose for {@code item}, in the order fields were added; {@code null} for none. */
	private static Object read(final GenericDialog gd, final ModuleItem<?> item) {
		final Class<?> t = item.getType();
		if (ImagePlus.class.isAssignableFrom(t)) {
			final String title = gd.getNextChoice();
			return NONE.equals(title) && !item.isRequired() ? null : WindowManager.getImage(title);
		}
		if (t == boolean.class || t == Boolean.class) return gd.getNextBoolean();
		if (isNumber(t)) {
			final double d = gd.getNextNumber();
			if (t == int.class || t == Integer.class) return (int) Math.round(d);
			if (t == long.class || t == Long.class) return Math.round(d);
			if (t == float.class || t == Float.class) return (float) d;
			return d;
		}
		if (String.class.equals(t) && item.getChoices() != null && !item.getChoices().isEmpty()) return gd.getNextChoice();
		if (String.class.equals(t)) {
			final String s = gd.getNextString();
			return s.isBlank() && !item.isRequired() ? null : s;
		}
		final String path = gd.getNextString();
		if (path.isBlank()) return null;
		return File.class.equals(t) ? new File(path) : Path.of(path);
	}

	private static boolean isNumber(final Class<?> t) {
		return t == int.class || t == long.class || t == double.class || t == float.class || t == Integer.class ||
			t == Long.class || t == Double.class || t == Float.class;
	}

	private static int decimals(final double d) {
		if (d == Math.rint(d)) return 1;
		final double a = Math.abs(d);
		return a >= 1 ? 3 : Math.min(8, 2 + (int) Math.ceil(-Math.log10(a)));
	}
}
