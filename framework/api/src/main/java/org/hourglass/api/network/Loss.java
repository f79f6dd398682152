package org.hourglass.api.network;

/**
 * The training loss: a reconstruction term between output and target, plus, for a Gaussian latent,
 * {@code klWeight} times the KL divergence of the latent distribution from N(0, I).
 * <p>
 * Reductions: {@link Kind#MSE}, {@link Kind#MAE} and {@link Kind#BCE} average over all output values;
 * {@link Kind#MASKED_MSE} averages the squared error over the values where the training pair's mask is
 * 1 (blind-spot training); the KL term is summed over latent dimensions and averaged over the batch.
 *
 * @param kind the reconstruction term
 * @param klWeight weight of the KL term; must be 0 unless the network has a Gaussian latent
 */
public record Loss(Kind kind, double klWeight) {

	/** Reconstruction terms. */
	public enum Kind {
		MSE, MAE, BCE, MASKED_MSE
	}

	public Loss {
		if (kind == null) throw new IllegalArgumentException("loss kind is required");
		if (!(klWeight >= 0 && Double.isFinite(klWeight))) {
			throw new IllegalArgumentException("KL weight must be finite and >= 0, got " + klWeight);
		}
	}

	public static Loss of(final Kind kind) {
		return new Loss(kind, 0);
	}

	/** True if training pairs must carry a mask. */
	public boolean needsMask() {
		return kind == Kind.MASKED_MSE;
	}
}
