package org.hourglass.benchmark.vae;

import java.nio.file.Path;

import org.hourglass.api.ModelInfo;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.training.EpochResult;

/**
 * One model of a benchmark: how it was trained and what it measured on the test digits.
 *
 * @param latent latent dimensions
 * @param model the model file
 * @param network the network's description, e.g. {@code convolutional 32-64-64}
 * @param epochs epochs trained
 * @param bestEpoch the epoch whose weights were kept
 * @param validation the kept epoch's validation loss (−ELBO on the held-out training digits) and its terms
 * @param test the test digits' −ELBO and its parts
 * @param trainSeconds wall time of the training (NaN if it was not trained in this run)
 * @param trainCpuSeconds CPU time of the training, all threads (NaN if not trained in this run)
 * @param loadBefore 1-minute load average when training started
 * @param loadAfter 1-minute load average when it ended
 * @param evaluationSeconds wall time of the measurement on the test digits
 */
record BenchmarkRun(int latent, Path model, String network, int epochs, int bestEpoch, EpochResult validation,
	Elbo.Result test, double trainSeconds, double trainCpuSeconds, double loadBefore, double loadAfter,
	double evaluationSeconds)
{

	static BenchmarkRun of(final int latent, final Path model, final ModelInfo info, final Elbo.Result test,
		final double trainSeconds, final double trainCpu, final double load0, final double load1, final double evalSeconds)
	{
		EpochResult best = null;
		for (final EpochResult e : info.history()) {
			if (e.best()) best = e;
		}
		return new BenchmarkRun(latent, model, describe(info), info.history().size(), best == null ? 0 : best.epoch(),
			best, test, Double.isNaN(trainSeconds) ? info.trainingSeconds() : trainSeconds, trainCpu, load0, load1,
			evalSeconds);
	}

	/** The kept epoch's validation reconstruction term, or NaN. */
	double validationReconstruction() {
		return validation == null ? Double.NaN : validation.validation().term(LossTerm.RECONSTRUCTION);
	}

	/** The kept epoch's validation KL term, or NaN. */
	double validationKl() {
		return validation == null ? Double.NaN : validation.validation().term(LossTerm.KL_NAME);
	}

	private static String describe(final ModelInfo info) {
		final var net = info.spec().network();
		if (net.isDense()) return "dense " + net.latent().hidden();
		final StringBuilder sb = new StringBuilder("convolutional ");
		final int[] enc = net.encoderFilters();
		for (int i = 0; i < enc.length; i++) sb.append(i == 0 ? "" : "-").append(enc[i]);
		if (!net.latent().hidden().isEmpty()) sb.append(", dense ").append(net.latent().hidden());
		return sb.toString();
	}
}
