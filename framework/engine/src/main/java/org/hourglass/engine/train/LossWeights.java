package org.hourglass.engine.train;

import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.engine.network.GraphNames;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Sets each loss term's weight for an epoch (the warm-up) on the graph's weight constants. */
final class LossWeights {

	private LossWeights() {}

	/** Call holding the model's lock, before the epoch's first step. */
	static void setForEpoch(final SameDiff sd, final Loss loss, final int epoch) {
		for (final LossTerm t : loss.terms()) {
			final SDVariable w = sd.getVariable(GraphNames.weight(t.name()));
			if (w != null) w.getArr().assign(t.weightAt(epoch));
		}
	}
}
