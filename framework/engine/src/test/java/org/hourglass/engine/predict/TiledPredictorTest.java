package org.hourglass.engine.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.hourglass.api.PredictOptions;
import org.hourglass.api.Progress;
import org.hourglass.api.image.ChannelNormalization;
import org.hourglass.api.image.NormalizationParams;
import org.hourglass.api.image.Plane;
import org.hourglass.engine.Fixtures;
import org.junit.jupiter.api.Test;

/** Tiling geometry with stand-in networks whose exact output is known. */
class TiledPredictorTest {

	/** A network that outputs its input, nearest-neighbour enlarged {@code upscale} times. */
	private static TileRunner identity(final int upscale) {
		return (blocks, count, h, w) -> {
			final float[] out = new float[count * h * w * upscale * upscale];
			final int ow = w * upscale;
			for (int b = 0; b < count; b++) {
				for (int y = 0; y < h * upscale; y++) {
					for (int x = 0; x < ow; x++) {
						out[b * h * w * upscale * upscale + y * ow + x] = blocks[b * h * w + (y / upscale) * w + x / upscale];
					}
				}
			}
			return out;
		};
	}

	@Test
	void identityThroughTilesReproducesTheImageOfAnySize() {
		// 37x29 is no multiple of anything: the last tiles read mirrored pixels past the edges
		final Plane image = Fixtures.image(37, 29, 1);
		final ChannelNormalization params = ChannelNormalization.of(new NormalizationParams(50, 20));
		final Plane out = new TiledPredictor(identity(1), 4, 3, 1).predict(image, params,
			PredictOptions.defaults().withTileSize(8).withBatchSize(3), Progress.NONE);
		assertEquals(37, out.width());
		assertEquals(29, out.height());
		assertTrue(Fixtures.maxAbsDiff(image, out) < 1e-3, "difference " + Fixtures.maxAbsDiff(image, out));
	}

	@Test
	void upscaledOutputIsUpscaleTimesTheInput() {
		final Plane image = Fixtures.image(13, 10, 2);
		final Plane out = new TiledPredictor(identity(2), 2, 2, 2).predict(image, ChannelNormalization.of(NormalizationParams.IDENTITY),
			PredictOptions.defaults().withTileSize(4), Progress.NONE);
		assertEquals(26, out.width());
		assertEquals(20, out.height());
		for (int y = 0; y < 20; y++) {
			for (int x = 0; x < 26; x++) assertEquals(image.get(x / 2, y / 2), out.get(x, y), 1e-4);
		}
	}

	@Test
	void blocksAreMirroredAtTheEdges() {
		final Plane image = new Plane(4, 1, new float[] { 1, 2, 3, 4 });
		final List<float[]> seen = new ArrayList<>();
		new TiledPredictor((blocks, count, h, w) -> {
			seen.add(blocks.clone());
			return new float[count * h * w];
		}, 1, 0, 1).predict(image, ChannelNormalization.of(NormalizationParams.IDENTITY), new PredictOptions(4, 2, 1), Progress.NONE);
		// halo rounds up to radius + blending margin (8): the first row of the block is the mirrored image
		final float[] block = seen.get(0);
		final int w = block.length / (1 + 2 * 8);
		final float[] row = java.util.Arrays.copyOfRange(block, 8 * w + 6, 8 * w + 12);
		assertArrayEquals(new float[] { 3, 2, 1, 2, 3, 4 }, row);
	}

	@Test
	void seamsAreBlendedNotCut() {
		// a stand-in network whose output depends on the tile (value = the block's first pixel, a different
		// constant in each tile): a hard cut would jump by the full difference at tile borders
		final float[] ramp = new float[64 * 8];
		for (int y = 0; y < 8; y++) {
			for (int x = 0; x < 64; x++) ramp[y * 64 + x] = x;
		}
		final TileRunner perTileConstant = (blocks, count, h, w) -> {
			final float[] out = new float[count * h * w];
			for (int b = 0; b < count; b++) java.util.Arrays.fill(out, b * h * w, (b + 1) * h * w, blocks[b * h * w]);
			return out;
		};
		final TiledPredictor p = new TiledPredictor(perTileConstant, 4, 2, 1);
		final Plane out = p.predict(new Plane(64, 8, ramp), ChannelNormalization.of(NormalizationParams.IDENTITY),
			PredictOptions.defaults().withTileSize(16).withBatchSize(1), Progress.NONE);
		// neighbouring tiles' constants differ by 16; blended over 2 * 8 pixels no step exceeds 16 * pi / 32
		double maxStep = 0;
		for (int x = 1; x < 64; x++) maxStep = Math.max(maxStep, Math.abs(out.get(x, 4) - out.get(x - 1, 4)));
		assertTrue(maxStep < 16 * Math.PI / 32 + 1e-3, "largest step between neighbours " + maxStep);
		assertTrue(maxStep > 0.5, "tiles did differ");
	}

	@Test
	void batchOutputIsBoundedWhateverTheFactor() {
		// the network's output per batch, in pixels, whatever tile and factor
		for (final int upscale : new int[] { 1, 2, 4, 8 }) {
			final long[] largest = { 0 };
			final TileRunner recording = (blocks, count, h, w) -> {
				largest[0] = Math.max(largest[0], (long) count * h * w * upscale * upscale);
				return identity(upscale).run(blocks, count, h, w);
			};
			final TiledPredictor p = new TiledPredictor(recording, 4, 28, upscale);
			final Plane image = Fixtures.image(900, 600, 5);
			final Plane out = p.predict(image, ChannelNormalization.of(NormalizationParams.IDENTITY), PredictOptions
				.defaults().withBatchSize(64), Progress.NONE);
			assertEquals(900 * upscale, out.width());
			assertTrue(largest[0] <= TiledPredictor.BATCH_OUTPUT_PIXELS, "x" + upscale + ": " + largest[0] +
				" output pixels in one batch");
			assertTrue(upscale == 1 || largest[0] > TiledPredictor.BATCH_OUTPUT_PIXELS / 4, "x" + upscale + ": batches of " + largest[0] +
				" output pixels are needlessly small");
		}
	}

	@Test
	void automaticTilesShrinkOnlyWhenOneBlockExceedsTheBatch() {
		final TiledPredictor x1 = new TiledPredictor(identity(1), 4, 28, 1);
		final TiledPredictor x4 = new TiledPredictor(identity(4), 4, 28, 4);
		final TiledPredictor x8 = new TiledPredictor(identity(8), 4, 28, 8);
		assertEquals(TiledPredictor.DEFAULT_TILE, x1.automaticTile(36));
		assertEquals(TiledPredictor.DEFAULT_TILE, x4.automaticTile(36));
		final int t = x8.automaticTile(36);
		assertTrue(t < TiledPredictor.DEFAULT_TILE && t % 4 == 0, "x8 tile " + t);
		assertTrue(Math.pow((t + 72) * 8, 2) <= TiledPredictor.BATCH_OUTPUT_PIXELS && Math.pow((t + 76) * 8, 2) >
			TiledPredictor.BATCH_OUTPUT_PIXELS, "x8 tile " + t + " is the largest that fits");
		assertEquals(4, x1.batchSize(4, 328, 328));
		assertEquals(1, x4.batchSize(4, 328, 328));
	}

	@Test
	void outOfMemoryRetriesWithSmallerTiles() {
		final Plane image = Fixtures.image(40, 36, 3);
		final List<Integer> sizes = new ArrayList<>();
		final TileRunner failsOnLargeBlocks = (blocks, count, h, w) -> {
			sizes.add(h);
			if (h > 30) throw new OutOfMemoryError("injected: block " + h + "x" + w);
			return identity(1).run(blocks, count, h, w);
		};
		final Plane out = new TiledPredictor(failsOnLargeBlocks, 2, 2, 1).predict(image, ChannelNormalization.of(NormalizationParams.IDENTITY),
			PredictOptions.defaults().withTileSize(32), Progress.NONE);
		assertTrue(Fixtures.maxAbsDiff(image, out) < 1e-4);
		assertTrue(sizes.get(0) > 30 && sizes.get(sizes.size() - 1) <= 30, "sizes tried: " + sizes);
	}

	@Test
	void nativeAllocationFailuresCountAsOutOfMemory() {
		final Plane image = Fixtures.image(24, 24, 4);
		final int[] calls = { 0 };
		final TileRunner failsOnce = (blocks, count, h, w) -> {
			if (calls[0]++ == 0) throw new RuntimeException("Failed to allocate 1073741824 bytes");
			return identity(1).run(blocks, count, h, w);
		};
		final Plane out = new TiledPredictor(failsOnce, 2, 2, 1).predict(image, ChannelNormalization.of(NormalizationParams.IDENTITY),
			PredictOptions.defaults().withTileSize(16), Progress.NONE);
		assertTrue(Fixtures.maxAbsDiff(image, out) < 1e-4);
		// other failures are not retried
		assertThrows(IllegalStateException.class, () -> new TiledPredictor((b, c, h, w) -> {
			throw new IllegalStateException("broken");
		}, 2, 2, 1).predict(image, ChannelNormalization.of(NormalizationParams.IDENTITY), PredictOptions.defaults(), Progress.NONE));
	}

	@Test
	void cancellingStopsBetweenBatches() {
		final int[] batches = { 0 };
		final Progress cancelAfterOne = new Progress() {

			@Override
			public void update(final long done, final long total) {}

			@Override
			public boolean isCancelled() {
				return batches[0] >= 1;
			}
		};
		final TileRunner counting = (blocks, count, h, w) -> {
			batches[0]++;
			return identity(1).run(blocks, count, h, w);
		};
		assertThrows(CancellationException.class, () -> new TiledPredictor(counting, 2, 2, 1).predict(
			Fixtures.image(64, 64, 5), ChannelNormalization.of(NormalizationParams.IDENTITY), PredictOptions.defaults().withTileSize(16)
				.withBatchSize(2), cancelAfterOne));
		assertEquals(1, batches[0]);
	}
}
