package org.hourglass.runtime.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import ij.Macro;

/** Macro option strings are read as ImageJ (and so Fiji's macro bridge) reads them. */
class MacroOptionsTest {

	private static final String OPTIONS = "model=denoise-sample input=[noisy cells.tif] tilesize=0 overwrite " +
		"modelfile=[/data/my models/m.zip]";

	@Test
	void valuesAreThoseImageJReadsForTheLowerCaseKey() {
		final MacroOptions o = new MacroOptions(OPTIONS);
		for (final String key : List.of("model", "input", "tilesize", "modelfile")) {
			assertEquals(Macro.getValue(OPTIONS, key, null), o.value(key), key);
		}
		assertEquals("noisy cells.tif", o.value("input"));
		assertEquals("/data/my models/m.zip", o.value("modelFile"));
		assertEquals("0", o.value("tileSize"));
	}

	@Test
	void aBareWordIsATickedBoxAndAMissingKeyIsNull() {
		final MacroOptions o = new MacroOptions(OPTIONS);
		assertEquals("true", o.value("overwrite"));
		assertNull(o.value("resume"));
		assertNull(new MacroOptions(null).value("model"));
	}

	@Test
	void keysAreListedInLowerCaseInOrder() {
		assertEquals(List.of("model", "input", "tilesize", "overwrite", "modelfile"), new MacroOptions(OPTIONS).keys());
		assertEquals(List.of("tilesize", "batchsize"), new MacroOptions("tileSize=4 BatchSize=2").keys());
	}

	@Test
	void formatWritesWhatTheRecorderWritesAndReadsBack() {
		final String s = MacroOptions.format(List.of("input", "tileSize", "validation"), List.of("a b.tif", "0", ""));
		assertEquals("input=[a b.tif] tilesize=0 validation=[]", s);
		assertEquals("a b.tif", new MacroOptions(s).value("input"));
	}
}
