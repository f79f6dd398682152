package org.hourglass.engine;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.hourglass.api.Encoding;
import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.ModelFileException;
import org.hourglass.api.ModelInfo;
import org.hourglass.api.PredictOptions;
import org.hourglass.api.Progress;
import org.hourglass.api.image.NormalizationParams;
import org.hourglass.api.image.Plane;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.engine.file.ArchiveContents;
import org.hourglass.engine.file.ModelArchive;
import org.hourglass.engine.file.StoredArray;
import org.hourglass.engine.network.GraphNames;
import org.hourglass.engine.network.NetworkBuilder;
import org.hourglass.engine.network.Weights;
import org.hourglass.engine.predict.TileRunner;
import org.hourglass.engine.predict.TiledPredictor;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model on ND4J: the SameDiff graph of its network (with the training loss), its weights and its metadata.
 * All graph work (prediction, training steps, weight copies) holds {@link #lock()}, so several threads may
 * predict at once; they take turns on the graph, which itself uses all cores.
 */
public final class Nd4jModel implements Model {

	/** Inference batches between forced collections, which free the graph's native buffers. */
	static final int GC_EVERY_BATCHES = 20;

	private final Object lock = new Object();
	private final AtomicLong batches = new AtomicLong();
	private volatile ModelInfo info;
	private SameDiff sd;
	private SameDiff decoder;

	Nd4jModel(final ModelInfo info, final long seed) {
		this.info = info;
		this.sd = NetworkBuilder.build(info.spec().network(), info.spec().loss(), seed);
	}

	/** Rebuilds a stored model and checks that it still computes its stored test output. */
	static Nd4jModel fromArchive(final ArchiveContents contents, final String source) {
		final Nd4jModel model = new Nd4jModel(contents.info(), 0);
		try {
			model.setStoredWeights(contents.weights(), source);
			final Plane expected = contents.testOutput();
			final Plane actual = model.raw(contents.testInput());
			if (actual.width() != expected.width() || actual.height() != expected.height()) {
				throw new ModelFileException(source + ": its stored test output is " + expected.width() + "x" +
					expected.height() + " but the network computes " + actual.width() + "x" + actual.height());
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
		checkOpen();
		final NetworkSpec net = network();
		checkSingleChannel(net);
		if (input.hasNonFinite()) throw new InvalidInputException("the image contains NaN or infinite values");
		final NormalizationParams params = ImageStats.params(info.spec().normalization(),
			info.fittedNormalization(), input);
		if (net.latent().isVector()) {
			checkInputSize(input, net);
			final Plane normalised = params.apply(input);
			final float[] out = runBlocks(normalised.data(), 1, input.height(), input.width());
			params.invertInPlace(out);
			progress.update(1, 1);
			return new Plane(input.width() * net.upscale(), input.height() * net.upscale(), out);
		}
		return predictor(this::runBlocks).predict(input, params, options, progress);
	}

	@Override
	public Encoding encode(final Plane input) {
		checkOpen();
		final NetworkSpec net = network();
		checkVectorLatent(net);
		checkInputSize(input, net);
		if (input.hasNonFinite()) throw new InvalidInputException("the image contains NaN or infinite values");
		final Plane normalised = ImageStats.params(info.spec().normalization(), info.fittedNormalization(), input)
			.apply(input);
		final boolean gaussian = net.latent().kind() == Latent.Kind.GAUSSIAN;
		synchronized (lock) {
			try (INDArray in = Nd4j.create(normalised.data(), new long[] { 1, 1, input.height(), input.width() }, 'c');
				INDArray eps = Nd4j.zeros(DataType.FLOAT, 1, net.latent().size()))
			{
				final Map<String, INDArray> feed = new HashMap<>();
				feed.put(GraphNames.INPUT, in);
				if (gaussian) feed.put(GraphNames.EPS, eps);
				if (gaussian) {
					final Map<String, INDArray> out = sd.output(feed, GraphNames.Z_MEAN, GraphNames.Z_LOG_SIGMA);
					return new Encoding(values(out.get(GraphNames.Z_MEAN)), values(out.get(GraphNames.Z_LOG_SIGMA)));
				}
				return new Encoding(values(sd.output(feed, GraphNames.Z).get(GraphNames.Z)), null);
			}
		}
	}

	@Override
	public Plane decode(final float[] z) {
		checkOpen();
		final NetworkSpec net = network();
		checkVectorLatent(net);
		if (z == null || z.length != net.latent().size()) {
			throw new InvalidInputException("a latent vector of this model has " + net.latent().size() +
				" values, got " + (z == null ? "none" : z.length));
		}
		final float[] out;
		synchronized (lock) {
			if (decoder == null) decoder = NetworkBuilder.buildDecoder(net);
			Weights.copyShared(sd, decoder);
			try (INDArray in = Nd4j.create(z.clone(), new long[] { 1, z.length }, 'c')) {
				out = values(decoder.output(Map.of(GraphNames.Z, in), GraphNames.OUTPUT).get(GraphNames.OUTPUT));
			}
		}
		final int side = net.inputSize() * net.upscale();
		final NormalizationParams fixed = info.spec().normalization().fittedAtTraining()
			? info.fittedNormalization()
			: info.spec().normalization().mode() == org.hourglass.api.image.Normalization.Mode.PERCENTILE ? null
				: info.spec().normalization().fit(null);
		if (fixed != null) fixed.invertInPlace(out);
		return new Plane(side, side, out);
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
			release(decoder);
			sd = null;
			decoder = null;
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

	/**
	 * What a model file of this model holds, with {@code extra} arrays stored beside the weights (a trainer's
	 * state in a checkpoint).
	 */
	public ArchiveContents contents(final Map<String, StoredArray> extra) {
		final Map<String, StoredArray> weights = new LinkedHashMap<>();
		synchronized (lock) {
			for (final Map.Entry<String, INDArray> e : Weights.copy(sd).entrySet()) {
				try (INDArray a = e.getValue()) {
					weights.put(e.getKey(), new StoredArray(a.shape(), a.dup('c').data().asFloat()));
				}
			}
		}
		weights.putAll(extra);
		final Plane testInput = testInput();
		return new ArchiveContents(info, weights, testInput, raw(testInput));
	}

	/**
	 * Sets the weights from a model file's arrays; names that start with {@code trainer.} (a checkpoint's
	 * trainer state) are skipped.
	 */
	public void setStoredWeights(final Map<String, StoredArray> stored, final String source) {
		synchronized (lock) {
			int found = 0;
			for (final SDVariable v : sd.variables()) {
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
		}
	}

	/**
	 * The network's raw output (normalised space, deterministic latent) for one plane, as it is: no
	 * normalisation, no tiling.
	 */
	public Plane raw(final Plane normalised) {
		final int up = network().upscale();
		return new Plane(normalised.width() * up, normalised.height() * up,
			runBlocks(normalised.data().clone(), 1, normalised.height(), normalised.width()));
	}

	/** A tiled predictor on {@code runner} with this network's grid, receptive field and scale. */
	public TiledPredictor predictor(final TileRunner runner) {
		final NetworkSpec net = network();
		// the super-resolution levels see a little further than the spec's encoder/decoder radius
		int extra = 0;
		for (int u = net.upscale(); u > 1; u /= 2) extra += net.convsPerLevel() * (net.kernelSize() / 2);
		return new TiledPredictor(runner, net.downsamplingFactor(), net.receptiveFieldRadius() + extra, net.upscale());
	}

	/**
	 * Runs the network on {@code count} single-channel blocks (see {@link TileRunner}): the step every
	 * prediction runs, with its locking and garbage-collection cadence. Public for the engine's benchmarks;
	 * the package is private to the engine bundle.
	 */
	public float[] runBlocks(final float[] blocks, final int count, final int height, final int width) {
		final NetworkSpec net = network();
		final float[] result;
		synchronized (lock) {
			checkOpen();
			try (INDArray in = Nd4j.create(blocks, new long[] { count, net.inputChannels(), height, width }, 'c')) {
				final Map<String, INDArray> feed = new HashMap<>();
				feed.put(GraphNames.INPUT, in);
				INDArray eps = null;
				if (net.latent().kind() == Latent.Kind.GAUSSIAN) {
					eps = Nd4j.zeros(DataType.FLOAT, count, net.latent().size());
					feed.put(GraphNames.EPS, eps);
				}
				try (INDArray out = sd.output(feed, GraphNames.OUTPUT).get(GraphNames.OUTPUT)) {
					result = values(out);
				}
				finally {
					if (eps != null) eps.close();
				}
			}
		}
		if (batches.incrementAndGet() % GC_EVERY_BATCHES == 0) System.gc();
		return result;
	}

	// -- Helpers --

	private Plane testInput() {
		final NetworkSpec net = network();
		final int f = net.downsamplingFactor();
		final int side = net.latent().isVector() ? net.inputSize() : ((Math.max(16, 2 * f) + f - 1) / f) * f;
		final float[] v = new float[side * side];
		for (int y = 0; y < side; y++) {
			for (int x = 0; x < side; x++) {
				v[y * side + x] = (float) (0.5 + 0.4 * Math.sin(0.7 * x + 0.3) * Math.cos(0.45 * y - 0.2));
			}
		}
		return new Plane(side, side, v);
	}

	private static float[] values(final INDArray a) {
		try (INDArray c = a.castTo(DataType.FLOAT).dup('c')) {
			final float[] all = c.data().asFloat();
			return all.length == c.length() ? all : java.util.Arrays.copyOf(all, (int) c.length());
		}
	}

	private void checkOpen() {
		if (sd == null) throw new IllegalStateException("the model was closed");
	}

	private static void checkSingleChannel(final NetworkSpec net) {
		if (net.inputChannels() != 1 || net.outputChannels() != 1) {
			throw new InvalidInputException("planes are single-channel but this network has " + net.inputChannels() +
				" input and " + net.outputChannels() + " output channels");
		}
	}

	private static void checkVectorLatent(final NetworkSpec net) {
		if (!net.latent().isVector()) {
			throw new InvalidInputException("this model has a convolutional latent (a feature map, not a vector): " +
				"encode and decode need a DENSE or GAUSSIAN latent");
		}
	}

	private static void checkInputSize(final Plane input, final NetworkSpec net) {
		if (input.width() != net.inputSize() || input.height() != net.inputSize()) {
			throw new InvalidInputException("this model takes images of exactly " + net.inputSize() + "x" +
				net.inputSize() + " pixels, got " + input.width() + "x" + input.height());
		}
	}

	private static void release(final SameDiff graph) {
		if (graph == null) return;
		for (final SDVariable v : graph.variables()) {
			if (v.getVariableType() == VariableType.VARIABLE || v.getVariableType() == VariableType.CONSTANT) {
				final INDArray a = v.getArr();
				if (a != null && a.closeable()) a.close();
			}
		}
	}
}
