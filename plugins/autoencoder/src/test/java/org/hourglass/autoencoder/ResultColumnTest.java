package org.hourglass.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import ij.measure.ResultsTable;

class ResultColumnTest {

	private record Row(String name, int slice, double value) {}

	private static final List<ResultColumn<Row>> COLUMNS = List.of(new ResultColumn<>("Name", "name", Row::name),
		new ResultColumn<>("Slice", "slice", Row::slice), new ResultColumn<>("Value (x)", "value", Row::value));

	@Test
	void theTableAndTheCsvFileHoldTheSameValues() {
		final List<Row> rows = List.of(new Row("a, b.tif", 3, 0.25), new Row("c", 0, 1e-7));
		assertEquals("name,slice,value\n\"a, b.tif\",3,0.25\nc,0,1.0E-7\n", ResultColumn.csv(rows, COLUMNS));
		final ResultsTable t = ResultColumn.table(rows, COLUMNS);
		assertEquals(2, t.size());
		assertEquals("a, b.tif", t.getStringValue("Name", 0));
		assertEquals(3, t.getValue("Slice", 0), 0);
		assertEquals(1e-7, t.getValue("Value (x)", 1), 0);
	}
}
