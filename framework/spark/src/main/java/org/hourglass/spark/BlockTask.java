package org.hourglass.spark;

import java.io.IOException;
import java.util.List;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.function.Function;
import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.PredictOptions;
import org.hourglass.api.Progress;
import org.hourglass.api.image.ChannelNormalization;
import org.hourglass.api.image.NormalizationParams;
import org.hourglass.api.image.Plane;
import org.hourglass.api.image.PlanePart;
import org.hourglass.api.image.Region;
import org.hourglass.spark.zarr.ZarrArray;

/**
 * One task of a {@link VolumeJob}: a {@link Block} read with the halo its tiles need (the blocks of pixels of every
 * tile of its plane that reaches it, from the neighbouring chunks), each plane through the model as part of its
 * whole plane (the tiles, normalisation and blending of the single-machine command), written as the output
 * chunks of the block.
 * Each output chunk is written atomically; the chunks a failed attempt left complete are kept, and a block whose
 * chunks are all there is skipped.
 */
final class BlockTask implements Function<Block, TaskResult> {

	private static final long serialVersionUID = 1L;
	private static final Logger LOG = LogManager.getLogger();

	static {
		System.setProperty("java.awt.headless", "true");
	}

	private final TaskShared shared;
	private final ZarrArray in;
	private final ZarrArray out;

	BlockTask(final TaskShared shared, final ZarrArray in, final ZarrArray out) {
		this.shared = shared;
		this.in = in;
		this.out = out;
	}

	@Override
	public TaskResult call(final Block block) throws IOException {
		final long t0 = System.nanoTime();
		final String name = block.name();
		final FileSystem inFs = shared.fileSystem(new Path(in.path()));
		final FileSystem outFs = shared.fileSystem(new Path(out.path()));
		final List<long[]> targets = block.chunks(out);
		if (targets.stream().allMatch(c -> exists(outFs, out.chunkPath(c)))) {
			return new TaskResult(name, TaskResult.Status.SKIPPED, "", 0, millis(t0));
		}
		ExecutorThreads.configure();
		final PredictOptions options = shared.args().predictOptions();
		final int d = in.dimensions();
		final int width = (int) in.shape()[d - 1];
		final int height = (int) in.shape()[d - 2];
		final Region wanted = block.region(in);
		final Region crop;
		final int count;
		final float[][] results;
		try (ModelCache.Lease lease = shared.lease()) {
			final Model m = lease.model();
			if (block.normalization() == null && !block.wholePlanes(in) && m.info().normalizesPerImage()) {
				throw new IllegalStateException("block " + name + " is part of its planes but has no normalisation");
			}
			crop = m.inputFor(width, height, wanted, options);
			final float[][] planes = SlabPixels.read(inFs, in, block.slab(), crop);
			count = planes.length;
			results = new float[count][];
			for (int p = 0; p < count; p++) {
				final Plane pixels = new Plane(crop.width(), crop.height(), planes[p]);
				planes[p] = null;
				final ChannelNormalization params = block.normalization() == null ? m.normalization(pixels)
					: ChannelNormalization.of(new NormalizationParams(block.normalization()[p][0], block.normalization()[p][1]));
				results[p] = m.predictPart(pixels, new PlanePart(width, height, crop, wanted), params, options,
					Progress.NONE).data();
			}
		}
		catch (final InvalidInputException e) {
			LOG.warn("block {} refused: {}", name, e.getMessage());
			return new TaskResult(name, TaskResult.Status.REFUSED, e.getMessage(), 0, millis(t0));
		}
		final Region done = block.region(out);
		final String part = shared.application() + "-" + TaskShared.attempt();
		boolean first = true;
		for (final long[] c : targets) {
			if (exists(outFs, out.chunkPath(c))) continue;
			out.writeChunk(outFs, c, SlabPixels.chunk(out, c, results, done), part);
			if (first) FailOnce.check(shared.failOnce(), "block " + name);
			first = false;
		}
		final long pixels = (long) wanted.width() * wanted.height() * count;
		LOG.info("{} block {} ({} planes of {}, read {}) in {} ms", shared.args().variant().command, name, count, wanted,
			crop, millis(t0));
		return new TaskResult(name, TaskResult.Status.WRITTEN, "", pixels, millis(t0));
	}

	static boolean exists(final FileSystem fs, final Path p) {
		try {
			return fs.exists(p);
		}
		catch (final IOException e) {
			return false;
		}
	}

	static long millis(final long t0) {
		return (System.nanoTime() - t0) / 1_000_000;
	}
}
