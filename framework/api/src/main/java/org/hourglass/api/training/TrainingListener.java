package org.hourglass.api.training;

/**
 * Receives training events and can ask training to stop. Called on the training thread; implementations
 * must return quickly (hand work to a UI thread if needed).
 */
public interface TrainingListener {

	/** After every optimiser step. */
	default void progress(final TrainingProgress progress) {}

	/** After every epoch's validation. */
	default void epochFinished(final EpochResult result) {}

	/** Polled between steps. */
	default StopRequest stopRequest() {
		return StopRequest.NONE;
	}

	/** A listener that ignores everything. */
	TrainingListener NONE = new TrainingListener() {};
}
