package org.hourglass.spark;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * How both jobs run their tasks: the model file's bytes and the Hadoop configuration broadcast once per stage,
 * one Spark task per item, the results collected, the broadcasts destroyed at the end.
 */
final class SparkTasks {

	/** Makes the task function from what the job's tasks share. */
	interface Factory<T, R> {
		Function<T, R> create(TaskShared shared);
	}

	private SparkTasks() {}

	/** One task per item; the results sorted by name. */
	static <T> List<TaskResult> run(final JavaSparkContext spark, final Arguments args, final String description,
		final List<T> items, final ModelBytes model, final Factory<T, TaskResult> factory)
	{
		return map(spark, args, description, items, model, factory).stream().sorted(Comparator.comparing(TaskResult::image))
			.toList();
	}

	/** One task per item; the results in the items' order. */
	static <T, R> List<R> map(final JavaSparkContext spark, final Arguments args, final String description,
		final List<T> items, final ModelBytes model, final Factory<T, R> factory)
	{
		final Broadcast<ModelBytes> shared = spark.broadcast(model);
		final Broadcast<HadoopConf> conf = spark.broadcast(new HadoopConf(spark.hadoopConfiguration()));
		try {
			spark.setJobDescription(description);
			return spark.parallelize(items, items.size()).map(factory.create(new TaskShared(args, shared, conf, spark.sc()
				.applicationId(), spark.getConf().get(FailOnce.KEY, null)))).collect();
		}
		finally {
			shared.destroy();
			conf.destroy();
		}
	}

	/**
	 * Prints one line per refused item (its name after {@code kind}, e.g. {@code "block "}), then
	 * {@code header}, the counts of {@code what} (e.g. {@code image(s)}) by outcome, the megapixels and the time.
	 */
	static void report(final List<TaskResult> results, final String kind, final String header, final String what,
		final double seconds, final PrintStream out)
	{
		long written = 0, skipped = 0, pixels = 0;
		for (final TaskResult r : results) {
			switch (r.status()) {
				case WRITTEN -> {
					written++;
					pixels += r.pixels();
				}
				case SKIPPED -> skipped++;
				case REFUSED -> out.println(kind + r.image() + " refused: " + r.message());
			}
		}
		out.printf(Locale.ROOT, "%s%d %s, %d written, %d complete already, %d refused; %.2f megapixels in %.1f s%n",
			header, results.size(), what, written, skipped, results.size() - written - skipped, pixels / 1e6, seconds);
	}
}
