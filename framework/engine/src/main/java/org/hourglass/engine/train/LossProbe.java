package org.hourglass.engine.train;

import java.io.Serializable;
import java.util.List;

import org.nd4j.evaluation.BaseEvaluation;
import org.nd4j.evaluation.IMetric;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An evaluation that evaluates nothing. Registered as a training evaluation of the loss variable, it makes
 * SameDiff compute the loss value in each training step (the gradients alone do not need it), so that every
 * step's loss reaches the listeners. SameDiff hands it the loss and the labels, which it ignores.
 */
final class LossProbe extends BaseEvaluation<LossProbe> {

	@Override
	public void eval(final INDArray labels, final INDArray predictions, final INDArray mask,
		final List<? extends Serializable> recordMetaData)
	{
		// nothing: the point is that the loss was computed
	}

	@Override
	public void merge(final LossProbe other) {
		// nothing to merge
	}

	@Override
	public void reset() {
		// no state
	}

	@Override
	public String stats() {
		return "loss probe";
	}

	@Override
	public double getValue(final IMetric metric) {
		return Double.NaN;
	}

	@Override
	public LossProbe newInstance() {
		return new LossProbe();
	}
}
