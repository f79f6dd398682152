package org.hourglass.api.training;

/** What a UI asks of a running training, polled by the trainer between steps. */
public enum StopRequest {
	/** Keep going. */
	NONE,
	/** Stop after the current step, validate, keep the best model so far and report success. */
	FINISH_EARLY,
	/** Stop after the current step and keep the best model so far; the report says it was cancelled. */
	CANCEL
}
