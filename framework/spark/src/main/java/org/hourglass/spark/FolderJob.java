package org.hourglass.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.JavaSparkContext;
import org.hourglass.api.InvalidInputException;
import org.hourglass.imagej.OutputFolder;

/**
 * A folder of images to a folder of results, one Spark task per image (see {@link ImageTask}). Everything that
 * can be checked before a task runs is: the output folder is neither the input folder nor inside it, result names
 * do not clash, the model is of the command's variant. A rerun skips the results that are there.
 */
final class FolderJob {

	private static final Logger LOG = LogManager.getLogger();

	private final JavaSparkContext spark;
	private final Arguments args;
	private final ModelBytes model;
	private final Path input;
	private final Path output;

	/**
	 * @param model the checked model file
	 * @param input the qualified input folder, which exists
	 * @param output the qualified output folder, checked against the input
	 */
	FolderJob(final JavaSparkContext spark, final Arguments args, final ModelBytes model, final Path input,
		final Path output)
	{
		this.spark = spark;
		this.args = args;
		this.model = model;
		this.input = input;
		this.output = output;
	}

	/**
	 * Processes every image that has no result yet.
	 *
	 * @return what happened to each image, by name
	 * @throws InvalidInputException if the folder has no image, or two images would give results of one name
	 */
	List<TaskResult> run(final PrintStream out) throws IOException {
		final Configuration conf = spark.hadoopConfiguration();
		final List<String> images = Locations.images(Locations.fileSystem(input, conf), input);
		requireDistinctResults(images);
		final FileSystem fs = Locations.fileSystem(output, conf);
		if (!fs.mkdirs(output)) throw new IOException("cannot create the output folder " + output);
		final String application = spark.sc().applicationId();
		removeStaleParts(fs, application);
		final long t0 = System.nanoTime();
		final List<TaskResult> results = SparkTasks.run(spark, args, "hourglass " + args.variant().command + " " + input,
			images, model, shared -> new ImageTask(shared, input, output));
		SparkTasks.report(results, "", args.variant().command + " " + input + " -> " + output + ": ", "image(s)", (System
			.nanoTime() - t0) / 1e9, out);
		return results;
	}

	private void requireDistinctResults(final List<String> images) {
		final Map<String, String> byResult = new HashMap<>();
		for (final String image : images) {
			final String result = OutputFolder.tiffName(java.nio.file.Path.of(image));
			final String other = byResult.put(result, image);
			if (other != null) {
				throw new InvalidInputException("Images " + other + " and " + image + " in " + input + " would both give " +
					result + "; expected one image per name. Rename one of them.");
			}
		}
	}

	private void removeStaleParts(final FileSystem fs, final String application) throws IOException {
		for (final FileStatus s : fs.listStatus(output)) {
			if (s.isFile() && PartFileNames.isStale(s.getPath().getName(), application) && fs.delete(s.getPath(),
				false))
			{
				LOG.info("removed {}, left by a job that did not finish", s.getPath());
			}
		}
	}
}
