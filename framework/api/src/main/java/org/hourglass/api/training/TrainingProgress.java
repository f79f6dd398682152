package org.hourglass.api.training;

/**
 * A progress event, sent after every optimiser step.
 *
 * @param epoch current epoch, from 1
 * @param epochs total epochs
 * @param step step within the epoch, from 1
 * @param stepsPerEpoch steps per epoch
 * @param loss training loss of this step
 * @param learningRate current learning rate
 * @param secondsElapsed wall time since training started
 * @param secondsRemaining estimate of the wall time left
 */
public record TrainingProgress(int epoch, int epochs, int step, int stepsPerEpoch, double loss,
	double learningRate, double secondsElapsed, double secondsRemaining)
{

	/** Fraction of all steps done, in [0, 1]. */
	public double fraction() {
		return ((epoch - 1) * (double) stepsPerEpoch + step) / ((double) epochs * stepsPerEpoch);
	}
}
