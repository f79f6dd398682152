package org.hourglass.engine.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.training.LossValues;
import org.hourglass.engine.network.GraphNames;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * The validation patches of a run, made once from their own random stream (so every epoch is measured on the
 * same examples), and the loss on them: each term's mean over the patches and their sum with the terms' full
 * weights, which is what chooses the best epoch.
 */
final class Validation {

	private final List<Batch> batches;
	private final Loss loss;
	private final boolean separateTerms;
	private final boolean gaussian;
	private final boolean masked;

	private Validation(final List<Batch> batches, final Loss loss, final boolean separateTerms,
		final boolean gaussian, final boolean masked)
	{
		this.batches = batches;
		this.loss = loss;
		this.separateTerms = separateTerms;
		this.gaussian = gaussian;
		this.masked = masked;
	}

	static Validation of(final BatchMaker maker, final int patches, final int batchSize, final long seed,
		final Loss loss, final SameDiff sd, final boolean gaussian)
	{
		final SplittableRandom random = RunRandom.validation(seed);
		final List<Batch> batches = new ArrayList<>();
		for (int left = patches; left > 0; left -= batchSize) {
			batches.add(maker.make(Math.min(left, batchSize), random));
		}
		final boolean separate = sd.hasVariable(GraphNames.term(loss.reconstruction().name()));
		return new Validation(batches, loss, separate, gaussian, loss.needsMask());
	}

	/** The loss on the validation patches; call holding the model's lock. */
	LossValues measure(final SameDiff sd) {
		final List<String> names = loss.names();
		final double[] sums = new double[names.size()];
		long count = 0;
		final String[] outputs = separateTerms ? names.stream().map(GraphNames::term).toArray(String[]::new)
			: new String[] { GraphNames.LOSS };
		for (final Batch b : batches) {
			final Map<String, INDArray> feed = feed(b.toDataSet());
			final Map<String, INDArray> out = sd.output(feed, outputs);
			for (int i = 0; i < names.size(); i++) {
				try (INDArray v = out.get(outputs[separateTerms ? i : 0])) {
					sums[i] += v.getDouble(0) * b.count();
				}
			}
			count += b.count();
			feed.values().forEach(INDArray::close);
		}
		final Map<String, Double> terms = new LinkedHashMap<>();
		double total = 0;
		for (int i = 0; i < names.size(); i++) {
			final double mean = sums[i] / count;
			terms.put(names.get(i), mean);
			final LossTerm t = loss.terms().get(i);
			total += separateTerms ? t.weight() * mean : mean;
		}
		return new LossValues(total, terms);
	}

	private Map<String, INDArray> feed(final MultiDataSet ds) {
		final Map<String, INDArray> feed = new HashMap<>();
		final List<String> features = Batch.featureNames(gaussian);
		for (int i = 0; i < features.size(); i++) feed.put(features.get(i), ds.getFeatures(i));
		final List<String> labels = Batch.labelNames(masked);
		for (int i = 0; i < labels.size(); i++) feed.put(labels.get(i), ds.getLabels(i));
		return feed;
	}
}
