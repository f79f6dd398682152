package org.hourglass.api.network;

import java.util.ArrayList;
import java.util.List;

/**
 * The training loss: a weighted sum of named terms, one reconstruction term between output and target and,
 * for a Gaussian latent, optionally a KL term (the VAE's loss: reconstruction + β·KL). Every term is reported
 * on its own, per step and per epoch (its unweighted value), beside the total.
 * <p>
 * The total a training step minimises uses each term's {@link LossTerm#weightAt warmed-up weight}; the
 * validation loss that chooses the best epoch uses the full weights, so that epochs compare.
 *
 * @param terms the reconstruction term first, then the KL term if any
 */
public record Loss(List<LossTerm> terms) {

	public Loss {
		terms = List.copyOf(terms);
		if (terms.isEmpty() || !terms.get(0).kind().isReconstruction()) {
			throw new IllegalArgumentException("a loss starts with its reconstruction term");
		}
		if (terms.size() > 2 || terms.size() == 2 && terms.get(1).kind() != LossTerm.Kind.KL) {
			throw new IllegalArgumentException("a loss is one reconstruction term, optionally followed by a KL term");
		}
	}

	/** A reconstruction term alone, averaged over all values, weight 1. */
	public static Loss of(final LossTerm.Kind kind) {
		return new Loss(List.of(new LossTerm(kind, LossTerm.Reduction.MEAN, 1, 0)));
	}

	/**
	 * The VAE's loss in nats per image: {@code reconstruction} summed over each image's values, plus
	 * {@code beta} times the KL divergence, warmed up over {@code warmupEpochs}.
	 */
	public static Loss variational(final LossTerm.Kind reconstruction, final double beta, final int warmupEpochs) {
		return new Loss(List.of(new LossTerm(reconstruction, LossTerm.Reduction.SUM, 1, 0), new LossTerm(
			LossTerm.Kind.KL, LossTerm.Reduction.SUM, beta, warmupEpochs)));
	}

	public LossTerm reconstruction() {
		return terms.get(0);
	}

	/** The KL term, or {@code null}. */
	public LossTerm kl() {
		return terms.size() > 1 ? terms.get(1) : null;
	}

	/** True if training pairs must carry a mask. */
	public boolean needsMask() {
		return reconstruction().kind() == LossTerm.Kind.MASKED_MSE;
	}

	/** The names of the terms, in order. */
	public List<String> names() {
		final List<String> names = new ArrayList<>();
		for (final LossTerm t : terms) names.add(t.name());
		return names;
	}
}
