package org.hourglass.api.training;

import java.util.List;

/**
 * How a training run ended. The model passed to the trainer holds the best weights when this is returned.
 *
 * @param epochs results of every epoch that finished, including those of earlier runs when resumed
 * @param bestEpoch the epoch whose weights were kept
 * @param bestValidationLoss its validation loss
 * @param stoppedBy why training stopped
 * @param seconds wall time of this run
 * @param steps training steps (batches) this run took
 */
public record TrainingReport(List<EpochResult> epochs, int bestEpoch, double bestValidationLoss, Ending stoppedBy,
	double seconds, long steps)
{

	/** Why training ended. */
	public enum Ending {
		COMPLETED, EARLY_STOPPING, TIME_BUDGET, FINISHED_EARLY, CANCELLED;

		/** True if training ended by itself (all epochs, early stopping or the time budget), not by a request. */
		public boolean byItself() {
			return this == COMPLETED || this == EARLY_STOPPING || this == TIME_BUDGET;
		}
	}

	public TrainingReport {
		epochs = List.copyOf(epochs);
	}

	/** Training steps a minute in this run, 0 if it took none or no time. */
	public double stepsPerMinute() {
		return steps > 0 && seconds > 0 ? steps / (seconds / 60) : 0;
	}
}
