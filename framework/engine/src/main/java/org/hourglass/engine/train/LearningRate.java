package org.hourglass.engine.train;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * A learning rate the trainer changes while the optimiser runs (reduce on plateau). Shared, not copied:
 * the optimiser of a graph keeps reading the same instance across training runs.
 */
public final class LearningRate implements ISchedule {

	private static final long serialVersionUID = 1L;
	private volatile double value;

	public LearningRate(final double value) {
		this.value = value;
	}

	public double get() {
		return value;
	}

	public void set(final double v) {
		value = v;
	}

	@Override
	public double valueAt(final int iteration, final int epoch) {
		return value;
	}

	@Override
	public ISchedule clone() {
		return this;
	}
}
