package org.hourglass.engine.train;

import java.util.HashMap;
import java.util.Map;

import org.hourglass.engine.file.StoredArray;

/**
 * What a checkpoint holds besides the model: where the run is and what it has kept. Stored as an extra
 * array {@value #KEY} of a checkpoint's model file (integers and the learning rate are exact in float; the
 * best loss is kept to float precision).
 *
 * @param runEpoch epochs of this run finished
 * @param baseEpochs epochs the model had before this run (fine-tuning)
 * @param learningRate the current learning rate
 * @param bestLoss the best validation loss of this run
 * @param bestEpoch the epoch that reached it (0 = none yet)
 * @param sinceBest epochs since the last improvement
 * @param plateauWait epochs since the last improvement or learning rate change
 * @param iterations optimiser steps taken (Adam's bias correction)
 */
record TrainerState(int runEpoch, int baseEpochs, double learningRate, double bestLoss, int bestEpoch,
	int sinceBest, int plateauWait, int iterations)
{

	static final String KEY = "trainer.state";

	/** A run that has not started: {@code baseEpochs} epochs of earlier training, no best yet. */
	static TrainerState start(final int baseEpochs, final double learningRate) {
		return new TrainerState(0, baseEpochs, learningRate, Double.POSITIVE_INFINITY, 0, 0, 0, 0);
	}
	static final String BEST = "trainer.best.";
	static final String ADAM = "trainer.adam.";

	Map<String, StoredArray> toArrays() {
		final Map<String, StoredArray> m = new HashMap<>();
		m.put(KEY, new StoredArray(new long[] { 8 }, new float[] { runEpoch, baseEpochs, (float) learningRate,
			(float) bestLoss, bestEpoch, sinceBest, plateauWait, iterations }));
		return m;
	}

	static TrainerState fromArrays(final Map<String, StoredArray> arrays) {
		final StoredArray a = arrays.get(KEY);
		if (a == null || a.values().length != 8) return null;
		final float[] v = a.values();
		return new TrainerState((int) v[0], (int) v[1], v[2], v[3], (int) v[4], (int) v[5], (int) v[6], (int) v[7]);
	}
}
