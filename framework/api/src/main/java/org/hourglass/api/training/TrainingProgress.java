package org.hourglass.api.training;

/**
 * A progress event, sent after every optimiser step.
 *
 * @param epoch current epoch, from 1
 * @param epochs total epochs
 * @param step step within the epoch, from 1
 * @param stepsPerEpoch steps per epoch
 * @param loss this step's loss and its terms
 * @param learningRate current learning rate
 * @param secondsElapsed wall time since training started
 * @param secondsRemaining estimate of the wall time left (never more than a time budget leaves)
 */
public record TrainingProgress(int epoch, int epochs, int step, int stepsPerEpoch, LossValues loss,
	double learningRate, double secondsElapsed, double secondsRemaining)
{

	/** Fraction of all steps done, in [0, 1]. */
	public double fraction() {
		final double bySteps = ((epoch - 1) * (double) stepsPerEpoch + step) / ((double) epochs * stepsPerEpoch);
		// with a time budget the time left says more than the steps left
		if (secondsElapsed > 0 && secondsRemaining >= 0 && Double.isFinite(secondsRemaining)) {
			return Math.max(bySteps, secondsElapsed / (secondsElapsed + secondsRemaining));
		}
		return bySteps;
	}
}
