package org.hourglass.engine.train;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.hourglass.engine.network.GraphNames;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Sees every optimiser step of a {@code fit} call: hands the step's loss to the trainer and forces a
 * garbage collection every {@link #GC_EVERY_STEPS} steps. ND4J frees native buffers only when their Java
 * objects are collected, and the Java heap barely grows while native memory does, so without this the
 * resident memory climbs by gigabytes and training slows down.
 */
final class StepListener extends BaseListener {

	static final int GC_EVERY_STEPS = 10;

	/** Called after each step with its loss (computed because the trainer registers a {@link LossProbe}). */
	interface StepSink {
		void step(double loss);
	}

	/** Called once before the first step of each {@code fit}, when the optimiser exists. */
	interface FirstStep {
		void before(SameDiff sd);
	}

	private final StepSink sink;
	private final FirstStep first;
	private long steps;

	StepListener(final StepSink sink, final FirstStep first) {
		this.sink = sink;
		this.first = first;
	}

	@Override
	public boolean isActive(final Operation operation) {
		return operation == Operation.TRAINING;
	}

	@Override
	public void iterationStart(final SameDiff sd, final At at, final MultiDataSet data, final long etlMs) {
		if (steps == 0 && first != null) first.before(sd);
	}

	@Override
	public void iterationDone(final SameDiff sd, final At at, final MultiDataSet data, final Loss loss) {
		steps++;
		if (steps % GC_EVERY_STEPS == 0) System.gc();
		sink.step(loss == null || !loss.lossNames().contains(GraphNames.LOSS) ? Double.NaN : loss.getLoss(GraphNames.LOSS));
	}
}
