package org.hourglass.denoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.network.Activation;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.imagej.variant.NormalizationChoice;
import org.junit.jupiter.api.Test;

import ij.IJ;

class DenoiseVariantTest {

	@Test
	void selfSupervisedIsAPlainUNetWithMaskedLoss() {
		final ModelSpec s = DenoiseVariant.spec(DenoiseVariant.Training.SELF_SUPERVISED, 2, 32, Normalization
			.percentile(), "blind spot");
		assertEquals("denoise", s.variant());
		assertEquals(LossTerm.Kind.MASKED_MSE, s.loss().reconstruction().kind());
		assertFalse(s.network().residual());
		assertTrue(s.network().skipConnections());
		assertEquals(Activation.LINEAR, s.network().outputActivation());
		assertEquals(4, s.network().downsamplingFactor());
		assertEquals("self-supervised", s.properties().get(DenoiseVariant.PROP_TRAINING));
	}

	@Test
	void supervisedIsResidualWithMse() {
		final ModelSpec s = DenoiseVariant.spec(DenoiseVariant.Training.SUPERVISED, 2, 32, Normalization.fixed(0, 255),
			"pairs");
		assertEquals(LossTerm.Kind.MSE, s.loss().reconstruction().kind());
		assertTrue(s.network().residual());
	}

	@Test
	void normalisationChoices() {
		assertEquals(Normalization.percentile(), NormalizationChoice.of("percentile"));
		assertEquals(Normalization.fixed(0, 255), NormalizationChoice.of("0-255"));
		assertEquals(Normalization.Mode.MEAN_STD, NormalizationChoice.of("mean-std").mode());
		assertThrows(InvalidInputException.class, () -> NormalizationChoice.of("minmax"));
		final String m = assertThrows(InvalidInputException.class, () -> NormalizationChoice.requireFitting(
			Normalization.fixed(0, 255), IJ.createImage("deep", "16-bit black", 4, 4, 1))).getMessage();
		assertTrue(m.contains("'deep' is 16-bit"), m);
		assertThrows(InvalidInputException.class, () -> DenoiseVariant.network(DenoiseVariant.Training.SUPERVISED, 0,
			32));
	}
}
