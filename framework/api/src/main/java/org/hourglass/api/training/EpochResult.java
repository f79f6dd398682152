package org.hourglass.api.training;

/**
 * The result of one epoch, as sent to listeners and kept in the model's training history.
 *
 * @param epoch the epoch, from 1
 * @param training mean training loss and terms over the epoch's steps
 * @param validation loss and terms on the validation patches at the end of the epoch
 * @param learningRate learning rate used in the epoch
 * @param seconds wall time of the epoch
 * @param best true if this epoch's model is the best so far (and therefore the one kept)
 */
public record EpochResult(int epoch, LossValues training, LossValues validation, double learningRate,
	double seconds, boolean best)
{

	public EpochResult {
		if (training == null || validation == null) throw new IllegalArgumentException("epoch losses are required");
	}

	/** An epoch whose losses have no separate terms. */
	public static EpochResult of(final int epoch, final double trainingLoss, final double validationLoss,
		final double learningRate, final double seconds, final boolean best)
	{
		return new EpochResult(epoch, LossValues.of(trainingLoss), LossValues.of(validationLoss), learningRate, seconds,
			best);
	}

	/** The total training loss. */
	public double trainingLoss() {
		return training.total();
	}

	/** The total validation loss. */
	public double validationLoss() {
		return validation.total();
	}
}
