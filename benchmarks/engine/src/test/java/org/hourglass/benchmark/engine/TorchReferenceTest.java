package org.hourglass.benchmark.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TorchReferenceTest {

	@Test
	void parsesTheScriptsLine() {
		final TorchReference.Result r = TorchReference.parse("{\"engine\": \"pytorch 1.13.0\", \"threads\": 2, " +
			"\"batch\": 32, \"patch\": 64, \"train_patches_per_s\": 131.7, \"train_gflop_per_s\": 68.7, " +
			"\"infer_patches_per_s\": 425.2, \"infer_mpix_per_s\": 1.742, \"infer_gflop_per_s\": 74.2, " +
			"\"forward_flop_per_patch\": 174587904, \"train_flop_per_patch\": 521404416}");
		assertEquals("pytorch 1.13.0", r.engine());
		assertEquals(131.7, r.trainPatchesPerSecond());
		assertEquals(425.2, r.inferPatchesPerSecond());
		assertEquals(174_587_904L, r.forwardFlopPerPatch());
		assertEquals(521_404_416L, r.trainFlopPerPatch());
	}

	@Test
	void refusesOtherOutput() {
		assertThrows(IllegalStateException.class, () -> TorchReference.parse("{\"engine\": \"x\"}"));
	}

	@Test
	void medianOfEvenAndOddCounts() {
		assertEquals(2, Stats.median(3, 1, 2));
		assertEquals(2.5, Stats.median(4, 1, 2, 3));
		assertEquals(Double.NaN, Stats.median());
	}
}
