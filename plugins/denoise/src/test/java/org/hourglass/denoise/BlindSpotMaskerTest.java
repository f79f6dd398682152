package org.hourglass.denoise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.hourglass.api.image.Plane;
import org.hourglass.api.training.TrainingPair;
import org.junit.jupiter.api.Test;

class BlindSpotMaskerTest {


	@Test
	void onePixelPerCellIsMasked() {
		final Plane patch = Images.indexed(64, 64);
		final TrainingPair pair = new BlindSpotMasker().make(patch, null, new SplittableRandom(1));
		final float[] mask = pair.mask().data();
		final int cell = BlindSpotMasker.DEFAULT_CELL;
		for (int cy = 0; cy < 64; cy += cell) {
			for (int cx = 0; cx < 64; cx += cell) {
				int n = 0;
				for (int y = cy; y < cy + cell; y++) {
					for (int x = cx; x < cx + cell; x++) n += (int) mask[y * 64 + x];
				}
				assertEquals(1, n, "cell at " + cx + "," + cy);
			}
		}
		final double fraction = Arrays.stream(box(mask)).sum() / mask.length;
		assertEquals(1.0 / (cell * cell), fraction, 1e-9, "one pixel in " + cell * cell);
	}

	@Test
	void maskedPixelsComeFromTheNeighbourhoodButNeverFromThemselves() {
		final int w = 37;
		final int h = 29; // not a multiple of the cell: partial cells at the edges
		final Plane patch = Images.indexed(w, h);
		final BlindSpotMasker masker = new BlindSpotMasker(8, 3);
		int maxOffset = 0;
		for (int seed = 0; seed < 200; seed++) {
			final TrainingPair pair = masker.make(patch, null, new SplittableRandom(seed));
			final float[] in = pair.input().data();
			final float[] mask = pair.mask().data();
			for (int i = 0; i < in.length; i++) {
				if (mask[i] == 0) {
					assertEquals(i, in[i], "unmasked pixels are unchanged");
					continue;
				}
				assertEquals(1, mask[i]);
				final int from = (int) in[i];
				assertTrue(from != i, "a masked pixel is never replaced by itself");
				final int dx = Math.abs(from % w - i % w);
				final int dy = Math.abs(from / w - i / w);
				assertTrue(dx <= 3 && dy <= 3, "offset " + dx + "," + dy + " within radius 3");
				maxOffset = Math.max(maxOffset, Math.max(dx, dy));
			}
		}
		assertEquals(3, maxOffset, "the whole neighbourhood is used");
	}

	@Test
	void aStructuredMaskHidesTheLineWithValuesFromOffIt() {
		final int w = 40;
		final int h = 24;
		final Plane patch = Images.indexed(w, h);
		final BlindSpotMasker masker = new BlindSpotMasker(8, 3, new LineMask(LineMask.Axis.HORIZONTAL, 2));
		for (int seed = 0; seed < 100; seed++) {
			final TrainingPair pair = masker.make(patch, null, new SplittableRandom(seed));
			final float[] in = pair.input().data();
			final float[] mask = pair.mask().data();
			int changed = 0;
			for (int i = 0; i < in.length; i++) {
				if (in[i] != i) changed++;
				if (mask[i] == 0) continue;
				final int x = i % w;
				final int y = i / w;
				// the masked pixel and its line: none shows its own value or a value from the line
				for (int k = -2; k <= 2; k++) {
					if (x + k < 0 || x + k >= w) continue;
					final int from = (int) in[y * w + x + k];
					assertFalse(from / w == y && Math.abs(from % w - x) <= 2, "value from the line at " + (x + k) + "," +
						y);
				}
			}
			assertTrue(changed > in.length / 64 * 3, "the lines are hidden too: " + changed);
			assertEquals(w * h / 64.0, Arrays.stream(box(mask)).sum(), 1, "the loss stays on the masked pixels");
		}
		assertTrue(masker.toString().contains("horizontal line of 5"), masker.toString());
	}

	@Test
	void structuredMaskChoicesAreChecked() {
		assertEquals(new LineMask(LineMask.Axis.VERTICAL, 3), LineMask.of("vertical", 7));
		assertEquals(null, LineMask.of("none", 5));
		assertTrue(assertThrows(org.hourglass.api.InvalidInputException.class, () -> LineMask.of("diagonal", 5))
			.getMessage().contains("diagonal"));
		assertTrue(assertThrows(org.hourglass.api.InvalidInputException.class, () -> LineMask.of("vertical", 4))
			.getMessage().contains("odd"));
	}

	@Test
	void targetIsTheUnchangedPatch() {
		final Plane patch = Images.indexed(16, 16);
		final Plane before = patch.copy();
		final TrainingPair pair = new BlindSpotMasker().make(patch, null, new SplittableRandom(3));
		assertSame(patch, pair.target());
		assertEquals(before, patch, "input not modified");
		assertFalse(pair.input().equals(patch));
	}

	@Test
	void reproducibleWithASeed() {
		final Plane patch = Images.indexed(32, 32);
		final BlindSpotMasker m = new BlindSpotMasker();
		final TrainingPair a = m.make(patch, null, new SplittableRandom(42));
		final TrainingPair b = m.make(patch, null, new SplittableRandom(42));
		final TrainingPair c = m.make(patch, null, new SplittableRandom(43));
		assertArrayEquals(a.input().data(), b.input().data());
		assertArrayEquals(a.mask().data(), b.mask().data());
		assertFalse(Arrays.equals(a.mask().data(), c.mask().data()));
	}

	@Test
	void tinyPatchStillFindsANeighbour() {
		final Plane patch = Images.indexed(2, 1);
		final TrainingPair pair = new BlindSpotMasker().make(patch, null, new SplittableRandom(5));
		final float[] in = pair.input().data();
		final int masked = pair.mask().data()[0] == 1 ? 0 : 1;
		assertEquals(1 - masked, in[masked]);
	}

	private static double[] box(final float[] v) {
		final double[] d = new double[v.length];
		for (int i = 0; i < v.length; i++) d[i] = v[i];
		return d;
	}
}
