package org.hourglass.imagej.codes;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hourglass.api.InvalidInputException;
import org.hourglass.imagej.CsvFile;

import ij.measure.ResultsTable;

/**
 * Codes of images as a results table and a CSV file: one row per image (or slice), with its name, its slice
 * (from 1; 0 for a single image) and its code's values in named groups, e.g. {@code z0 … z15}, or
 * {@code z_mean0 …} and {@code z_log_sigma0 …}. A convolutional code is flattened channel by channel, row by
 * row; its shape is named in a first comment line of the CSV ({@code # code shape 8x4x4 (channels x rows x
 * columns)}).
 */
public final class CodeTable {

	/**
	 * One image's code.
	 *
	 * @param groups the code's values by group name, in column order
	 */
	public record Row(String name, int slice, Map<String, float[]> groups) {

		public Row {
			groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
		}

		/** A row of one group named {@code z}. */
		public static Row of(final String name, final int slice, final float[] z) {
			return new Row(name, slice, Map.of("z", z));
		}
	}

	private CodeTable() {}

	/** The rows as a results table (columns {@code Name}, {@code Slice}, then every value). */
	public static ResultsTable toResults(final List<Row> rows) {
		final ResultsTable t = new ResultsTable();
		for (final Row r : rows) {
			t.incrementCounter();
			t.addValue("Name", r.name());
			t.addValue("Slice", r.slice());
			r.groups().forEach((g, v) -> {
				for (int i = 0; i < v.length; i++) t.addValue(g + i, v[i]);
			});
		}
		return t;
	}

	/** The rows as CSV text; {@code shape} is the code's shape (its comment line only when it has several axes). */
	public static String toCsv(final List<Row> rows, final int[] shape) {
		final StringBuilder sb = new StringBuilder();
		if (shape != null && shape.length > 1) {
			sb.append("# code shape ").append(join(shape)).append(" (channels x rows x columns), flattened in that " +
				"order\n");
		}
		sb.append("name,slice");
		if (!rows.isEmpty()) {
			rows.get(0).groups().forEach((g, v) -> {
				for (int i = 0; i < v.length; i++) sb.append(',').append(g).append(i);
			});
		}
		sb.append('\n');
		for (final Row r : rows) {
			sb.append(CsvFile.field(r.name())).append(',').append(r.slice());
			for (final float[] v : r.groups().values()) {
				for (final float x : v) sb.append(',').append(Float.toString(x));
			}
			sb.append('\n');
		}
		return sb.toString();
	}

	/**
	 * Writes {@link #toCsv} to {@code file}, atomically.
	 *
	 * @throws InvalidInputException if it exists and {@code overwrite} is false
	 */
	public static void write(final Path file, final List<Row> rows, final int[] shape, final boolean overwrite) {
		CsvFile.write(file, toCsv(rows, shape), overwrite);
	}

	private static String join(final int[] shape) {
		final StringBuilder sb = new StringBuilder();
		for (final int s : shape) sb.append(sb.length() == 0 ? "" : "x").append(s);
		return sb.toString();
	}
}
