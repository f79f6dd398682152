package org.hourglass.superres;

import java.util.Locale;
import java.util.SplittableRandom;

import org.hourglass.api.image.Plane;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingPair;

/**
 * Super-resolution training pairs from high-resolution images alone: the target is the high-resolution patch,
 * the input the same patch made {@code factor} times smaller ({@link Downscaling#BICUBIC bicubic} or
 * {@link Downscaling#AREA area averaging}), optionally with Gaussian noise of standard deviation
 * {@code noise} (image intensity units) added to the small image, so that the network also learns to ignore
 * the noise of real low-resolution images. The only randomness is that noise; without it, a patch always
 * gives the same pair.
 * <p>
 * The patch is downscaled on its own: its outermost low-resolution pixels see the patch mirrored at its edges
 * instead of the image around it, as at an image's own edges.
 */
public final class Downscaler implements PairMaker {

	private final int factor;
	private final Downscaling method;
	private final double noise;

	/**
	 * @param factor 2 or 4
	 * @param method how the patch is made smaller
	 * @param noise standard deviation of the noise added to the small image, {@code >= 0}
	 */
	public Downscaler(final int factor, final Downscaling method, final double noise) {
		if (factor != 2 && factor != 4) throw new IllegalArgumentException("the factor must be 2 or 4, got " + factor);
		if (method == null) throw new IllegalArgumentException("a downscaling method is required");
		if (!(noise >= 0) || !Double.isFinite(noise)) {
			throw new IllegalArgumentException("the noise must be a standard deviation >= 0, got " + noise);
		}
		this.factor = factor;
		this.method = method;
		this.noise = noise;
	}

	public int factor() {
		return factor;
	}

	public Downscaling method() {
		return method;
	}

	public double noise() {
		return noise;
	}

	/**
	 * @param input the high-resolution patch; its sides must be multiples of the factor
	 * @param target must be {@code null}: the target is the patch itself
	 * @throws IllegalArgumentException if the patch does not divide by the factor, or a target is given
	 */
	@Override
	public TrainingPair make(final Plane input, final Plane target, final SplittableRandom random) {
		if (target != null) {
			throw new IllegalArgumentException("downscaling makes its pairs from high-resolution images alone; real " +
				"low/high pairs are used as they are");
		}
		if (input.width() % factor != 0 || input.height() % factor != 0) {
			throw new IllegalArgumentException("a " + input.width() + "x" + input.height() + " patch cannot be " +
				"downscaled by " + factor + ": its sides must be multiples of " + factor);
		}
		final Plane low = method.apply(input, factor);
		if (noise > 0) {
			final float[] v = low.data();
			for (int i = 0; i < v.length; i++) v[i] += (float) (noise * random.nextGaussian());
		}
		return new TrainingPair(low, input, null);
	}

	/** The network's inputs are the factor times smaller than the patches. */
	@Override
	public int inputReduction() {
		return factor;
	}

	@Override
	public String toString() {
		return method.id() + " downscaling x" + factor + (noise > 0 ? String.format(Locale.ROOT,
			" + gaussian noise sigma=%s", noise) : "");
	}
}
