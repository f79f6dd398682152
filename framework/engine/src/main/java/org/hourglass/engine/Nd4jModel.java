package org.hourglass.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hourglass.api.Encoding;
import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.ModelFileException;
import org.hourglass.api.ModelInfo;
import org.hourglass.api.PredictOptions;
import org.hourglass.api.Progress;
import org.hourglass.api.image.ChannelNormalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.image.PlanePart;
import org.hourglass.api.image.Region;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.engine.file.ArchiveContents;
import org.hourglass.engine.file.ModelArchive;
import org.hourglass.engine.file.StoredArray;
import org.hourglass.engine.network.NetworkBuilder;
import org.hourglass.engine.network.NetworkSize;
import org.hourglass.engine.network.Weights;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model on ND4J: the SameDiff graph of its network (with the training loss), its weights and its metadata.
 * Prediction is {@link Inference}'s, latent codes are {@link Codes}'. All graph work (prediction, training
 * steps, weight copies) holds {@link #lock()}, so several threads may predict at once; they take turns on the
 * graph, which itself uses all cores.
 */
public final class Nd4jModel implements Model {

	private final Object lock = new Object();
	private volatile ModelInfo info;
	private volatile long weightsVersion;
	private SameDiff sd;
	private final Inference inference;
	private final Codes codes;

	Nd4jModel(final ModelInfo info, final long seed) {
		this.info = info;
		this.sd = NetworkBuilder.build(info.spec().network(), info.spec().loss(), seed);
		this.inference = new Inference(this);
		this.codes = new Codes(this, inference);
	}

	/**
	 * Rebuilds a stored model and checks that it still computes its stored test output. A spec that needs far more
	 * weights than the file holds is refused before the network is built (it could ask for any amount of memory).
	 */
	static Nd4jModel fromArchive(final ArchiveContents contents, final String source) {
		final double needed = NetworkSize.minimumWeights(contents.info().spec().network());
		final long stored = contents.weights().values().stream().mapToLong(StoredArray::elementCount).sum();
		if (needed > 4.0 * stored + 10_000) {
			throw new ModelFileException(source + ": its network description needs at least " + String.format(
				java.util.Locale.ROOT, "%.3g", needed) + " weights, but the file holds " + stored + ": the description " +
				"was changed or the file is not what it claims to be");
		}
		final Nd4jModel model = new Nd4jModel(contents.info(), 0);
		try {
			model.setStoredWeights(contents.weights(), source);
			final Plane expected = contents.testOutput();
			final Plane actual = model.inference.raw(contents.testInput());
			if (actual.width() != expected.width() || actual.height() != expected.height() || actual
				.channels() != expected.channels())
			{
				throw new ModelFileException(source + ": its stored test output is " + expected + " but the network " +
					"computes " + actual);
			}
			double maxDiff = 0;
			double maxAbs = 0;
			for (int i = 0; i < actual.data().length; i++) {
				maxDiff = Math.max(maxDiff, Math.abs(actual.data()[i] - expected.data()[i]));
				maxAbs = Math.max(maxAbs, Math.abs(expected.data()[i]));
			}
			if (!(maxDiff <= 1e-3 * (1 + maxAbs))) {
				throw new ModelFileException(source + " does not compute its stored test output (largest difference " +
					maxDiff + "): its weights or network description were changed");
			}
			return model;
		}
		catch (final RuntimeException e) {
			model.close();
			throw e;
		}
	}

	// -- Model methods --

	@Override
	public ModelInfo info() {
		return info;
	}

	@Override
	public Plane predict(final Plane input, final PredictOptions options, final Progress progress) {
		return inference.predict(input, options, progress);
	}

	@Override
	public ChannelNormalization normalization(final Plane input) {
		checkOpen();
		if (input.hasNonFinite()) throw new InvalidInputException("the image contains NaN or infinite values");
		return inference.params(input);
	}

	@Override
	public Region inputFor(final int fullWidth, final int fullHeight, final Region wanted,
		final PredictOptions options)
	{
		return inference.inputFor(fullWidth, fullHeight, wanted, options);
	}

	@Override
	public Plane predictPart(final Plane crop, final PlanePart part, final ChannelNormalization params,
		final PredictOptions options, final Progress progress)
	{
		return inference.predictPart(crop, part, params, options, progress);
	}

	@Override
	public List<Plane> apply(final List<Plane> inputs, final int batchSize, final Progress progress) {
		return inference.apply(inputs, batchSize, progress);
	}

	@Override
	public List<Encoding> encode(final List<Plane> inputs) {
		return codes.encode(inputs);
	}

	@Override
	public List<Plane> decode(final List<float[]> z) {
		return codes.decode(z);
	}

	@Override
	public int[] codeShape() {
		return codes.shape();
	}

	@Override
	public void save(final Path file) {
		checkOpen();
		ModelArchive.write(file, contents(Map.of()));
	}

	@Override
	public void close() {
		synchronized (lock) {
			release(sd);
			codes.close();
			sd = null;
		}
	}

	// -- Engine internals --

	/** The lock every use of the graph holds. */
	public Object lock() {
		return lock;
	}

	/** The full graph (with the loss); use it holding {@link #lock()}. */
	public SameDiff graph() {
		checkOpen();
		return sd;
	}

	/** Replaces the metadata (after training). */
	public void setInfo(final ModelInfo newInfo) {
		if (!newInfo.spec().equals(info.spec())) throw new IllegalArgumentException("the model's spec cannot change");
		info = newInfo;
	}

	public NetworkSpec network() {
		return info.spec().network();
	}

	/** Counts a change of the weights (training, loading), so that copies of them are refreshed. */
	public void weightsChanged() {
		weightsVersion++;
	}

	/** Increases whenever the weights change. */
	long weightsVersion() {
		return weightsVersion;
	}

	/**
	 * What a model file of this model holds, with {@code extra} arrays stored beside the weights (a trainer's
	 * state in a checkpoint).
	 */
	public ArchiveContents contents(final Map<String, StoredArray> extra) {
		final Map<String, StoredArray> weights = new LinkedHashMap<>();
		synchronized (lock) {
			for (final Map.Entry<String, INDArray> e : Weights.copy(graph()).entrySet()) {
				try (INDArray a = e.getValue()) {
					weights.put(e.getKey(), StoredArray.of(a));
				}
			}
		}
		weights.putAll(extra);
		final Plane testInput = inference.testInput();
		return new ArchiveContents(info, weights, testInput, inference.raw(testInput));
	}

	/**
	 * Sets the weights from a model file's arrays; names that start with {@code trainer.} (a checkpoint's
	 * trainer state) are skipped.
	 */
	public void setStoredWeights(final Map<String, StoredArray> stored, final String source) {
		synchronized (lock) {
			int found = 0;
			for (final SDVariable v : graph().variables()) {
				if (v.getVariableType() != VariableType.VARIABLE) continue;
				final StoredArray a = stored.get(v.name());
				if (a == null) throw new ModelFileException(source + " has no weights for " + v.name());
				if (!java.util.Arrays.equals(a.shape(), v.getArr().shape())) {
					throw new ModelFileException(source + ": weights " + v.name() + " have shape " +
						java.util.Arrays.toString(a.shape()) + " but the network needs " +
						java.util.Arrays.toString(v.getArr().shape()));
				}
				try (INDArray values = Nd4j.create(a.values(), a.shape(), 'c')) {
					v.getArr().assign(values);
				}
				found++;
			}
			final long stray = stored.keySet().stream().filter(k -> !k.startsWith("trainer.")).count() - found;
			if (stray > 0) throw new ModelFileException(source + " has " + stray + " weight arrays the network does not use");
			weightsChanged();
		}
	}

	/** Prediction internals, for the engine's tests. */
	Inference inference() {
		return inference;
	}

	void checkOpen() {
		if (sd == null) throw new IllegalStateException("the model was closed");
	}

	static void release(final SameDiff graph) {
		if (graph == null) return;
		for (final SDVariable v : graph.variables()) {
			if (v.getVariableType() == VariableType.VARIABLE || v.getVariableType() == VariableType.CONSTANT) {
				final INDArray a = v.getArr();
				if (a != null && a.closeable()) a.close();
			}
		}
	}
}
