package org.hourglass.engine.predict;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.HourglassException;
import org.hourglass.api.InvalidInputException;
import org.hourglass.api.PredictOptions;
import org.hourglass.api.Progress;
import org.hourglass.api.image.ChannelNormalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.image.PlanePart;
import org.hourglass.api.image.Region;

/**
 * Prediction of a plane of any size, tile by tile. Tiles start on the network's down-sampling grid, read a
 * halo of at least the receptive field around their core (mirrored at the image edges), and are blended
 * with cosine weights where they overlap, so there are no tile borders in the result. Input values are
 * normalised per block (channel by channel) as they are read and the output is mapped back with the same
 * parameters. Besides the input and output planes, memory holds one batch of blocks, whose size is bounded
 * whatever the image and the up-scaling factor: a batch's output holds at most {@link #BATCH_OUTPUT_PIXELS}
 * pixels (the network's activations, which need most of the native memory, grow with it), so fewer blocks
 * go together as blocks grow, and an automatic tile shrinks until one block fits. On running out of memory
 * the tile size is halved and the prediction restarted.
 * <p>
 * A part of a plane (a block of a larger image) is predicted with the tiles of the whole plane: those whose
 * output reaches the wanted region, each from the same block of pixels, blended in the same order, so the part
 * equals the same region of the whole plane's result. A part does not retry with smaller tiles when memory runs
 * out (its tiles would no longer be its plane's): it fails.
 */
public final class TiledPredictor {

	private static final Logger LOG = LogManager.getLogger();

	/** Core size used when the options say "automatic". */
	public static final int DEFAULT_TILE = 256;
	/** Pixels blended between neighbouring tiles beyond the receptive field, at least. */
	public static final int DEFAULT_BLEND = 8;
	/** Output pixels of one batch, at most (one 32-channel float activation of this size takes 256 MB). */
	public static final long BATCH_OUTPUT_PIXELS = PredictOptions.BATCH_OUTPUT_PIXELS;

	private final TileRunner runner;
	private final int factor;
	private final int radius;
	private final int upscale;
	private final int inChannels;
	private final int outChannels;

	/**
	 * @param factor the network's down-sampling factor (tile sizes and positions are multiples of it)
	 * @param radius how far an output pixel sees, in input pixels (the minimum halo)
	 * @param upscale output size ÷ input size
	 * @param inChannels channels of the input planes and blocks
	 * @param outChannels channels of the runner's output
	 */
	public TiledPredictor(final TileRunner runner, final int factor, final int radius, final int upscale,
		final int inChannels, final int outChannels)
	{
		this.runner = runner;
		this.factor = factor;
		this.radius = radius;
		this.upscale = upscale;
		this.inChannels = inChannels;
		this.outChannels = outChannels;
	}

	/** A single-channel predictor. */
	public TiledPredictor(final TileRunner runner, final int factor, final int radius, final int upscale) {
		this(runner, factor, radius, upscale, 1, 1);
	}

	/** The halo used for the given options: at least the receptive field plus a blending margin. */
	public int halo(final PredictOptions options) {
		return TileAxis.roundUp(Math.max(options.halo(), radius + DEFAULT_BLEND), factor);
	}

	/**
	 * Predicts {@code input}, normalised with {@code params}; the result is denormalised with the same.
	 *
	 * @throws CancellationException if {@code progress} is cancelled between batches
	 */
	public Plane predict(final Plane input, final ChannelNormalization params, final PredictOptions options,
		final Progress progress)
	{
		return predictPart(input, PlanePart.whole(input.width(), input.height()), params, options, progress);
	}

	/**
	 * Region {@code part.wanted()} of the prediction of the whole plane, from the pixels of {@code part.crop()}
	 * (which {@code crop} holds), normalised with {@code params}.
	 *
	 * @throws InvalidInputException if the crop does not hold {@link #inputFor} the wanted region
	 * @throws CancellationException if {@code progress} is cancelled between batches
	 */
	public Plane predictPart(final Plane crop, final PlanePart part, final ChannelNormalization params,
		final PredictOptions options, final Progress progress)
	{
		if (crop.width() != part.crop().width() || crop.height() != part.crop().height()) {
			throw new InvalidInputException("the pixels given are " + crop.width() + "x" + crop.height() + ", but the " +
				"part read is " + part.crop());
		}
		int tile = firstTile(options);
		requireCovered(part, tile, options);
		final boolean whole = part.equals(PlanePart.whole(part.fullWidth(), part.fullHeight()));
		while (true) {
			try {
				return attempt(crop, part, params, tile, options, progress);
			}
			catch (final OutOfMemoryError e) {
				tile = smallerOrFail(tile, whole, part, e);
			}
			catch (final RuntimeException e) {
				if (!isAllocationFailure(e)) throw e;
				tile = smallerOrFail(tile, whole, part, e);
			}
		}
	}

	/**
	 * A whole plane retries with smaller tiles; a part may not, since it must have the tiles of the other parts of
	 * its plane.
	 */
	private int smallerOrFail(final int tile, final boolean whole, final PlanePart part, final Throwable cause) {
		if (!whole) {
			throw new HourglassException("not enough memory to predict " + part.wanted() + " of a " + part.fullWidth() +
				"x" + part.fullHeight() + " plane with tiles of " + tile + "x" + tile + " pixels; choose a smaller tile size " +
				"for the whole plane", cause);
		}
		return smaller(tile, cause);
	}

	/**
	 * The region of a {@code fullWidth}×{@code fullHeight} plane that {@link #predictPart} reads for
	 * {@code wanted}: the blocks of every tile whose output reaches it, mirrored into the plane at its edges.
	 */
	public Region inputFor(final int fullWidth, final int fullHeight, final Region wanted,
		final PredictOptions options)
	{
		return need(fullWidth, fullHeight, wanted, firstTile(options), halo(options));
	}

	private int firstTile(final PredictOptions options) {
		return options.tileSize() > 0 ? TileAxis.roundUp(Math.max(options.tileSize(), factor), factor)
			: automaticTile(halo(options));
	}

	private void requireCovered(final PlanePart part, final int tile, final PredictOptions options) {
		final Region need = need(part.fullWidth(), part.fullHeight(), part.wanted(), tile, halo(options));
		if (!part.crop().contains(need)) {
			throw new InvalidInputException("predicting " + part.wanted() + " of a " + part.fullWidth() + "x" + part
				.fullHeight() + " plane needs its pixels " + need + ", but " + part.crop() + " were given");
		}
	}

	private Region need(final int w, final int h, final Region wanted, final int tile, final int halo) {
		final int[] x = need(TileAxis.of(w, tile, factor, halo, radius), wanted.x(), wanted.endX());
		final int[] y = need(TileAxis.of(h, tile, factor, halo, radius), wanted.y(), wanted.endY());
		return new Region(x[0], y[0], x[1] - x[0], y[1] - y[0]);
	}

	/** The first and one past the last input coordinate the blocks of the tiles reaching {@code [from, to)} read. */
	private static int[] need(final TileAxis a, final int from, final int to) {
		int lo = Integer.MAX_VALUE;
		int hi = Integer.MIN_VALUE;
		for (int i = a.firstReaching(from); i <= a.lastReaching(to); i++) {
			for (int q = a.blockStart(i), end = q + a.block(); q < end; q++) {
				final int r = Reflection.index(q, a.size());
				lo = Math.min(lo, r);
				hi = Math.max(hi, r);
			}
		}
		return new int[] { lo, hi + 1 };
	}

	/** The default tile, made smaller (on the down-sampling grid) until one block's output fits a batch. */
	int automaticTile(final int halo) {
		int tile = TileAxis.roundUp(DEFAULT_TILE, factor);
		while (tile > factor && outputPixels(tile + 2L * halo) > BATCH_OUTPUT_PIXELS) tile -= factor;
		return tile;
	}

	/** Blocks predicted together: as many as asked, as long as their output fits {@link #BATCH_OUTPUT_PIXELS}. */
	int batchSize(final int asked, final int blockWidth, final int blockHeight) {
		final long perBlock = (long) blockWidth * blockHeight * upscale * upscale;
		return (int) Math.max(1, Math.min(asked, BATCH_OUTPUT_PIXELS / perBlock));
	}

	private long outputPixels(final long blockSide) {
		return blockSide * upscale * blockSide * upscale;
	}

	private int smaller(final int tile, final Throwable cause) {
		if (tile <= factor) {
			throw new HourglassException("not enough memory to predict even with tiles of " + tile + "x" + tile +
				" pixels", cause);
		}
		final int next = Math.max(factor, TileAxis.roundUp(tile / 2, factor));
		LOG.warn("Out of memory predicting with tiles of {}x{} pixels ({}); retrying with {}x{}", tile, tile,
			cause.getMessage(), next, next);
		System.gc();
		return next;
	}

	/** ND4J reports failed native allocations as runtime exceptions with these words. */
	static boolean isAllocationFailure(final Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof OutOfMemoryError) return true;
			final String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
			if (m.contains("out of memory") || m.contains("failed to allocate") || m.contains("cannot allocate") ||
				m.contains("bad_alloc")) return true;
		}
		return false;
	}

	private Plane attempt(final Plane crop, final PlanePart part, final ChannelNormalization params, final int tile,
		final PredictOptions options, final Progress progress)
	{
		final int halo = halo(options);
		final TileAxis ax = TileAxis.of(part.fullWidth(), tile, factor, halo, radius);
		final TileAxis ay = TileAxis.of(part.fullHeight(), tile, factor, halo, radius);
		final Region wanted = part.wanted();
		final int i0 = ax.firstReaching(wanted.x());
		final int i1 = ax.lastReaching(wanted.endX());
		final int j0 = ay.firstReaching(wanted.y());
		final int j1 = ay.lastReaching(wanted.endY());
		final Region out = new Region(wanted.x() * upscale, wanted.y() * upscale, wanted.width() * upscale, wanted
			.height() * upscale);
		final float[] values = new float[Math.multiplyExact(Math.multiplyExact(out.width(), out.height()), outChannels)];
		final int bw = ax.block();
		final int bh = ay.block();
		final int blockValues = bw * bh * inChannels;
		final int outBlockValues = bw * bh * upscale * upscale * outChannels;
		final int total = (i1 - i0 + 1) * (j1 - j0 + 1);
		final int batch = batchSize(options.batchSize(), bw, bh);
		final float[] blocks = new float[Math.multiplyExact(batch, blockValues)];
		final int[] tx = new int[batch];
		final int[] ty = new int[batch];
		int filled = 0;
		int done = 0;
		progress.update(0, total);
		for (int j = j0; j <= j1; j++) {
			for (int i = i0; i <= i1; i++) {
				read(crop, part.crop(), params, ax, ay, i, j, blocks, filled * blockValues);
				tx[filled] = i;
				ty[filled] = j;
				filled++;
				if (filled == batch || done + filled == total) {
					if (progress.isCancelled()) throw new CancellationException("prediction was cancelled");
					final float[] batchBlocks = filled == batch ? blocks : Arrays.copyOf(blocks, filled * blockValues);
					final float[] result = runner.run(batchBlocks, filled, bh, bw);
					for (int b = 0; b < filled; b++) {
						accumulate(result, b * outBlockValues, ax, ay, tx[b], ty[b], values, out);
					}
					done += filled;
					filled = 0;
					progress.update(done, total);
				}
			}
		}
		params.invertInPlace(values, out.width() * out.height(), outChannels);
		return new Plane(out.width(), out.height(), outChannels, values);
	}

	/**
	 * Copies one block (all channels), mirrored at the plane's edges and normalised, into {@code blocks} at
	 * {@code offset}; {@code input} holds the pixels of region {@code from} of the plane.
	 */
	private static void read(final Plane input, final Region from, final ChannelNormalization params,
		final TileAxis ax, final TileAxis ay, final int i, final int j, final float[] blocks, final int offset)
	{
		final float[] src = input.data();
		final int w = input.width();
		final int h = input.height();
		final int bw = ax.block();
		final int bh = ay.block();
		final int x0 = ax.blockStart(i);
		final int y0 = ay.blockStart(j);
		final int[] columns = new int[bw];
		for (int x = 0; x < bw; x++) columns[x] = Reflection.index(x0 + x, ax.size()) - from.x();
		for (int c = 0; c < input.channels(); c++) {
			final double offsetValue = params.get(c).offset();
			final double inv = 1 / params.get(c).scale();
			for (int y = 0; y < bh; y++) {
				final int row = (c * h + Reflection.index(y0 + y, ay.size()) - from.y()) * w;
				final int dst = offset + (c * bh + y) * bw;
				for (int x = 0; x < bw; x++) {
					blocks[dst + x] = (float) ((src[row + columns[x]] - offsetValue) * inv);
				}
			}
		}
	}

	/**
	 * Adds one block's output (all channels), weighted for blending, to the part of {@code values} (output region
	 * {@code out} of the whole plane's result) that the block's tile contributes to.
	 */
	private void accumulate(final float[] result, final int offset, final TileAxis ax, final TileAxis ay,
		final int i, final int j, final float[] values, final Region out)
	{
		final int obw = ax.block() * upscale;
		final int obh = ay.block() * upscale;
		final int ox0 = ax.blockStart(i) * upscale;
		final int oy0 = ay.blockStart(j) * upscale;
		final int xs = ax.usedStart(i, upscale);
		final int ys = ay.usedStart(j, upscale);
		final int xFrom = Math.max(xs, out.x());
		final int xTo = Math.min(ax.usedEnd(i, upscale), out.endX());
		final int yFrom = Math.max(ys, out.y());
		final int yTo = Math.min(ay.usedEnd(j, upscale), out.endY());
		final float[] wx = ax.weights(i, upscale);
		final float[] wy = ay.weights(j, upscale);
		final int outPixels = out.width() * out.height();
		for (int c = 0; c < outChannels; c++) {
			final int channelIn = offset + c * obw * obh;
			final int channelOut = c * outPixels;
			for (int y = yFrom; y < yTo; y++) {
				final float fy = wy[y - ys];
				final int src = channelIn + (y - oy0) * obw - ox0;
				final int dst = channelOut + (y - out.y()) * out.width() - out.x();
				for (int x = xFrom; x < xTo; x++) {
					values[dst + x] += fy * wx[x - xs] * result[src + x];
				}
			}
		}
	}
}
