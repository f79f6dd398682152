package org.hourglass.engine.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.hourglass.api.ModelInfo;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.api.training.EpochResult;
import org.junit.jupiter.api.Test;

/** Model files of format 1 (some shipped sample models were written in it) still read, as what they meant. */
class FormatOneTest {

	private static final Path SAMPLES = Path.of("../../samples/models");
	/** The SEM sample model as it shipped in format 1, until it was retrained. */
	private static final Path FORMAT_ONE = Path.of("src/test/resources/format1");

	@Test
	void aFormatOneBlindSpotModelReads() {
		final ArchiveContents c = ModelArchive.read(FORMAT_ONE.resolve("blind-spot-sem.zip"), "denoise");
		final ModelInfo info = c.info();
		assertEquals(1, info.spec().loss().terms().size());
		final LossTerm t = info.spec().loss().reconstruction();
		assertEquals(LossTerm.Kind.MASKED_MSE, t.kind());
		assertEquals(LossTerm.Reduction.MEAN, t.reduction());
		assertEquals(1, t.weight());
		assertEquals(NetworkSpec.Pooling.MAX, info.spec().network().convolutions().pooling());
		assertFalse(info.history().isEmpty());
		for (final EpochResult e : info.history()) {
			assertTrue(e.training().terms().isEmpty());
			assertTrue(Double.isFinite(e.trainingLoss()));
		}
		assertNull(info.fittedNormalization());
		assertEquals(1, c.testInput().channels());
	}

	@Test
	void aFormatOneMeanStdModelKeepsItsFittedNormalisation() {
		final ModelInfo info = ModelArchive.readInfo(SAMPLES.resolve("denoise-selfsupervised-bsd68.zip"));
		assertEquals(1, info.fittedNormalization().size());
		assertTrue(info.fittedNormalization().get(0).scale() > 0);
	}
}
