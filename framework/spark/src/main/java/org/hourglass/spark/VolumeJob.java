package org.hourglass.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.hourglass.api.InvalidInputException;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.spark.zarr.OmeZarr;
import org.hourglass.spark.zarr.ZarrArray;
import org.hourglass.spark.zarr.ZarrType;

/**
 * A Zarr volume (OME-Zarr image or bare array) to a Zarr volume, one Spark task per {@link Block}: the planes of
 * one chunk along the leading dimensions (t, c, z), and a rectangle of whole chunks of about {@code --block}
 * pixels in y and x (whole planes if they are smaller), read with the halo its plane's tiles need (see
 * {@link BlockTask}). A 2-D model sees each plane on its own, so no halo is needed along z. Each block is
 * predicted with the tiles of its whole plane, and normalised as its whole plane: when planes are split, a first
 * stage reads each plane once for its normalisation ({@link PlaneNormalizationTask}). So the result equals the
 * single-machine command's. The output has the input's dimensions, chunk shape, compressor and OME metadata (pixel
 * size divided by the upscaling factor); a rerun skips the blocks whose chunks are all there.
 */
final class VolumeJob {

	private final JavaSparkContext spark;
	private final Arguments args;
	private final ModelBytes model;
	private final Path input;
	private final Path output;

	VolumeJob(final JavaSparkContext spark, final Arguments args, final ModelBytes model, final Path input,
		final Path output)
	{
		this.spark = spark;
		this.args = args;
		this.model = model;
		this.input = input;
		this.output = output;
	}

	/**
	 * @throws InvalidInputException if the volume cannot be read, the model sees several channels at once, or the
	 *           output holds something else than this job's result
	 */
	List<TaskResult> run(final PrintStream out) throws IOException {
		final Configuration hadoop = spark.hadoopConfiguration();
		final FileSystem inFs = Locations.fileSystem(input, hadoop);
		final OmeZarr volume = OmeZarr.open(inFs, input);
		final NetworkSpec net;
		final boolean perImage;
		try (ModelCache.Lease m = ModelCache.lease(model, args.variant().id)) {
			net = m.model().info().spec().network();
			perImage = m.model().info().normalizesPerImage();
		}
		if (net.inputSize() > 0) {
			throw new InvalidInputException("The model takes whole images of " + net.inputSize() + "x" + net.inputSize() +
				" pixels only; a Zarr volume is processed in blocks of its planes, by models of any image size.");
		}
		if (net.inputChannels() != 1) {
			throw new InvalidInputException("The model sees " + net.inputChannels() + " channels at once; a Zarr volume " +
				"is processed plane by plane, so it takes single-channel models (trained with channels=separate).");
		}
		if (volume.width() * volume.height() > Integer.MAX_VALUE) {
			throw new InvalidInputException("The planes of " + input + " are " + volume.width() + "x" + volume.height() +
				"; expected planes of at most 2^31 pixels (each is read whole once for its normalisation).");
		}
		final int f = net.downsamplingFactor();
		if (volume.width() < f || volume.height() < f) {
			throw new InvalidInputException("The planes of " + input + " are " + volume.width() + "x" + volume.height() +
				"; this model takes planes of at least " + f + "x" + f + " pixels.");
		}
		final ZarrType type = args.toInputType() ? volume.array().type() : ZarrType.FLOAT32;
		final OmeZarr result = volume.result(output, net.upscale(), type);
		final FileSystem outFs = Locations.fileSystem(output, hadoop);
		requireFreshOrSame(outFs, result);
		result.writeMetadata(outFs);
		final List<TaskResult> results = new ArrayList<>();
		final List<Block> blocks = normalized(Block.of(volume.array(), args.block()), perImage, volume.array(), result
			.array(), results);
		final long t0 = System.nanoTime();
		results.addAll(SparkTasks.run(spark, args, "hourglass " + args.variant().command + " " + input, blocks, model,
			shared -> new BlockTask(shared, volume.array(), result.array())));
		results.sort(java.util.Comparator.comparing(TaskResult::image));
		SparkTasks.report(results, "block ", args.variant().command + " " + input + " -> " + output + ": " + Arrays
			.toString(volume.array().shape()) + ", ", "block(s)", (System.nanoTime() - t0) / 1e9, out);
		return results;
	}

	/**
	 * The blocks to run, each with its planes' normalisation if planes are split into several blocks and the model
	 * normalises each plane on its own (read in a first stage, one task per group of planes); the blocks of a slab
	 * refused there (a plane with non-finite values) are added to {@code refused} instead.
	 */
	private List<Block> normalized(final List<Block> blocks, final boolean perImage, final ZarrArray in,
		final ZarrArray result, final List<TaskResult> refused)
	{
		if (!perImage || blocks.stream().allMatch(b -> b.wholePlanes(in))) return blocks;
		final List<PlaneGroup> groups = PlaneGroup.of(in, PlaneGroup.VALUES);
		final List<PlaneNormalization> found = SparkTasks.map(spark, args, "hourglass " + args.variant().command + " " +
			input + ": normalisation of each plane", groups, model, shared -> new PlaneNormalizationTask(shared, in,
				result));
		final Map<String, double[][]> bySlab = new HashMap<>();
		final Map<String, String> refusals = new HashMap<>();
		for (int i = 0; i < groups.size(); i++) {
			final PlaneGroup g = groups.get(i);
			final String key = Arrays.toString(g.slab());
			final double[][] slab = bySlab.computeIfAbsent(key, k -> new double[SlabPixels.product(SlabPixels.extent(in, g
				.slab()))][]);
			final PlaneNormalization n = found.get(i);
			if (n.params() != null) System.arraycopy(n.params(), 0, slab, g.first(), g.count());
			if (n.refusal() != null) refusals.putIfAbsent(key, n.refusal());
		}
		final List<Block> out = new ArrayList<>();
		for (final Block b : blocks) {
			final String key = Arrays.toString(b.slab());
			if (refusals.containsKey(key)) {
				refused.add(new TaskResult(b.name(), TaskResult.Status.REFUSED, refusals.get(key), 0, 0));
				continue;
			}
			final double[][] slab = bySlab.get(key);
			// a slab whose chunks were all there has no normalisation: its blocks are skipped
			out.add(b.normalized(Arrays.stream(slab).anyMatch(java.util.Objects::isNull) ? null : slab));
		}
		return out;
	}

	/** The output is new, empty, or the same job's result (a rerun): never anything else. */
	private void requireFreshOrSame(final FileSystem fs, final OmeZarr result) throws IOException {
		if (!fs.exists(output)) return;
		if (!fs.getFileStatus(output).isDirectory()) {
			throw new InvalidInputException("Expected an output Zarr folder, but " + output + " is a file.");
		}
		final Path arrayPath = new Path(result.array().path());
		if (ZarrArray.isArray(fs, arrayPath)) {
			final ZarrArray there = ZarrArray.open(fs, arrayPath);
			if (there.sameLayout(result.array())) return;
			throw new InvalidInputException("The output " + output + " holds a Zarr array " + there + ", not this job's " +
				"result " + result.array() + ". Choose another output.");
		}
		if (fs.listStatus(output).length > 0) {
			throw new InvalidInputException("The output " + output + " exists and holds other files. Choose a new or " +
				"empty folder.");
		}
	}
}
