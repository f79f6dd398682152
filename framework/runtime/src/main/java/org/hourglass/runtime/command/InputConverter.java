package org.hourglass.runtime.command;

import java.io.File;
import java.nio.file.Path;

import org.scijava.Context;
import org.scijava.convert.ConvertService;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

import ij.ImagePlus;

/**
 * Turns a command-line string into a command input's value: an {@link ImagePlus} is opened from the file
 * path, {@link File} and {@link Path} are taken as paths, anything else goes through SciJava's
 * {@link ConvertService}.
 */
public final class InputConverter {

	private final ConvertService convert;

	public InputConverter(final Context context) {
		this.convert = context.service(ConvertService.class);
	}

	/**
	 * The value of {@code item} written as {@code text}.
	 *
	 * @throws UsageException if the text cannot be turned into the item's type
	 */
	public Object convert(final ModuleItem<?> item, final String text) {
		final Class<?> type = item.getType();
		final String key = item.getName().toLowerCase(java.util.Locale.ROOT); // as macros and the docs write it
		if (ImagePlus.class.isAssignableFrom(type)) return ImageFiles.open(key, Path.of(text));
		if (File.class.equals(type)) return new File(text);
		if (Path.class.equals(type)) return Path.of(text);
		if (String.class.equals(type)) return text;
		checkSyntax(key, text, type);
		final Object value = convert.convert(text.trim(), type);
		if (value == null) {
			throw new UsageException(key + ": cannot read '" + text + "' as " + type.getSimpleName());
		}
		final java.util.List<?> choices = item.getChoices();
		if (choices != null && !choices.isEmpty() && !choices.stream().map(String::valueOf).toList().contains(
			text))
		{
			throw new UsageException(key + ": '" + text + "' is not one of " + choices);
		}
		checkRange(item, value);
		return value;
	}

	/** A number must lie within the item's declared {@code min} and {@code max}, as the command documents it. */
	static void checkRange(final ModuleItem<?> item, final Object value) {
		if (!(value instanceof Number n)) return;
		final double x = n.doubleValue();
		if (Double.isNaN(x)) throw new UsageException(item.getName() + ": expected a number, got NaN");
		final Object min = item.getMinimumValue();
		final Object max = item.getMaximumValue();
		if (min instanceof Number lo && x < lo.doubleValue()) {
			throw new UsageException(item.getName() + ": must be at least " + plain(lo) + ", got " + plain(n));
		}
		if (max instanceof Number hi && x > hi.doubleValue()) {
			throw new UsageException(item.getName() + ": must be at most " + plain(hi) + ", got " + plain(n));
		}
	}

	private static String plain(final Number n) {
		final double d = n.doubleValue();
		return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : n.toString();
	}

	/** Numbers and booleans are checked strictly: a converter would turn {@code abc} into 0. */
	static void checkSyntax(final String key, final String text, final Class<?> type) {
		final String t = text.trim();
		if (type == boolean.class || type == Boolean.class) {
			if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
				throw new UsageException(key + ": expected true or false, got '" + text + "'");
			}
			return;
		}
		final boolean integral = type == int.class || type == long.class || type == short.class ||
			type == byte.class || type == Integer.class || type == Long.class || type == Short.class ||
			type == Byte.class;
		final boolean decimal = type == double.class || type == float.class || type == Double.class ||
			type == Float.class;
		if (!integral && !decimal) return;
		try {
			if (integral) Long.parseLong(t);
			else Double.parseDouble(t);
		}
		catch (final NumberFormatException e) {
			throw new UsageException(key + ": expected " + (integral ? "an integer" : "a number") + ", got '" +
				text + "'");
		}
	}

	/** Inputs a user gives: not services, not the Context, not messages. */
	public static boolean isUserInput(final ModuleItem<?> item) {
		final Class<?> t = item.getType();
		return item.isInput() && !Service.class.isAssignableFrom(t) && !Context.class.isAssignableFrom(t) &&
			item.getVisibility() != org.scijava.ItemVisibility.MESSAGE;
	}

	/** Types whose value is a file that is read: an output must not overwrite it. */
	static boolean isFileLike(final Class<?> type) {
		return ImagePlus.class.isAssignableFrom(type) || File.class.equals(type) || Path.class.equals(type);
	}
}
