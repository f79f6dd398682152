package org.hourglass.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hourglass.api.ModelService;
import org.hourglass.api.image.ImageStatistics;
import org.hourglass.api.image.Plane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scijava.Context;

class StatisticsTest {

	private Context context;

	@BeforeEach
	void setUp() {
		context = new Context(ModelService.class);
	}

	@AfterEach
	void tearDown() {
		context.dispose();
	}

	@Test
	void statisticsOfARampAreItsClosedForm() {
		// values 0..99: mean 49.5, population std sqrt((100^2 - 1) / 12)
		final float[] v = new float[100];
		for (int i = 0; i < v.length; i++) v[i] = i;
		final ImageStatistics s = context.service(ModelService.class).statistics(new Plane(10, 10, v), 1, 99);
		assertEquals(100, s.count());
		assertEquals(0, s.min());
		assertEquals(99, s.max());
		assertEquals(49.5, s.mean(), 1e-9);
		assertEquals(Math.sqrt((100 * 100 - 1) / 12.0), s.stdDev(), 1e-9);
		assertEquals(1, s.lowPercentile(), 1.0);
		assertEquals(98, s.highPercentile(), 1.0);
	}
}
