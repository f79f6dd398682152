package org.hourglass.autoencoder;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hourglass.imagej.CsvFile;

import ij.measure.ResultsTable;

/**
 * One column of a command's results: its heading in the results table, its heading in the CSV file and its
 * value in a row. A command lists its columns once, so its table and its CSV file hold the same values. A
 * number is a number in the table and printed as Java prints it in the file; anything else is text, quoted in
 * the file where needed.
 *
 * @param <T> a row
 */
record ResultColumn<T>(String heading, String csvHeading, Function<T, ?> value) {

	/** A results table with a row per element of {@code rows}. */
	static <T> ResultsTable table(final List<T> rows, final List<ResultColumn<T>> columns) {
		final ResultsTable t = new ResultsTable();
		for (final T row : rows) {
			t.incrementCounter();
			for (final ResultColumn<T> c : columns) {
				final Object v = c.value().apply(row);
				if (v instanceof Number n) t.addValue(c.heading(), n.doubleValue());
				else t.addValue(c.heading(), String.valueOf(v));
			}
		}
		return t;
	}

	/** CSV text: a line of the CSV headings, then a line per element of {@code rows}. */
	static <T> String csv(final List<T> rows, final List<ResultColumn<T>> columns) {
		final StringBuilder sb = new StringBuilder(columns.stream().map(ResultColumn::csvHeading).collect(Collectors
			.joining(","))).append('\n');
		for (final T row : rows) {
			sb.append(columns.stream().map(c -> c.csvField(row)).collect(Collectors.joining(","))).append('\n');
		}
		return sb.toString();
	}

	private String csvField(final T row) {
		final Object v = value.apply(row);
		return v instanceof Number ? v.toString() : CsvFile.field(String.valueOf(v));
	}
}
