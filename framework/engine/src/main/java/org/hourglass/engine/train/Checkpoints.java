package org.hourglass.engine.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.InvalidInputException;
import org.hourglass.api.ModelSpec;
import org.hourglass.engine.Nd4jModel;
import org.hourglass.engine.file.ArchiveContents;
import org.hourglass.engine.file.ModelArchive;
import org.hourglass.engine.file.StoredArray;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A run's checkpoint: a model file of the current weights and metadata with the trainer's state beside them
 * (its {@link TrainerState}, the best weights so far, Adam's moments), written atomically after every epoch and
 * read back to resume.
 */
final class Checkpoints {

	private static final Logger LOG = LogManager.getLogger();

	/**
	 * What a checkpoint gives back.
	 *
	 * @param state where the run stood
	 * @param best the best weights so far, or {@code null}
	 * @param optimiser Adam's state by {@code <variable>.<state>}, or {@code null}
	 */
	record Resumed(TrainerState state, Map<String, INDArray> best, Map<String, StoredArray> optimiser) {}

	private Checkpoints() {}

	/** Writes the checkpoint {@code file} of {@code model}; call holding no lock (it takes the model's). */
	static void write(final Path file, final Nd4jModel model, final TrainerState state,
		final Map<String, INDArray> best)
	{
		final Map<String, StoredArray> extra = new HashMap<>(state.toArrays());
		synchronized (model.lock()) {
			if (best != null) best.forEach((k, v) -> extra.put(TrainerState.BEST + k, StoredArray.of(v)));
			Optimiser.state(model.graph()).forEach((k, v) -> extra.put(TrainerState.ADAM + k, v));
		}
		ModelArchive.write(file, model.contents(extra));
	}

	/**
	 * Loads the checkpoint {@code file} into {@code model} (weights and metadata).
	 *
	 * @throws InvalidInputException if it belongs to another model or is not a checkpoint
	 */
	static Resumed resume(final Path file, final Nd4jModel model) {
		final ArchiveContents c = ModelArchive.read(file, model.info().spec().variant());
		final ModelSpec was = c.info().spec();
		final ModelSpec now = model.info().spec();
		if (!was.equals(now)) {
			final List<String> differ = new ArrayList<>();
			if (!was.network().equals(now.network())) differ.add("network");
			if (!was.loss().equals(now.loss())) differ.add("loss");
			if (!was.normalization().equals(now.normalization())) differ.add("normalisation");
			if (!was.properties().equals(now.properties())) differ.add("training " + was.properties() + " against " + now
				.properties());
			throw new InvalidInputException("checkpoint " + file + " belongs to a different model (its " + String.join(
				", ", differ) + " differ); delete it or train without resuming");
		}
		final TrainerState state = TrainerState.fromArrays(c.weights());
		if (state == null) throw new InvalidInputException(file + " is a model file without trainer state, not a checkpoint");
		model.setStoredWeights(c.weights(), file.toString());
		model.setInfo(c.info());
		final Map<String, INDArray> best = new HashMap<>();
		final Map<String, StoredArray> adam = new HashMap<>();
		c.weights().forEach((k, v) -> {
			if (k.startsWith(TrainerState.BEST)) {
				best.put(k.substring(TrainerState.BEST.length()), Nd4j.create(v.values(), v.shape(), 'c'));
			}
			else if (k.startsWith(TrainerState.ADAM)) adam.put(k.substring(TrainerState.ADAM.length()), v);
		});
		LOG.info("Resuming from {} after epoch {}", file, state.runEpoch());
		return new Resumed(state, best.isEmpty() ? null : best, adam.isEmpty() ? null : adam);
	}
}
