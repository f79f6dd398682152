package org.hourglass.spark;

import java.io.IOException;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.Function;
import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.NormalizationParams;
import org.hourglass.api.image.Plane;
import org.hourglass.api.image.Region;
import org.hourglass.spark.zarr.ZarrArray;

/**
 * The first stage of a {@link VolumeJob} whose planes are split into several blocks: each plane of a
 * {@link PlaneGroup} read whole once, and the normalisation the model gives it (for percentile normalisation, the
 * plane's own percentiles), so that every block of the plane is normalised as the single-machine command
 * normalises the whole plane. A group of a slab whose output chunks are all there already is not read; a plane
 * with non-finite values refuses its slab.
 */
final class PlaneNormalizationTask implements Function<PlaneGroup, PlaneNormalization> {

	private static final long serialVersionUID = 1L;

	private final TaskShared shared;
	private final ZarrArray in;
	private final ZarrArray out;

	PlaneNormalizationTask(final TaskShared shared, final ZarrArray in, final ZarrArray out) {
		this.shared = shared;
		this.in = in;
		this.out = out;
	}

	@Override
	public PlaneNormalization call(final PlaneGroup group) throws IOException {
		final long[] slab = group.slab();
		final FileSystem outFs = shared.fileSystem(new Path(out.path()));
		if (Block.whole(out, slab).chunks(out).stream().allMatch(c -> BlockTask.exists(outFs, out.chunkPath(c)))) {
			return PlaneNormalization.COMPLETE;
		}
		ExecutorThreads.configure();
		final int d = in.dimensions();
		final Region whole = Region.whole((int) in.shape()[d - 1], (int) in.shape()[d - 2]);
		final FileSystem inFs = shared.fileSystem(new Path(in.path()));
		final float[][] planes = SlabPixels.read(inFs, in, slab, whole, group.first(), group.count());
		final double[][] params = new double[planes.length][];
		try (ModelCache.Lease m = shared.lease()) {
			for (int p = 0; p < planes.length; p++) {
				final NormalizationParams n = m.model().normalization(new Plane(whole.width(), whole.height(), planes[p]))
					.get(0);
				planes[p] = null;
				params[p] = new double[] { n.offset(), n.scale() };
			}
		}
		catch (final InvalidInputException e) {
			return new PlaneNormalization(null, e.getMessage());
		}
		return new PlaneNormalization(params, null);
	}
}
