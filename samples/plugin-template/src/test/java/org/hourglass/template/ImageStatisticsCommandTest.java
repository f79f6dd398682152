package org.hourglass.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ShortProcessor;

class ImageStatisticsCommandTest {

	@Test
	void everySliceContributesItsValues() {
		final ImageStack stack = new ImageStack(2, 1);
		stack.addSlice(new ShortProcessor(2, 1, new short[] { 1, 300 }, null));
		stack.addSlice(new ShortProcessor(2, 1, new short[] { (short) 60000, 4 }, null));
		final var all = ImageStatisticsCommand.allValues(new ImagePlus("s", stack));
		assertEquals(2, all.width());
		assertEquals(2, all.height());
		assertArrayEquals(new float[] { 1, 300, 60000, 4 }, all.data());
	}
}
