package org.hourglass.denoise;

import java.util.Locale;
import java.util.Optional;

import org.hourglass.api.training.TrainingReport;

/**
 * Whether a blind-spot training that its time budget ended had time enough. On one 512² widefield image the
 * blind spot keeps improving for about {@link #LEVELS_OFF} steps and then levels off (docs/BENCHMARKS.md), while
 * the steps a budget buys differ about sixfold between computers; a run stopped far short of them is told how long
 * a budget would reach them on this computer.
 */
final class BlindSpotBudget {

	/** Steps after which more blind-spot training stopped improving widefield images. */
	static final long LEVELS_OFF = 1_500;

	/** Runs that reached this share of {@link #LEVELS_OFF} get no advice: the rest is worth little. */
	static final double ENOUGH = 0.8;

	private BlindSpotBudget() {}

	/** Advice for a run that the time budget ended well short of {@link #LEVELS_OFF} steps; empty otherwise. */
	static Optional<String> advice(final TrainingReport report) {
		final double rate = report.stepsPerMinute();
		if (report.stoppedBy() != TrainingReport.Ending.TIME_BUDGET || rate <= 0 || report.steps() >= ENOUGH *
			LEVELS_OFF)
		{
			return Optional.empty();
		}
		final long minutes = 5 * (long) Math.ceil(LEVELS_OFF / rate / 5);
		return Optional.of(String.format(Locale.ROOT, "The time budget ended training after %,d %s in %s (%s a " +
			"minute on this computer). Blind-spot training keeps improving up to about %,d steps: a time budget of %d " +
			"minutes (minutes=%d) would reach them.", report.steps(), report.steps() == 1 ? "step" : "steps", duration(
				report.seconds()), number(rate), LEVELS_OFF, minutes, minutes));
	}

	private static String duration(final double seconds) {
		return seconds < 120 ? String.format(Locale.ROOT, "%.0f seconds", seconds) : String.format(Locale.ROOT,
			"%.0f minutes", seconds / 60);
	}

	private static String number(final double v) {
		return String.format(Locale.ROOT, v < 10 ? "%.1f" : "%,.0f", v);
	}
}
