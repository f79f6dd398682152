package org.hourglass.engine.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hourglass.api.training.LossValues;
import org.hourglass.engine.network.GraphNames;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Sees every optimiser step of a {@code fit} call: hands the step's loss and terms to the trainer and forces a
 * garbage collection every {@link #GC_EVERY_STEPS} steps. ND4J frees native buffers only when their Java
 * objects are collected, and the Java heap barely grows while native memory does, so without this the
 * resident memory climbs by gigabytes and training slows down.
 * <p>
 * The total comes from SameDiff (computed because the trainer registers a {@link LossProbe}); the terms of a
 * loss with several are read as the forward pass computes them. A loss of one term is that term.
 */
final class StepListener extends BaseListener {

	static final int GC_EVERY_STEPS = 10;

	/** Called after each step with its loss. */
	interface StepSink {
		void step(LossValues loss);
	}

	/** Called once before the first step of each {@code fit}, when the optimiser exists. */
	interface FirstStep {
		void before(SameDiff sd);
	}

	private final List<String> terms;
	private final Map<String, String> byVariable = new LinkedHashMap<>();
	private final Map<String, Double> values = new LinkedHashMap<>();
	private final StepSink sink;
	private final FirstStep first;
	private long steps;

	/**
	 * @param terms the names of the loss's terms, in order
	 * @param separate whether the graph computes them as separate variables ({@link GraphNames#term})
	 */
	StepListener(final List<String> terms, final boolean separate, final StepSink sink, final FirstStep first) {
		this.terms = List.copyOf(terms);
		if (separate) for (final String t : terms) byVariable.put(GraphNames.term(t), t);
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
		values.clear();
	}

	@Override
	public void activationAvailable(final SameDiff sd, final At at, final MultiDataSet batch, final SameDiffOp op,
		final String varName, final INDArray activation)
	{
		final String term = byVariable.get(varName);
		if (term != null) values.put(term, activation.getDouble(0));
	}

	@Override
	public void iterationDone(final SameDiff sd, final At at, final MultiDataSet data, final Loss loss) {
		steps++;
		if (steps % GC_EVERY_STEPS == 0) System.gc();
		final double total = loss == null || !loss.lossNames().contains(GraphNames.LOSS) ? Double.NaN
			: loss.getLoss(GraphNames.LOSS);
		final Map<String, Double> measured = new LinkedHashMap<>();
		for (final String t : terms) {
			measured.put(t, byVariable.isEmpty() ? total : values.getOrDefault(t, Double.NaN));
		}
		sink.step(new LossValues(total, measured));
	}
}
