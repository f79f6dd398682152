package org.hourglass.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.PredictOptions;
import org.hourglass.api.Progress;
import org.hourglass.api.image.ChannelNormalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.image.PlanePart;
import org.hourglass.api.image.Region;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.engine.image.Symmetry;
import org.hourglass.engine.network.GraphNames;
import org.hourglass.engine.predict.TiledPredictor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Running a model's network on images: tiled prediction of a plane of any size (optionally averaged over the 8
 * symmetries), whole planes in batches, and the raw network on a normalised plane (the model file's test).
 * Inputs are checked, normalised as the model was trained, and outputs mapped back.
 */
final class Inference {

	/** Inference batches between forced collections, which free the graph's native buffers. */
	static final int GC_EVERY_BATCHES = 20;

	private final Nd4jModel model;
	private final AtomicLong batches = new AtomicLong();

	Inference(final Nd4jModel model) {
		this.model = model;
	}

	Plane predict(final Plane input, final PredictOptions options, final Progress progress) {
		model.checkOpen();
		check(input, model.network());
		return averaged(input, PlanePart.whole(input.width(), input.height()), null, options, progress);
	}

	/** See {@link org.hourglass.api.Model#predictPart}. */
	Plane predictPart(final Plane crop, final PlanePart part, final ChannelNormalization params,
		final PredictOptions options, final Progress progress)
	{
		model.checkOpen();
		requireTiled();
		check(crop, model.network());
		return averaged(crop, part, java.util.Objects.requireNonNull(params, "the whole plane's normalisation"), options,
			progress);
	}

	/** See {@link org.hourglass.api.Model#inputFor}: with the 8 symmetries, what any of them reads. */
	Region inputFor(final int fullWidth, final int fullHeight, final Region wanted, final PredictOptions options) {
		requireTiled();
		final PlanePart whole = PlanePart.whole(fullWidth, fullHeight);
		int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = 0, y1 = 0;
		for (int t = 0; t < (options.augment() ? Symmetry.COUNT : 1); t++) {
			final PlanePart turned = Symmetry.apply(new PlanePart(fullWidth, fullHeight, whole.crop(), wanted), t);
			final Region need = Symmetry.invert(predictor().inputFor(turned.fullWidth(), turned.fullHeight(), turned
				.wanted(), options), turned.fullWidth(), turned.fullHeight(), t);
			x0 = Math.min(x0, need.x());
			y0 = Math.min(y0, need.y());
			x1 = Math.max(x1, need.endX());
			y1 = Math.max(y1, need.endY());
		}
		return new Region(x0, y0, x1 - x0, y1 - y0);
	}

	private void requireTiled() {
		final NetworkSpec net = model.network();
		if (net.inputSize() > 0) {
			throw new InvalidInputException("this model takes whole images of " + net.inputSize() + "x" + net
				.inputSize() + " pixels only, not parts of larger ones");
		}
	}

	/**
	 * The prediction of {@code part.wanted()}, averaged over the 8 symmetries if asked; {@code params} {@code null}
	 * normalises each symmetric copy of the input on its own, as a whole plane is.
	 */
	private Plane averaged(final Plane input, final PlanePart part, final ChannelNormalization params,
		final PredictOptions options, final Progress progress)
	{
		final int passes = options.augment() ? Symmetry.COUNT : 1;
		Plane sum = null;
		for (int t = 0; t < passes; t++) {
			final Plane result = Symmetry.invert(once(Symmetry.apply(input, t), Symmetry.apply(part, t), params, options,
				part(progress, t, passes)), t);
			if (sum == null) sum = passes == 1 ? result : result.copy();
			else {
				final float[] s = sum.data();
				final float[] r = result.data();
				for (int i = 0; i < s.length; i++) s[i] += r[i];
			}
		}
		if (passes > 1) {
			final float[] s = sum.data();
			for (int i = 0; i < s.length; i++) s[i] /= passes;
		}
		return sum;
	}

	/** One prediction of a checked plane: whole for a fixed-size network, else tile by tile. */
	private Plane once(final Plane input, final PlanePart part, final ChannelNormalization given,
		final PredictOptions options, final Progress progress)
	{
		final NetworkSpec net = model.network();
		final ChannelNormalization params = given != null ? given : params(input);
		if (net.inputSize() > 0) {
			final Plane normalised = params.apply(input);
			final float[] out = runBlocks(normalised.data(), 1, input.height(), input.width());
			final int w = input.width() * net.upscale();
			final int h = input.height() * net.upscale();
			params.invertInPlace(out, w * h, net.outputChannels());
			progress.update(1, 1);
			return new Plane(w, h, net.outputChannels(), out);
		}
		return predictor().predictPart(input, part, params, options, progress);
	}

	List<Plane> apply(final List<Plane> inputs, final int batchSize, final Progress progress) {
		model.checkOpen();
		if (batchSize < 1) throw new InvalidInputException("the batch size must be at least 1, got " + batchSize);
		if (inputs.isEmpty()) return List.of();
		final NetworkSpec net = model.network();
		final Plane first = inputs.get(0);
		for (final Plane p : inputs) {
			if (p.width() != first.width() || p.height() != first.height()) {
				throw new InvalidInputException("images applied together must have one size, got " + first.width() + "x" +
					first.height() + " and " + p.width() + "x" + p.height());
			}
			check(p, net);
		}
		final int f = net.downsamplingFactor();
		if (first.width() % f != 0 || first.height() % f != 0) {
			throw new InvalidInputException("this network takes images whose sides are a multiple of " + f +
				" pixels, got " + first.width() + "x" + first.height() + " (crop or pad them, or predict tile by tile)");
		}
		final int inValues = first.data().length;
		final int ow = first.width() * net.upscale();
		final int oh = first.height() * net.upscale();
		final int outValues = ow * oh * net.outputChannels();
		final List<Plane> out = new ArrayList<>(inputs.size());
		progress.update(0, inputs.size());
		for (int start = 0; start < inputs.size(); start += batchSize) {
			if (progress.isCancelled()) throw new CancellationException("prediction was cancelled");
			final int n = Math.min(batchSize, inputs.size() - start);
			final float[] blocks = new float[n * inValues];
			final List<ChannelNormalization> params = new ArrayList<>(n);
			for (int b = 0; b < n; b++) {
				final Plane p = inputs.get(start + b);
				final ChannelNormalization np = params(p);
				params.add(np);
				System.arraycopy(np.apply(p).data(), 0, blocks, b * inValues, inValues);
			}
			final float[] result = runBlocks(blocks, n, first.height(), first.width());
			for (int b = 0; b < n; b++) {
				final float[] o = java.util.Arrays.copyOfRange(result, b * outValues, (b + 1) * outValues);
				params.get(b).invertInPlace(o, ow * oh, net.outputChannels());
				out.add(new Plane(ow, oh, net.outputChannels(), o));
			}
			progress.update(start + n, inputs.size());
		}
		return out;
	}

	/** The network's raw output (normalised space, deterministic latent) for one normalised plane: no tiling. */
	Plane raw(final Plane normalised) {
		final NetworkSpec net = model.network();
		final int up = net.upscale();
		return new Plane(normalised.width() * up, normalised.height() * up, net.outputChannels(), runBlocks(normalised
			.data().clone(), 1, normalised.height(), normalised.width()));
	}

	/** A smooth test plane of the network's input channels, the size of its input or a few tiles' worth. */
	Plane testInput() {
		final NetworkSpec net = model.network();
		final int f = net.downsamplingFactor();
		final int side = net.inputSize() > 0 ? net.inputSize() : ((Math.max(16, 2 * f) + f - 1) / f) * f;
		final int c = net.inputChannels();
		final float[] v = new float[side * side * c];
		for (int ch = 0; ch < c; ch++) {
			for (int y = 0; y < side; y++) {
				for (int x = 0; x < side; x++) {
					v[(ch * side + y) * side + x] = (float) (0.5 + 0.4 * Math.sin(0.7 * x + 0.3 + ch) * Math.cos(0.45 * y -
						0.2));
				}
			}
		}
		return new Plane(side, side, c, v);
	}

	/** Normalisation parameters of one input, as the model was trained. */
	ChannelNormalization params(final Plane input) {
		return ImageStats.params(model.info().spec().normalization(), model.info().fittedNormalization(), input);
	}

	/**
	 * Runs the network on {@code count} blocks (see {@link org.hourglass.engine.predict.TileRunner}), holding the
	 * model's lock, with the garbage-collection cadence every prediction needs.
	 */
	float[] runBlocks(final float[] blocks, final int count, final int height, final int width) {
		final NetworkSpec net = model.network();
		final float[] result;
		synchronized (model.lock()) {
			model.checkOpen();
			try (INDArray in = Nd4j.create(blocks, new long[] { count, net.inputChannels(), height, width }, 'c')) {
				final Map<String, INDArray> feed = new HashMap<>();
				feed.put(GraphNames.INPUT, in);
				INDArray eps = null;
				if (net.latent().kind() == Latent.Kind.GAUSSIAN) {
					eps = Nd4j.zeros(DataType.FLOAT, count, net.latent().size());
					feed.put(GraphNames.EPS, eps);
				}
				try (INDArray out = model.graph().output(feed, GraphNames.OUTPUT).get(GraphNames.OUTPUT)) {
					result = values(out);
				}
				finally {
					if (eps != null) eps.close();
				}
			}
		}
		collectNow();
		return result;
	}

	/** Counts a batch; every {@link #GC_EVERY_BATCHES} batches, frees native memory. */
	void collectNow() {
		if (batches.incrementAndGet() % GC_EVERY_BATCHES == 0) System.gc();
	}

	TiledPredictor predictor() {
		final NetworkSpec net = model.network();
		return new TiledPredictor(this::runBlocks, net.downsamplingFactor(), net.receptiveFieldRadius(), net.upscale(),
			net.inputChannels(), net.outputChannels());
	}

	/** Checks an input plane: channels, size of a fixed-size network, finite values. */
	static void check(final Plane input, final NetworkSpec net) {
		if (input.channels() != net.inputChannels()) {
			throw new InvalidInputException("this model reads " + net.inputChannels() + " channel(s) at once, but the " +
				"image has " + input.channels());
		}
		if (net.inputSize() > 0 && (input.width() != net.inputSize() || input.height() != net.inputSize())) {
			throw new InvalidInputException("this model takes images of exactly " + net.inputSize() + "x" +
				net.inputSize() + " pixels, got " + input.width() + "x" + input.height());
		}
		if (input.hasNonFinite()) throw new InvalidInputException("the image contains NaN or infinite values");
	}

	/** Progress of pass {@code t} of {@code passes} as a share of the whole. */
	private static Progress part(final Progress whole, final int t, final int passes) {
		return passes == 1 ? whole : Progress.part(whole, t, passes);
	}

	static float[] values(final INDArray a) {
		try (INDArray c = a.castTo(DataType.FLOAT).dup('c')) {
			final float[] all = c.data().asFloat();
			return all.length == c.length() ? all : java.util.Arrays.copyOf(all, (int) c.length());
		}
	}
}
