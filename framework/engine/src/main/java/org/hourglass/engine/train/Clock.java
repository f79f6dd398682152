package org.hourglass.engine.train;

/** A run's time: elapsed, the estimate of what is left, and the time budget. Steps are counted by the trainer. */
final class Clock {

	private final long started;
	private final long deadline;
	private final double budget;
	private final long totalSteps;
	private long steps;

	/**
	 * @param started {@link System#nanoTime()} at the start of the run
	 * @param minutes the time budget, 0 = none
	 * @param totalSteps the steps this run will take at most
	 */
	Clock(final long started, final double minutes, final long totalSteps) {
		this.started = started;
		this.deadline = minutes > 0 ? started + (long) (minutes * 60e9) : Long.MAX_VALUE;
		this.budget = minutes * 60;
		this.totalSteps = totalSteps;
	}

	void step() {
		steps++;
	}

	long steps() {
		return steps;
	}

	double elapsed() {
		return (System.nanoTime() - started) / 1e9;
	}

	/** From the mean step time so far, and never beyond the budget. */
	double remaining() {
		final double elapsed = elapsed();
		final double bySteps = steps == 0 ? Double.POSITIVE_INFINITY : elapsed / steps * (totalSteps - steps);
		return deadline == Long.MAX_VALUE ? bySteps : Math.max(0, Math.min(bySteps, (deadline - System.nanoTime()) /
			1e9));
	}

	/** The part of the time budget used, from 0 to 1; 0 without a budget. */
	double budgetUsed() {
		return budget > 0 ? Math.min(1, elapsed() / budget) : 0;
	}

	boolean outOfTime() {
		return System.nanoTime() >= deadline;
	}
}
