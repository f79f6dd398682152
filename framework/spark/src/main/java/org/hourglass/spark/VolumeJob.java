package org.hourglass.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.spark.zarr.OmeZarr;
import org.hourglass.spark.zarr.ZarrArray;
import org.hourglass.spark.zarr.ZarrType;

/**
 * A Zarr volume (OME-Zarr image or bare array) to a Zarr volume, one Spark task per slab: the planes of one chunk
 * along the leading dimensions (t, c, z), whole in y and x (see {@link SlabTask}). A 2-D model sees each plane on
 * its own, so a slab needs no halo along z; whole planes are normalised and tiled exactly as the single-machine
 * command does, so the result equals its result. The output has the input's dimensions, chunk shape, compressor
 * and OME metadata (pixel size divided by the upscaling factor); a rerun skips the slabs whose chunks are all there.
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
		final Model m = ModelCache.get(model, args.variant().id);
		final NetworkSpec net = m.info().spec().network();
		if (net.inputChannels() != 1) {
			throw new InvalidInputException("The model sees " + net.inputChannels() + " channels at once; a Zarr volume " +
				"is processed plane by plane, so it takes single-channel models (trained with channels=separate).");
		}
		final long planeBytes = volume.width() * volume.height() * net.upscale() * net.upscale() * 4;
		if (planeBytes > Integer.MAX_VALUE) {
			throw new InvalidInputException("The planes of " + input + " are " + volume.width() + "x" + volume.height() +
				"; expected planes whose result fits in 2 GB (at most about 23,000 x 23,000 pixels).");
		}
		final ZarrType type = args.toInputType() ? volume.array().type() : ZarrType.FLOAT32;
		final OmeZarr result = volume.result(output, net.upscale(), type);
		final FileSystem outFs = Locations.fileSystem(output, hadoop);
		requireFreshOrSame(outFs, result);
		result.writeMetadata(outFs);
		final List<long[]> slabs = slabs(volume.array());
		final long t0 = System.nanoTime();
		final List<TaskResult> results = SparkTasks.run(spark, "hourglass " + args.variant().command + " " + input,
			slabs, model, (shared, conf, failOnce) -> new SlabTask(args, shared, conf, volume.array(), result.array(),
				spark.sc().applicationId(), failOnce));
		SparkTasks.report(results, "slab ", args.variant().command + " " + input + " -> " + output + ": " + Arrays
			.toString(volume.array().shape()) + ", ", "slab(s)", (System.nanoTime() - t0) / 1e9, out);
		return results;
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

	/** Every chunk-grid position along the leading dimensions, in C order. */
	static List<long[]> slabs(final ZarrArray a) {
		final int lead = a.dimensions() - 2;
		final List<long[]> out = new ArrayList<>();
		final long[] index = new long[lead];
		while (true) {
			out.add(index.clone());
			int d = lead - 1;
			while (d >= 0 && ++index[d] == a.chunkCount(d)) index[d--] = 0;
			if (d < 0) return out;
		}
	}

	/** A slab's name in messages and reports: its chunk indices along the leading dimensions. */
	static String name(final long[] slab) {
		return slab.length == 0 ? "[all planes]" : Arrays.toString(slab);
	}
}
