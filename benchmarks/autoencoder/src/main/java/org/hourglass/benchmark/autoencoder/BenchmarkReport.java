package org.hourglass.benchmark.autoencoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.io.AtomicFiles;
import org.hourglass.api.training.EpochResult;

/** The benchmark's result as Markdown: the setup, the machine, one table row per method and code size. */
final class BenchmarkReport {

	private BenchmarkReport() {}

	/** The table alone. */
	static String table(final DigitsBenchmark.Result result) {
		final StringBuilder sb = new StringBuilder();
		sb.append("| method | code size | MSE per pixel | BCE per pixel | kNN accuracy (k = 5) | fit / training | load " +
			"(before → after) |\n|---|---:|---:|---:|---:|---|---|\n");
		for (final DigitsBenchmark.Row r : result.rows()) {
			sb.append(String.format(Locale.ROOT, "| %s | %d | %.5f | %.5f | %.4f | %s | %.1f → %.1f |\n", r.method(), r
				.size(), r.scores().mse(), r.scores().bce(), r.scores().knn(), training(r), r.load()[0], r.load()[1]));
		}
		return sb.toString();
	}

	/** The whole report. */
	static String render(final DigitsBenchmark.Result result, final DigitsBenchmark.Setup setup,
		final Map<String, String> engine, final String command)
	{
		final StringBuilder sb = new StringBuilder();
		sb.append("# Autoencoder vs PCA on MNIST digits\n\n");
		sb.append("Command: `").append(command).append("`\n\n");
		sb.append(String.format(Locale.ROOT, "Data: %d training digits (the first 10,000 of MNIST's training set " +
			"without %d held out for the autoencoder's validation; PCA is fitted on the same %d), %d test digits. " +
			"kNN: each test code classified by the codes of all %d training digits. Intensities scaled to [0, 1]; " +
			"errors per pixel of the 28×28 digits.\n\n", result.trainCount(), result.validationCount(), result
				.trainCount(), result.testCount(), result.trainCount() + result.validationCount()));
		sb.append(String.format(Locale.ROOT, "Autoencoder: filters %s per level, dense code, loss %s, Adam %s, batch " +
			"%d, at most %d epochs × %d steps, time budget %s min, seed %d.\n\n", java.util.Arrays.toString(setup
				.filters()), setup.loss(), setup.learningRate(), setup.batchSize(), setup.epochs(), setup.stepsPerEpoch(),
			setup.minutes() > 0 ? setup.minutes() : "none", setup.seed()));
		sb.append("Engine: ");
		engine.forEach((k, v) -> sb.append(k).append(' ').append(v).append("; "));
		sb.append("processors ").append(Runtime.getRuntime().availableProcessors()).append(".\n\n");
		sb.append(table(result)).append('\n');
		for (final DigitsBenchmark.Row r : result.rows()) {
			if (r.report() == null) continue;
			sb.append(r.method()).append(", d = ").append(r.size()).append(", validation loss per epoch: ");
			for (final EpochResult e : r.report().epochs()) {
				sb.append(String.format(Locale.ROOT, "%s%.5f%s", e.epoch() == 1 ? "" : ", ", e.validationLoss(), e
					.best() ? "" : "·"));
			}
			sb.append(" (· not kept)\n\n");
		}
		return sb.toString();
	}

	static void write(final Path file, final String text, final boolean overwrite) {
		try {
			AtomicFiles.writeString(file, text, overwrite);
		}
		catch (final FileAlreadyExistsException e) {
			throw new InvalidInputException("Report " + file + " exists already; choose another file or replace it " +
				"(overwrite=true).");
		}
		catch (final IOException e) {
			throw new UncheckedIOException(file + ": " + e.getMessage(), e);
		}
	}

	private static String training(final DigitsBenchmark.Row r) {
		if (r.report() == null) return String.format(Locale.ROOT, "fitted in %.1f s", r.seconds());
		return String.format(Locale.ROOT, "%.1f min, %d epochs (best %d, validation loss %.5f), %s", r.seconds() / 60,
			r.report().epochs().size(), r.report().bestEpoch(), r.report().bestValidationLoss(), r.report().stoppedBy()
				.name().toLowerCase(Locale.ROOT).replace('_', ' '));
	}
}
