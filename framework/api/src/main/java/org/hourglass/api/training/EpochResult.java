package org.hourglass.api.training;

/**
 * The result of one epoch, as sent to listeners and kept in the model's training history.
 *
 * @param epoch the epoch, from 1
 * @param trainingLoss mean training loss over the epoch's steps
 * @param validationLoss loss on the validation patches at the end of the epoch
 * @param learningRate learning rate used in the epoch
 * @param seconds wall time of the epoch
 * @param best true if this epoch's model is the best so far (and therefore the one kept)
 */
public record EpochResult(int epoch, double trainingLoss, double validationLoss, double learningRate,
	double seconds, boolean best)
{}
