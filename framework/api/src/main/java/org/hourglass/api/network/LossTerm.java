package org.hourglass.api.network;

/**
 * One term of a training loss: what it measures, how it is reduced over an image and the batch, and its
 * weight, possibly warmed up from 0 over the first epochs.
 *
 * @param kind what the term measures
 * @param reduction {@link Reduction#MEAN} over every value of the batch, or {@link Reduction#SUM} over each
 *          image's values (pixels and channels, or latent dimensions for {@link Kind#KL}) and averaged over the
 *          batch
 * @param weight the term's factor in the total loss, finite and {@code >= 0}
 * @param warmupEpochs epochs over which the weight rises linearly from {@code weight / warmupEpochs} (epoch 1)
 *          to {@code weight}; 0 = the full weight from the start
 */
public record LossTerm(Kind kind, Reduction reduction, double weight, int warmupEpochs) {

	/** What a term measures. */
	public enum Kind {
		/** Squared error between output and target. */
		MSE,
		/** Absolute error between output and target. */
		MAE,
		/** Binary cross-entropy of output (in [0, 1]) and target (in [0, 1]). */
		BCE,
		/** Squared error where the training pair's mask is 1 (blind-spot training), averaged over the mask. */
		MASKED_MSE,
		/** KL divergence of the Gaussian latent's distribution from N(0, I). */
		KL;

		/** True for the terms between output and target. */
		public boolean isReconstruction() {
			return this != KL;
		}
	}

	/** How a term is reduced. */
	public enum Reduction {
		MEAN, SUM
	}

	/** Name of the reconstruction term in loss reports. */
	public static final String RECONSTRUCTION = "reconstruction";
	/** Name of the KL term in loss reports. */
	public static final String KL_NAME = "kl";

	public LossTerm {
		if (kind == null || reduction == null) throw new IllegalArgumentException("loss term kind and reduction are required");
		if (!(weight >= 0 && Double.isFinite(weight))) {
			throw new IllegalArgumentException("loss weight must be finite and >= 0, got " + weight);
		}
		if (warmupEpochs < 0) throw new IllegalArgumentException("warm-up epochs must be >= 0, got " + warmupEpochs);
		if (kind == Kind.MASKED_MSE && reduction != Reduction.MEAN) {
			throw new IllegalArgumentException("a masked loss is averaged over its mask");
		}
	}

	/** {@value #RECONSTRUCTION} or {@value #KL_NAME}: how the term is named in progress and history. */
	public String name() {
		return kind.isReconstruction() ? RECONSTRUCTION : KL_NAME;
	}

	/** The weight in epoch {@code epoch} (from 1) of a run, after the warm-up. */
	public double weightAt(final int epoch) {
		if (warmupEpochs == 0 || epoch >= warmupEpochs) return weight;
		return weight * Math.max(1, epoch) / warmupEpochs;
	}
}
