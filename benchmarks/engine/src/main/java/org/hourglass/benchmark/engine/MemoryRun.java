package org.hourglass.benchmark.engine;

import java.util.ArrayList;
import java.util.List;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.Progress;
import org.hourglass.api.image.Plane;
import org.hourglass.api.training.TrainingListener;
import org.hourglass.api.training.TrainingProgress;

/**
 * A long training run of the reference network through the service's trainer, then a long inference run
 * through the model's batch inference, sampling memory every {@code every} steps.
 */
final class MemoryRun {

	static final String TRAINING = "training";
	static final String INFERENCE = "inference";

	private static final Logger LOG = LogManager.getLogger();

	private final List<MemorySample> samples = new ArrayList<>();

	List<MemorySample> samples() {
		return samples;
	}

	void train(final ModelService models, final Model model, final int epochs, final int stepsPerEpoch,
		final int batch, final int patch, final int every)
	{
		final long t0 = System.nanoTime();
		samples.add(MemorySample.now(TRAINING, 0, t0));
		final TrainingListener sampler = new TrainingListener() {

			@Override
			public void progress(final TrainingProgress p) {
				final long step = (long) (p.epoch() - 1) * p.stepsPerEpoch() + p.step();
				if (step % every == 0) {
					final MemorySample s = MemorySample.now(TRAINING, step, t0);
					samples.add(s);
					if (step % (every * 25L) == 0) LOG.info("Training step {}: RSS {} MB, heap {} MB", step,
						Math.round(s.rssMb()), Math.round(s.heapUsedMb()));
				}
			}
		};
		models.train(model, HourglassSpeed.data(), ReferenceNetwork.noisyPairs(), HourglassSpeed.config(batch, patch,
			stepsPerEpoch, 7).withEpochs(epochs), sampler);
	}

	void infer(final Model model, final int batches, final int batch, final int patch, final int every) {
		final List<List<Plane>> inputs = ReferenceNetwork.noisyBatches(64, batch, patch, 11);
		final long t0 = System.nanoTime();
		samples.add(MemorySample.now(INFERENCE, 0, t0));
		for (int i = 1; i <= batches; i++) {
			model.apply(inputs.get(i % inputs.size()), batch, Progress.NONE);
			if (i % every == 0) samples.add(MemorySample.now(INFERENCE, i, t0));
		}
	}

	/** RSS at the first sample at or after {@code warmupSteps}, at the end, and the largest after warm-up. */
	record Summary(double afterWarmupMb, double endMb, double maxMb, double heapMaxMb, double seconds) {}

	static Summary summarise(final List<MemorySample> all, final String phase, final long warmupSteps) {
		final List<MemorySample> s = all.stream().filter(m -> m.phase().equals(phase)).toList();
		final List<MemorySample> after = s.stream().filter(m -> m.step() >= warmupSteps).toList();
		if (after.isEmpty()) return new Summary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
		return new Summary(after.get(0).rssMb(), after.get(after.size() - 1).rssMb(),
			after.stream().mapToDouble(MemorySample::rssMb).max().orElse(Double.NaN),
			after.stream().mapToDouble(MemorySample::heapUsedMb).max().orElse(Double.NaN),
			s.get(s.size() - 1).seconds());
	}
}
