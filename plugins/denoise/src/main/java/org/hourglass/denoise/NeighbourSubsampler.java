package org.hourglass.denoise;

import java.util.SplittableRandom;

import org.hourglass.api.image.Plane;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingPair;

/**
 * Self-supervised training pairs by neighbour sub-sampling (the Neighbor2Neighbor idea, without its
 * regulariser): the noisy patch is cut into 2×2 cells, and from every cell two adjacent pixels (side by side
 * or one above the other, never diagonal) are drawn at random; the first pixels form the input, the second
 * the target, each half the patch's width and height. Input and target show nearly the same image with
 * independent noise (for noise that is independent from pixel to pixel), so the network learns to denoise
 * as if from noisy pairs, with a loss on every pixel instead of on the 1.6 % a blind-spot mask leaves. The
 * price is a slight smoothing: the target sits one pixel away from the input.
 * <p>
 * Patches must have an even width and height; the network then trains on half-size inputs and is applied
 * to images at their full size. All channels of a multi-channel patch take the same pixels.
 */
public final class NeighbourSubsampler implements PairMaker {

	/**
	 * @param target ignored: both halves come from {@code input}
	 * @throws IllegalArgumentException if the patch has an odd width or height
	 */
	@Override
	public TrainingPair make(final Plane input, final Plane target, final SplittableRandom random) {
		final int w = input.width();
		final int h = input.height();
		if (w % 2 != 0 || h % 2 != 0) {
			throw new IllegalArgumentException("neighbour sub-sampling needs patches of even size, got " + w + "x" + h);
		}
		final float[] src = input.data();
		final int hw = w / 2;
		final int hh = h / 2;
		final int channels = input.channels();
		final float[] first = new float[hw * hh * channels];
		final float[] second = new float[hw * hh * channels];
		for (int cy = 0; cy < hh; cy++) {
			for (int cx = 0; cx < hw; cx++) {
				// a corner of the cell, then the corner beside it (flip x) or below/above it (flip y)
				final int corner = random.nextInt(4);
				final int other = corner ^ (random.nextBoolean() ? 1 : 2);
				for (int c = 0; c < channels; c++) {
					final int in = c * w * h;
					final int out = c * hw * hh + cy * hw + cx;
					first[out] = src[in + (2 * cy + (corner >> 1)) * w + 2 * cx + (corner & 1)];
					second[out] = src[in + (2 * cy + (other >> 1)) * w + 2 * cx + (other & 1)];
				}
			}
		}
		return new TrainingPair(new Plane(hw, hh, channels, first), new Plane(hw, hh, channels, second), null);
	}

	/** The network's inputs are half the patch's width and height. */
	@Override
	public int inputReduction() {
		return 2;
	}

	@Override
	public String toString() {
		return "neighbour sub-sampling: two adjacent pixels of every 2x2 cell";
	}
}
