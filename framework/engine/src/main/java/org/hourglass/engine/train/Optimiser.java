package org.hourglass.engine.train;

import java.util.HashMap;
import java.util.Map;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.engine.file.StoredArray;
import org.hourglass.engine.network.GraphNames;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The graph's Adam optimiser: its learning rate (one {@link LearningRate} the trainer changes), its state for a
 * checkpoint, and restoring that state when a run resumes.
 */
final class Optimiser {

	private static final Logger LOG = LogManager.getLogger();

	private Optimiser() {}

	/**
	 * The learning rate of {@code sd}'s Adam optimiser, set up on first use (a graph trained before keeps its
	 * optimiser and its moments: fine-tuning continues where the last run ended).
	 */
	static LearningRate attach(final SameDiff sd, final double initial, final boolean gaussian, final boolean masked) {
		final TrainingConfig existing = sd.getTrainingConfig();
		if (existing != null && existing.getUpdater() instanceof Adam adam &&
			adam.getLearningRateSchedule() instanceof LearningRate lr)
		{
			lr.set(initial);
			return lr;
		}
		final LearningRate lr = new LearningRate(initial);
		sd.setTrainingConfig(TrainingConfig.builder()
			.updater(new Adam(lr))
			.dataSetFeatureMapping(Batch.featureNames(gaussian))
			.dataSetLabelMapping(Batch.labelNames(masked))
			.trainEvaluation(GraphNames.LOSS, 0, new LossProbe())
			.build());
		return lr;
	}

	/** The optimiser's state arrays by {@code <variable>.<state>} name; empty before the first step. */
	static Map<String, StoredArray> state(final SameDiff sd) {
		final Map<String, StoredArray> out = new HashMap<>();
		final Map<String, GradientUpdater> updaters = sd.getUpdaterMap();
		if (updaters != null) {
			updaters.forEach((name, u) -> u.getState().forEach((key, value) -> out.put(name + "." + key, StoredArray.of(
				(INDArray) value))));
		}
		return out;
	}

	/**
	 * Creates the graph's optimiser before the first step, so that a resumed run can restore its state.
	 * SameDiff otherwise creates it inside {@code fit}, after the listeners' first call.
	 */
	static void initialize(final SameDiff sd) {
		if (sd.isInitializedTraining()) return;
		try {
			final java.lang.reflect.Method init = SameDiff.class.getDeclaredMethod("initializeTraining");
			init.setAccessible(true);
			init.invoke(sd);
		}
		catch (final ReflectiveOperationException | RuntimeException e) {
			LOG.warn("Cannot restore the optimiser state ({}); resuming with a fresh optimiser", e.toString());
		}
	}

	/** Restores state saved by {@link #state}, once the graph's optimiser exists (before the first step). */
	static void restore(final SameDiff sd, final Map<String, StoredArray> saved) {
		final Map<String, GradientUpdater> updaters = sd.getUpdaterMap();
		if (updaters == null) return;
		for (final Map.Entry<String, GradientUpdater> u : updaters.entrySet()) {
			final Map<String, INDArray> current = u.getValue().getState();
			final Map<String, INDArray> restored = new HashMap<>();
			for (final Map.Entry<String, INDArray> s : current.entrySet()) {
				final StoredArray a = saved.get(u.getKey() + "." + s.getKey());
				if (a == null || a.values().length != s.getValue().length()) {
					restored.clear();
					break;
				}
				restored.put(s.getKey(), Nd4j.create(a.values(), s.getValue().shape(), s.getValue().ordering()));
			}
			if (!restored.isEmpty()) u.getValue().setState(restored, false);
		}
		LOG.debug("Optimiser state restored for {} variables", updaters.size());
	}
}
