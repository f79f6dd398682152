package org.hourglass.benchmark.vae;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The benchmark's Markdown report and one-line summary. */
final class Report {

	/** The Keras VAE example on its 70,000 training digits, d = 2, 30 epochs (../shared/reference/README.md). */
	static final double KERAS_TOTAL = 146.95;
	static final double KERAS_RECONSTRUCTION = 140.15;
	static final double KERAS_KL = 6.80;

	private Report() {}

	static String markdown(final List<BenchmarkRun> runs, final String command, final Instant when, final int cores) {
		final StringBuilder sb = new StringBuilder();
		sb.append("# Variational autoencoder on MNIST: negative ELBO\n\n");
		sb.append("Run finished ").append(when).append(" on ").append(cores).append(" cores. Command:\n\n```sh\n")
			.append(command).append("\n```\n\n");
		sb.append("Mean negative ELBO per test digit in nats: binary cross-entropy of the decoded digit against the " +
			"digit (intensities / 255) summed over its 784 pixels, for z drawn from q(z | x), plus the KL divergence of " +
			"q(z | x) from N(0, I) in closed form (lower is better). Validation: the same on the 10 % of the training " +
			"digits held out (the kept epoch).\n\n");
		sb.append("| d | network | epochs (kept) | training wall time | training CPU time | load (start / end) | test " +
			"−ELBO | = reconstruction | + KL | validation −ELBO (rec. + KL) |\n");
		sb.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (final BenchmarkRun r : runs) {
			sb.append(String.format(Locale.ROOT, "| %d | %s | %d (%d) | %s | %s | %s / %s | **%.2f** | %.2f | %.2f | " +
				"%.2f (%.2f + %.2f) |\n", r.latent(), r.network(), r.epochs(), r.bestEpoch(), minutes(r.trainSeconds()),
				minutes(r.trainCpuSeconds()), num(r.loadBefore()), num(r.loadAfter()), r.test().negativeElbo(), r.test()
					.reconstruction(), r.test().kl(), r.validation() == null ? Double.NaN : r.validation().validationLoss(),
				r.validationReconstruction(), r.validationKl()));
		}
		sb.append(String.format(Locale.ROOT, "\nReference: the Keras VAE example, d = 2, 30 epochs on all 70,000 " +
			"digits (its training loss): %.2f = %.2f + %.2f nats.\n", KERAS_TOTAL, KERAS_RECONSTRUCTION, KERAS_KL));
		sb.append(String.format(Locale.ROOT, "\nTest digits: %d; evaluation %s.\n", runs.get(0).test().images(), runs
			.stream().map(r -> String.format(Locale.ROOT, "d = %d %.1f s", r.latent(), r.evaluationSeconds())).reduce((
				a, b) -> a + ", " + b).orElse("")));
		return sb.toString();
	}

	static String summary(final List<BenchmarkRun> runs) {
		final StringBuilder sb = new StringBuilder();
		for (final BenchmarkRun r : runs) {
			sb.append(sb.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "d=%d: test -ELBO %.2f = %.2f + " +
				"%.2f nats (%d epochs, %s)", r.latent(), r.test().negativeElbo(), r.test().reconstruction(), r.test().kl(),
				r.epochs(), minutes(r.trainSeconds())));
		}
		return sb.toString();
	}

	private static String minutes(final double seconds) {
		return Double.isFinite(seconds) ? String.format(Locale.ROOT, "%.1f min", seconds / 60) : "–";
	}

	private static String num(final double v) {
		return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "–";
	}
}
