package org.hourglass.engine.train;

import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BooleanSupplier;

import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * The batches of one epoch for one {@code fit} call: a background thread samples and prepares them (plain
 * Java arrays) a few steps ahead, so the training thread only wraps them into arrays and trains. Batches
 * come in the order the seeded generator makes them, so training is reproducible. Ends early when
 * {@code stop} says so.
 */
final class BatchIterator implements MultiDataSetIterator, AutoCloseable {

	private static final long serialVersionUID = 1L;
	private static final int AHEAD = 3;

	private final int steps;
	private final BooleanSupplier stop;
	private final transient BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
	private final transient Thread producer;
	private int taken;

	BatchIterator(final BatchMaker maker, final int batchSize, final int steps, final SplittableRandom random,
		final BooleanSupplier stop)
	{
		this.steps = steps;
		this.stop = stop;
		producer = new Thread(() -> {
			try {
				for (int i = 0; i < steps; i++) {
					Object item;
					try {
						item = maker.make(batchSize, random);
					}
					catch (final RuntimeException e) {
						item = e;
					}
					queue.put(item);
					if (item instanceof RuntimeException) return;
				}
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "hourglass-batches");
		producer.setDaemon(true);
		producer.start();
	}

	@Override
	public boolean hasNext() {
		return taken < steps && !stop.getAsBoolean();
	}

	@Override
	public MultiDataSet next() {
		if (taken >= steps) throw new NoSuchElementException();
		final Object item;
		try {
			item = queue.take();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for training data", e);
		}
		if (item instanceof RuntimeException e) throw e;
		taken++;
		return ((Batch) item).toDataSet();
	}

	@Override
	public MultiDataSet next(final int num) {
		return next();
	}

	@Override
	public void close() {
		producer.interrupt();
	}

	@Override
	public void setPreProcessor(final MultiDataSetPreProcessor preProcessor) {
		throw new UnsupportedOperationException("batches are prepared by the trainer");
	}

	@Override
	public MultiDataSetPreProcessor getPreProcessor() {
		return null;
	}

	@Override
	public boolean resetSupported() {
		return false;
	}

	@Override
	public boolean asyncSupported() {
		return false;
	}

	@Override
	public void reset() {
		throw new UnsupportedOperationException("an epoch's batches are read once");
	}
}
