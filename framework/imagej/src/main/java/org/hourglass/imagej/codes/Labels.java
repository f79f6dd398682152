package org.hourglass.imagej.codes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hourglass.api.InvalidInputException;

import ij.ImagePlus;

/**
 * Labels of images, to colour maps and to measure codes: from the slice labels of a stack, or from a CSV
 * file of {@code name,label} lines (an optional header line {@code name,label}; names are image file names,
 * with or without their extension, or slice labels).
 */
public final class Labels {

	private Labels() {}

	/** The label of every slice (its slice label's first line), or {@code null} if a slice has none. */
	public static List<String> fromSliceLabels(final ImagePlus image) {
		final List<String> out = new ArrayList<>();
		for (int i = 1; i <= image.getStackSize(); i++) {
			final String l = image.getStack().getSliceLabel(i);
			if (l == null || l.isBlank()) return null;
			out.add(l.lines().findFirst().orElse("").trim());
		}
		return out;
	}

	/**
	 * The labels of {@code names} from the CSV file {@code csv}.
	 *
	 * @throws InvalidInputException if the file cannot be read, a line is not {@code name,label}, a name is
	 *           listed twice, or names are missing from it or it names images that are not there
	 */
	public static List<String> fromCsv(final Path csv, final List<String> names) {
		final Map<String, String> byName = read(csv);
		final List<String> out = new ArrayList<>();
		final List<String> missing = new ArrayList<>();
		final java.util.Set<String> used = new java.util.HashSet<>();
		for (final String n : names) {
			final String key = byName.containsKey(n) ? n : baseName(n);
			if (!byName.containsKey(key)) {
				missing.add(n);
				continue;
			}
			used.add(key);
			out.add(byName.get(key));
		}
		final List<String> unknown = byName.keySet().stream().filter(k -> !used.contains(k)).toList();
		if (!missing.isEmpty() || !unknown.isEmpty()) {
			throw new InvalidInputException("The label file " + csv + " must name every image once: " + (missing
				.isEmpty() ? "" : missing.size() + " image(s) have no label (e.g. '" + missing.get(0) + "')") + (!missing
					.isEmpty() && !unknown.isEmpty() ? ", and " : "") + (unknown.isEmpty() ? "" : unknown.size() +
						" name(s) are not among the images (e.g. '" + unknown.get(0) + "')") + ".");
		}
		return out;
	}

	private static Map<String, String> read(final Path csv) {
		final List<String> lines;
		try {
			lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			throw new InvalidInputException("Cannot read the label file " + csv + ": " + e.getMessage());
		}
		final Map<String, String> out = new LinkedHashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			final String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) continue;
			final int comma = line.lastIndexOf(',');
			if (comma <= 0 || comma == line.length() - 1) {
				throw new InvalidInputException("Line " + (i + 1) + " of the label file " + csv + " must be name,label; " +
					"found '" + line + "'.");
			}
			final String name = unquote(line.substring(0, comma).strip());
			final String label = unquote(line.substring(comma + 1).strip());
			if (out.isEmpty() && name.equalsIgnoreCase("name") && label.equalsIgnoreCase("label")) continue;
			if (out.put(name, label) != null) {
				throw new InvalidInputException("The label file " + csv + " names '" + name + "' twice (line " + (i + 1) +
					").");
			}
		}
		return out;
	}

	/** A file name without its extension. */
	private static String baseName(final String name) {
		final int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}

	private static String unquote(final String s) {
		return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).replace(
			"\"\"", "\"") : s;
	}
}
