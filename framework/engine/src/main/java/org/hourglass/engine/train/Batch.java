package org.hourglass.engine.train;

import java.util.ArrayList;
import java.util.List;

import org.hourglass.engine.network.GraphNames;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One batch of normalised training examples as plain arrays (built off the training thread):
 * inputs [n, inChannels, h, w], targets and masks [n, outChannels, h·s, w·s], Gaussian noise [n, latent] or
 * {@code null}.
 */
record Batch(int count, int inChannels, int outChannels, int height, int width, int upscale, float[] input,
	float[] target, float[] mask, float[] eps, int latent)
{

	/** Features in the order of {@link #featureNames}, labels in the order of {@link #labelNames}. */
	MultiDataSet toDataSet() {
		final long[] in = { count, inChannels, height, width };
		final long[] out = { count, outChannels, (long) height * upscale, (long) width * upscale };
		final List<INDArray> features = new ArrayList<>();
		features.add(Nd4j.create(input, in, 'c'));
		if (eps != null) features.add(Nd4j.create(eps, new long[] { count, latent }, 'c'));
		final List<INDArray> labels = new ArrayList<>();
		labels.add(Nd4j.create(target, out, 'c'));
		if (mask != null) labels.add(Nd4j.create(mask, out, 'c'));
		return new MultiDataSet(features.toArray(INDArray[]::new), labels.toArray(INDArray[]::new));
	}

	static List<String> featureNames(final boolean gaussian) {
		return gaussian ? List.of(GraphNames.INPUT, GraphNames.EPS) : List.of(GraphNames.INPUT);
	}

	static List<String> labelNames(final boolean masked) {
		return masked ? List.of(GraphNames.TARGET, GraphNames.MASK) : List.of(GraphNames.TARGET);
	}
}
