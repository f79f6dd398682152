package org.hourglass.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.Progress;
import org.hourglass.spark.zarr.ZarrArray;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

/**
 * One task of a {@link VolumeJob}: the planes of one chunk along the leading dimensions, read whole from all their
 * chunks, through the model as the single-machine command does (each plane normalised and tiled on its own), and
 * written as the output chunks of the same grid position. Each output chunk is written atomically; the chunks a
 * failed attempt left complete are kept, and a slab whose chunks are all there is skipped.
 */
final class SlabTask implements Function<long[], TaskResult> {

	private static final long serialVersionUID = 1L;
	private static final Logger LOG = LogManager.getLogger();

	static {
		System.setProperty("java.awt.headless", "true");
	}

	private final Arguments args;
	private final Broadcast<ModelBytes> model;
	private final Broadcast<HadoopConf> conf;
	private final ZarrArray in;
	private final ZarrArray out;
	private final String application;
	private final String failOnce;

	SlabTask(final Arguments args, final Broadcast<ModelBytes> model, final Broadcast<HadoopConf> conf,
		final ZarrArray in, final ZarrArray out, final String application, final String failOnce)
	{
		this.args = args;
		this.model = model;
		this.conf = conf;
		this.in = in;
		this.out = out;
		this.application = application;
		this.failOnce = failOnce;
	}

	@Override
	public TaskResult call(final long[] slab) throws IOException {
		final long t0 = System.nanoTime();
		final String name = VolumeJob.name(slab);
		final FileSystem inFs = Locations.fileSystem(new Path(in.path()), conf.value().get());
		final FileSystem outFs = Locations.fileSystem(new Path(out.path()), conf.value().get());
		final List<long[]> targets = chunksOf(out, slab);
		if (targets.stream().allMatch(c -> exists(outFs, out.chunkPath(c)))) {
			return new TaskResult(name, TaskResult.Status.SKIPPED, "", 0, millis(t0));
		}
		ExecutorThreads.configure();
		final Model m = ModelCache.get(model.value(), args.variant().id);
		final ImagePlus planes = read(inFs, slab);
		final ImagePlus result;
		try {
			result = args.variant().application(m, args.predictOptions(), args.toInputType()).apply(planes,
				Progress.NONE);
		}
		catch (final InvalidInputException e) {
			LOG.warn("slab {} refused: {}", name, e.getMessage());
			return new TaskResult(name, TaskResult.Status.REFUSED, e.getMessage(), 0, millis(t0));
		}
		final TaskContext task = TaskContext.get();
		final String part = application + "-" + (task == null ? 0 : task.taskAttemptId());
		boolean first = true;
		for (final long[] c : targets) {
			if (exists(outFs, out.chunkPath(c))) continue;
			out.writeChunk(outFs, c, chunk(result, c), part);
			if (first) FailOnce.check(failOnce, "slab " + name);
			first = false;
		}
		final long pixels = (long) planes.getWidth() * planes.getHeight() * planes.getStackSize();
		LOG.info("{} slab {} ({} planes) in {} ms", args.variant().command, name, planes.getStackSize(), millis(t0));
		return new TaskResult(name, TaskResult.Status.WRITTEN, "", pixels, millis(t0));
	}

	/** The slab's planes, in C order of the leading dimensions, as ImageJ images of the input's type. */
	private ImagePlus read(final FileSystem fs, final long[] slab) throws IOException {
		final int d = in.dimensions();
		final int width = (int) in.shape()[d - 1];
		final int height = (int) in.shape()[d - 2];
		final int cw = in.chunks()[d - 1];
		final int ch = in.chunks()[d - 2];
		final int[] extent = extent(in, slab);
		final int count = product(extent);
		final float[][] planes = new float[count][width * height];
		final long[] index = new long[d];
		System.arraycopy(slab, 0, index, 0, slab.length);
		for (long cy = 0; cy < in.chunkCount(d - 2); cy++) {
			for (long cx = 0; cx < in.chunkCount(d - 1); cx++) {
				index[d - 2] = cy;
				index[d - 1] = cx;
				final float[] v = in.readChunk(fs, index);
				final int y0 = (int) cy * ch;
				final int x0 = (int) cx * cw;
				final int rows = Math.min(ch, height - y0);
				final int cols = Math.min(cw, width - x0);
				for (int p = 0; p < count; p++) {
					final int offset = offsetInChunk(in, extent, p) * ch * cw;
					for (int y = 0; y < rows; y++) {
						System.arraycopy(v, offset + y * cw, planes[p], (y0 + y) * width + x0, cols);
					}
				}
			}
		}
		final ImageStack stack = new ImageStack(width, height);
		for (final float[] p : planes) stack.addSlice(processor(p, width, height, in.type().imageJBitDepth()));
		return new ImagePlus("slab " + VolumeJob.name(slab), stack);
	}

	/** The output chunk at grid position {@code c} (full-size, zeros beyond the array's edge). */
	private float[] chunk(final ImagePlus result, final long[] c) {
		final int d = out.dimensions();
		final int width = result.getWidth();
		final int height = result.getHeight();
		final int cw = out.chunks()[d - 1];
		final int ch = out.chunks()[d - 2];
		final int y0 = (int) c[d - 2] * ch;
		final int x0 = (int) c[d - 1] * cw;
		final int rows = Math.min(ch, height - y0);
		final int cols = Math.min(cw, width - x0);
		final int[] extent = extent(out, java.util.Arrays.copyOf(c, d - 2));
		final float[] v = new float[out.chunkValues()];
		for (int p = 0; p < result.getStackSize(); p++) {
			final ImageProcessor ip = result.getStack().getProcessor(p + 1);
			final int offset = offsetInChunk(out, extent, p) * ch * cw;
			for (int y = 0; y < rows; y++) {
				for (int x = 0; x < cols; x++) v[offset + y * cw + x] = ip.getf(x0 + x, y0 + y);
			}
		}
		return v;
	}

	/** The planes of the slab along each leading dimension (fewer than a chunk at the array's end). */
	private static int[] extent(final ZarrArray a, final long[] slab) {
		final int[] e = new int[slab.length];
		for (int i = 0; i < slab.length; i++) {
			e[i] = (int) Math.min(a.chunks()[i], a.shape()[i] - slab[i] * a.chunks()[i]);
		}
		return e;
	}

	/** The position among a chunk's planes (C order over its full leading sizes) of the slab's plane {@code p}. */
	private static int offsetInChunk(final ZarrArray a, final int[] extent, final int p) {
		int rest = p;
		int offset = 0;
		int stride = 1;
		for (int i = extent.length - 1; i >= 0; i--) {
			offset += rest % extent[i] * stride;
			rest /= extent[i];
			stride *= a.chunks()[i];
		}
		return offset;
	}

	/** Every output chunk of the slab: its leading indices with every y and x chunk. */
	private static List<long[]> chunksOf(final ZarrArray a, final long[] slab) {
		final int d = a.dimensions();
		final List<long[]> out = new ArrayList<>();
		for (long cy = 0; cy < a.chunkCount(d - 2); cy++) {
			for (long cx = 0; cx < a.chunkCount(d - 1); cx++) {
				final long[] c = java.util.Arrays.copyOf(slab, d);
				c[d - 2] = cy;
				c[d - 1] = cx;
				out.add(c);
			}
		}
		return out;
	}

	private static ImageProcessor processor(final float[] v, final int w, final int h, final int bitDepth) {
		if (bitDepth == 32) return new FloatProcessor(w, h, v);
		final ImageProcessor ip = bitDepth == 8 ? new ByteProcessor(w, h) : new ShortProcessor(w, h);
		for (int i = 0; i < v.length; i++) ip.setf(i, v[i]);
		return ip;
	}

	private static int product(final int[] e) {
		int n = 1;
		for (final int v : e) n *= v;
		return n;
	}

	private static boolean exists(final FileSystem fs, final Path p) {
		try {
			return fs.exists(p);
		}
		catch (final IOException e) {
			return false;
		}
	}

	private static long millis(final long t0) {
		return (System.nanoTime() - t0) / 1_000_000;
	}
}
