package org.hourglass.spark;

import java.io.PrintStream;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.hourglass.api.HourglassException;

/**
 * {@code spark-submit --class org.hourglass.spark.Main hourglass-spark.jar denoise|upscale --model m.zip --input in
 * --output out [--tile N]}: Hourglass Denoise or Upscale of a folder of images, or of a Zarr volume (OME-Zarr),
 * on a Spark cluster (see docs/SPARK.md).
 * <p>
 * Exit codes: 0 every image has its result; 1 bad input (one message says what is wrong; nothing was written), or
 * some images (blocks of a volume) were refused (each named with the reason, the others done); 2 a wrong command line; 3 the job failed
 * (tasks failed more often than Spark retries them).
 */
public final class Main {

	public static final int OK = 0;
	public static final int BAD_INPUT = 1;
	public static final int USAGE = 2;
	public static final int FAILED = 3;

	private static final Logger LOG = LogManager.getLogger();

	private Main() {}

	public static void main(final String[] args) {
		System.exit(run(args));
	}

	/** Parses the command line, starts Spark (its master from spark-submit), runs the job and stops Spark. */
	static int run(final String[] argv) {
		final Arguments args;
		try {
			args = Arguments.parse(argv);
		}
		catch (final HourglassException e) {
			return refuse(e, System.err);
		}
		final SparkConf conf = new SparkConf().setAppName("hourglass " + args.variant().command);
		// executors start OpenMP with as many threads as a task has cores (ExecutorThreads sets ND4J's own too)
		conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", conf.get("spark.task.cpus", "1"));
		try (JavaSparkContext spark = new JavaSparkContext(conf)) {
			return run(args, spark, System.out, System.err);
		}
	}

	/** Runs the job of {@code argv} on a running Spark (which it leaves running); the exit code. */
	public static int run(final String[] argv, final JavaSparkContext spark, final PrintStream out,
		final PrintStream err)
	{
		try {
			return run(Arguments.parse(argv), spark, out, err);
		}
		catch (final HourglassException e) {
			return refuse(e, err);
		}
	}

	private static int run(final Arguments args, final JavaSparkContext spark, final PrintStream out,
		final PrintStream err)
	{
		try {
			final Inputs inputs = Inputs.check(args, spark.hadoopConfiguration());
			final var results = inputs.volume() ? new VolumeJob(spark, args, inputs.model(), inputs.input(), inputs
				.output()).run(out) : new FolderJob(spark, args, inputs.model(), inputs.input(), inputs.output()).run(out);
			return results.stream().anyMatch(r -> r.status() == TaskResult.Status.REFUSED) ? BAD_INPUT : OK;
		}
		catch (final HourglassException e) {
			return refuse(e, err);
		}
		catch (final Exception e) {
			LOG.error("The {} job failed", args.variant().command, e);
			err.println("hourglass " + args.variant().command + " failed: " + e.getMessage());
			return FAILED;
		}
	}

	private static int refuse(final HourglassException e, final PrintStream err) {
		err.println(e.getMessage());
		if (e instanceof Arguments.UsageException) {
			err.println(Arguments.USAGE);
			return USAGE;
		}
		return BAD_INPUT;
	}
}
