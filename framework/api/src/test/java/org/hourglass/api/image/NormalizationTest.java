package org.hourglass.api.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NormalizationTest {

	private static final ImageStatistics STATS = new ImageStatistics(100, 0, 200, 50, 10, 4, 180);

	@Test
	void percentileMapsLowToZeroAndHighToOne() {
		final NormalizationParams p = Normalization.percentile().fit(STATS);
		final float[] v = { 4, 180, 92 };
		p.applyInPlace(v);
		assertArrayEquals(new float[] { 0, 1, 0.5f }, v, 1e-6f);
	}

	@Test
	void inverseRestoresTheValues() {
		for (final Normalization n : new Normalization[] { Normalization.percentile(), Normalization.meanStd(),
			Normalization.fixed(0, 255), Normalization.none() })
		{
			final NormalizationParams p = n.fit(STATS);
			final float[] v = { -3, 0, 17.25f, 1000 };
			final float[] w = v.clone();
			p.applyInPlace(w);
			p.invertInPlace(w);
			assertArrayEquals(v, w, 1e-3f, n.toString());
		}
	}

	@Test
	void flatImagesDoNotDivideByZero() {
		final ImageStatistics flat = new ImageStatistics(9, 7, 7, 7, 0, 7, 7);
		assertEquals(1, Normalization.percentile().fit(flat).scale());
		assertEquals(1, Normalization.meanStd().fit(flat).scale());
	}

	@Test
	void badPercentilesAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> Normalization.percentile(50, 10));
		assertThrows(IllegalArgumentException.class, () -> Normalization.percentile(-1, 10));
		assertThrows(IllegalArgumentException.class, () -> Normalization.fixed(1, 1));
	}
}
