package org.hourglass.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hourglass.api.training.EpochResult;
import org.hourglass.api.training.LossValues;
import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.process.ImageProcessor;

class LossCurveTest {

	@Test
	void drawsBothCurvesHeadless() {
		final List<EpochResult> epochs = List.of(EpochResult.of(1, 0.5, 0.6, 1e-3, 1, true), EpochResult.of(2, 0.2,
			0.3, 1e-3, 1, true), EpochResult.of(3, 0.1, 0.35, 1e-3, 1, false));
		final ImagePlus img = LossCurve.image("m loss", epochs);
		assertEquals("m loss", img.getTitle());
		assertTrue(img.getWidth() > 100 && img.getHeight() > 100);
		assertTrue(count(img.getProcessor(), LossCurve.TRAINING.getRGB()) > 20, "training curve drawn");
		assertTrue(count(img.getProcessor(), LossCurve.VALIDATION.getRGB()) > 20, "validation curve drawn");
		assertEquals(2, LossCurve.best(epochs).epoch());
	}

	@Test
	void eachTermOfALossWithSeveralIsDrawnToo() {
		final List<EpochResult> epochs = List.of(epoch(1, 180, 20), epoch(2, 150, 9), epoch(3, 145, 7));
		assertEquals(List.of("reconstruction", "kl"), LossCurve.termNames(epochs));
		final ImagePlus img = LossCurve.image("vae loss", epochs);
		assertTrue(count(img.getProcessor(), LossCurve.TERMS[0].getRGB()) > 20, "reconstruction drawn");
		assertTrue(count(img.getProcessor(), LossCurve.TERMS[1].getRGB()) > 20, "KL drawn");
		assertEquals(List.of(), LossCurve.termNames(List.of(EpochResult.of(1, 0.5, 0.6, 1e-3, 1, true))));
	}

	private static EpochResult epoch(final int e, final double rec, final double kl) {
		final Map<String, Double> t = new LinkedHashMap<>();
		t.put("reconstruction", rec);
		t.put("kl", kl);
		return new EpochResult(e, new LossValues(rec + kl, t), new LossValues(rec + kl + 2, t), 1e-3, 1, true);
	}

	@Test
	void noEpochStillGivesAnImage() {
		assertNotNull(LossCurve.image("empty", List.of()));
	}

	private static int count(final ImageProcessor ip, final int argb) {
		final ImageProcessor rgb = ip.convertToRGB();
		int n = 0;
		for (int i = 0; i < rgb.getPixelCount(); i++) {
			if ((rgb.get(i) & 0xffffff) == (argb & 0xffffff)) n++;
		}
		return n;
	}
}
