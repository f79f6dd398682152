package org.hourglass.benchmark.engine;

import java.util.List;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.Progress;
import org.hourglass.api.image.Plane;
import org.hourglass.api.training.TrainingConfig;
import org.hourglass.api.training.TrainingData;
import org.hourglass.api.training.TrainingListener;
import org.hourglass.api.training.TrainingProgress;
import org.hourglass.api.training.TrainingSource;

/**
 * One Hourglass measurement of the reference network, the way {@code torch_reference.py} measures PyTorch:
 * training throughput over 3 repeats of {@code iters} steps after {@code warmup} untimed steps (median), then
 * inference throughput over 3 repeats of {@code iters} batches after {@code warmup / 4} (at least 3) untimed
 * batches (median). The JVM compiles SameDiff's per-operation code over the first few hundred steps, so a
 * short warm-up measures the start of a run rather than the rate of a long training. Training
 * runs through the service's trainer (one epoch of all steps; steps are timed by its progress events, which
 * come after each optimiser step), inference through the model's batched application of whole planes.
 */
final class HourglassSpeed {

	static final int REPEATS = 3;

	private static final Logger LOG = LogManager.getLogger();

	/** Patches per second, training and inference. */
	record Result(double trainPatchesPerSecond, double inferPatchesPerSecond) {}

	private HourglassSpeed() {}

	static Result measure(final ModelService models, final int batch, final int patch, final int iters,
		final int warmup, final long seed)
	{
		try (Model model = models.create(ReferenceNetwork.modelSpec())) {
			final double train = train(models, model, batch, patch, iters, warmup, seed);
			final double infer = infer(model, batch, patch, iters, Math.max(3, warmup / 4), seed);
			LOG.info("Hourglass: training {} patches/s, inference {} patches/s", Math.round(train * 10) / 10.0,
				Math.round(infer * 10) / 10.0);
			return new Result(train, infer);
		}
	}

	/** The trainer's configuration for a timed run of {@code steps} steps on the reference data. */
	static TrainingConfig config(final int batch, final int patch, final int steps, final long seed) {
		return TrainingConfig.defaults().withPatchSize(patch).withBatchSize(batch).withEpochs(1)
			.withStepsPerEpoch(steps).withLearningRate(ReferenceNetwork.LEARNING_RATE).withAugment(false)
			.withValidation(0.1, batch).withSeed(seed);
	}

	static TrainingData data() {
		return TrainingData.of(List.of(TrainingSource.of(ReferenceNetwork.image(), "sine-cosine")),
			"synthetic 512x512 sine/cosine image, 0.1 Gaussian noise on the inputs");
	}

	private static double train(final ModelService models, final Model model, final int batch, final int patch,
		final int iters, final int warmup, final long seed)
	{
		final int steps = warmup + REPEATS * iters;
		final long[] end = new long[steps + 1];
		final TrainingListener timer = new TrainingListener() {

			@Override
			public void progress(final TrainingProgress p) {
				if (p.step() <= steps) end[p.step()] = System.nanoTime();
			}
		};
		models.train(model, data(), ReferenceNetwork.noisyPairs(), config(batch, patch, steps, seed), timer);
		final double[] seconds = new double[REPEATS];
		for (int r = 0; r < REPEATS; r++) {
			final long from = end[warmup + r * iters];
			final long to = end[warmup + (r + 1) * iters];
			if (from == 0 || to == 0) throw new IllegalStateException("the trainer reported fewer steps than " + steps);
			seconds[r] = (to - from) / 1e9;
		}
		return (double) iters * batch / Stats.median(seconds);
	}

	private static double infer(final Model model, final int batch, final int patch, final int iters,
		final int warmup, final long seed)
	{
		final List<List<Plane>> inputs = ReferenceNetwork.noisyBatches(64, batch, patch, seed);
		for (int i = 0; i < warmup; i++) model.apply(inputs.get(i % inputs.size()), batch, Progress.NONE);
		final double[] seconds = new double[REPEATS];
		for (int r = 0; r < REPEATS; r++) {
			final long t0 = System.nanoTime();
			for (int i = 0; i < iters; i++) model.apply(inputs.get(i % inputs.size()), batch, Progress.NONE);
			seconds[r] = (System.nanoTime() - t0) / 1e9;
		}
		return (double) iters * batch / Stats.median(seconds);
	}
}
