package org.hourglass.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.hourglass.api.image.ChannelNormalization;
import org.hourglass.api.image.NormalizationParams;
import org.hourglass.api.image.Plane;
import org.hourglass.api.training.TrainingData;
import org.hourglass.api.training.TrainingSource;
import org.hourglass.engine.Fixtures;
import org.hourglass.engine.train.PatchRegion.Rect;
import org.junit.jupiter.api.Test;

class TrainingSplitTest {

	private static final ChannelNormalization ID = ChannelNormalization.of(NormalizationParams.IDENTITY);

	@Test
	void validationBlocksAreSpreadOverTheImageAndTrainingPatchesAvoidThem() {
		final TrainingSource s = TrainingSource.of(Fixtures.image(512, 512, 1), "field");
		final TrainingSplit split = TrainingSplit.of(TrainingData.of(List.of(s), "one"), 64, 0.1, 42, x -> ID);
		// 10 % of the 64 blocks, each one patch
		assertEquals(6, split.validation().size());
		final Set<Integer> rows = new HashSet<>();
		for (final PatchRegion v : split.validation()) {
			assertEquals(1, v.positions(64));
			rows.add(v.area().y() / 64);
		}
		// not one band at an edge: the blocks lie in several rows of the grid
		assertTrue(rows.size() >= 3, "rows " + rows);
		final PatchRegion train = split.training().get(0);
		final SplittableRandom random = new SplittableRandom(1);
		for (int i = 0; i < 2000; i++) {
			final int[] at = train.draw(random, 64);
			for (final PatchRegion v : split.validation()) {
				final Rect r = v.area();
				assertFalse(r.intersects(at[0], at[1], 64, 64), "patch at " + at[0] + "," + at[1] + " overlaps " + r);
			}
		}
	}

	@Test
	void heldOutBlocksSpanTheBrightnessRange() {
		// every one of the 64 blocks has its own brightness, in a scrambled order over the image
		final Plane p = new Plane(512, 512);
		for (int y = 0; y < 512; y++) {
			for (int x = 0; x < 512; x++) p.set(x, y, (x / 64 * 8 + y / 64) * 37 % 64);
		}
		for (final long seed : new long[] { 1, 2, 3, 42 }) {
			final List<Rect> held = TrainingSplit.heldOut(TrainingSource.of(p, "ramp"), 64, 0.1,
				new SplittableRandom(seed));
			assertEquals(6, held.size());
			final int[] ranks = held.stream().mapToInt(r -> (int) p.get(r.x(), r.y())).sorted().toArray();
			// one block from each sixth of the brightness order: 0-9, 10-20, 21-31, 32-41, 42-52, 53-63
			final int[] from = { 0, 10, 21, 32, 42, 53 };
			for (int k = 0; k < 6; k++) {
				assertTrue(ranks[k] >= from[k] && (k == 5 || ranks[k] < from[k + 1]), "seed " + seed + ": brightness " +
					"ranks " + java.util.Arrays.toString(ranks));
			}
		}
	}

	@Test
	void theSplitDependsOnTheSeedOnly() {
		final TrainingData data = TrainingData.of(List.of(TrainingSource.of(Fixtures.image(256, 256, 1), "a")), "a");
		assertEquals(TrainingSplit.of(data, 32, 0.1, 7, x -> ID).validation().stream().map(PatchRegion::area).toList(),
			TrainingSplit.of(data, 32, 0.1, 7, x -> ID).validation().stream().map(PatchRegion::area).toList());
	}

	@Test
	void imagesTooSmallToHoldOutValidateOnThemselves() {
		final TrainingSource s = TrainingSource.of(Fixtures.image(40, 30, 1), "small");
		final TrainingSplit split = TrainingSplit.of(TrainingData.of(List.of(s), "one"), 16, 0.1, 1, x -> ID);
		assertEquals(1, split.validation().size());
		assertEquals(split.training().get(0).area(), split.validation().get(0).area());
	}

	@Test
	void validationImagesAreValidatedOnWhole() {
		final TrainingSource a = TrainingSource.of(Fixtures.image(128, 128, 1), "a");
		final TrainingSource b = TrainingSource.of(Fixtures.image(96, 96, 2), "b");
		final TrainingSplit split = TrainingSplit.of(new TrainingData(List.of(a), List.of(b), "a, b"), 32, 0.1, 1,
			x -> ID);
		assertTrue(split.training().get(0).excluded().isEmpty());
		assertEquals(new Rect(0, 0, 96, 96), split.validation().get(0).area());
	}
}
