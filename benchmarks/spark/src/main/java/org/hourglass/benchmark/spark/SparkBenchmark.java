package org.hourglass.benchmark.spark;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.hourglass.api.Model;
import org.hourglass.api.PredictOptions;
import org.hourglass.denoise.DenoiseCommand;
import org.hourglass.denoise.DenoiseVariant;
import org.hourglass.engine.EngineThreads;
import org.hourglass.engine.Nd4jModelService;
import org.hourglass.imagej.StatusProgress;
import org.hourglass.imagej.variant.ModelApplication;
import org.hourglass.spark.Main;
import org.scijava.Context;
import org.scijava.app.StatusService;

/**
 * {@code SparkBenchmark <image> <crop> <model.zip> <work folder>}: cuts the image into crops of {@code crop} ×
 * {@code crop} pixels (a folder of equal images), denoises that folder on one machine (ND4J on 1 and on 2
 * threads) and with the Spark job in {@code local[1]} and {@code local[2]} (one thread per task), and prints a
 * Markdown table: seconds, megapixels per second, and the Spark job's overhead per task (its time in
 * {@code local[1]} beyond one machine's on 1 thread, per image). One machine runs once untimed first (the JIT);
 * each Spark master runs two jobs, the first of which loads the model; Spark's start-up is timed on its own.
 */
public final class SparkBenchmark {

	private SparkBenchmark() {}

	public static void main(final String[] args) throws Exception {
		if (args.length != 4) {
			System.err.println("usage: SparkBenchmark <image> <crop> <model.zip> <work folder (new)>");
			System.exit(2);
		}
		final Path work = Files.createDirectories(Path.of(args[3]));
		final List<Path> crops = Crops.write(Path.of(args[0]), Integer.parseInt(args[1]), work.resolve("images"));
		final Path model = Path.of(args[2]);
		final double megapixels = Crops.megapixels(crops);
		final PrintStream out = System.out;
		out.printf(Locale.ROOT, "%d images of %s px (%.2f megapixels), model %s, %d cores%n%n", crops.size(), args[1] +
			"x" + args[1], megapixels, model.getFileName(), Runtime.getRuntime().availableProcessors());
		out.println("| run | seconds | megapixels/s | overhead per task |");
		out.println("|---|---|---|---|");
		singleMachine(model, work, "warm-up", 1); // the JIT's first pass, not counted
		final double one = singleMachine(model, work, "single-1", 1);
		row(out, "one machine, ND4J 1 thread", one, megapixels, "");
		row(out, "one machine, ND4J 2 threads", singleMachine(model, work, "single-2", 2), megapixels, "");
		for (final int cores : new int[] { 1, 2 }) {
			final long t0 = System.nanoTime();
			try (JavaSparkContext spark = new JavaSparkContext(new SparkConf().setMaster("local[" + cores + "]")
				.setAppName("hourglass-benchmark").set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
				.set("spark.driver.bindAddress", "127.0.0.1")))
			{
				final String start = String.format(Locale.ROOT, "%.1f", seconds(t0));
				for (final String job : new String[] { "first", "second" }) {
					final double s = job(spark, model, work, "spark-" + cores + "-" + job);
					row(out, "Spark local[" + cores + "], " + job + " job" + (job.equals("first") ? " (start-up " + start +
						" s not counted)" : ""), s, megapixels, cores == 1 ? String.format(Locale.ROOT, "%.0f ms", (s - one) *
							1000 / crops.size()) : "");
				}
			}
		}
	}

	/** Seconds of one Spark job over the crops, into a new output folder. */
	private static double job(final JavaSparkContext spark, final Path model, final Path work, final String output) {
		final long t0 = System.nanoTime();
		final int code = Main.run(new String[] { "denoise", "--model", model.toString(), "--input", work.resolve("images")
			.toString(), "--output", work.resolve(output).toString() }, spark, System.err, System.err);
		if (code != Main.OK) throw new IllegalStateException("the Spark job exited with " + code);
		return seconds(t0);
	}

	/** Seconds to denoise the crops on this machine with ND4J on {@code threads} threads. */
	private static double singleMachine(final Path model, final Path work, final String output, final int threads) {
		EngineThreads.set(threads);
		try (Context context = new Context(StatusService.class); Model m = new Nd4jModelService().load(model,
			DenoiseVariant.ID))
		{
			final StatusProgress progress = new StatusProgress(context.service(StatusService.class), "denoise",
				() -> false);
			final long t0 = System.nanoTime();
			new ModelApplication(m, PredictOptions.defaults(), false, DenoiseCommand.SUFFIX).applyFolder(work.resolve(
				"images"), work.resolve(output), progress);
			return seconds(t0);
		}
	}

	private static void row(final PrintStream out, final String run, final double seconds, final double megapixels,
		final String overhead)
	{
		out.printf(Locale.ROOT, "| %s | %.2f | %.3f | %s |%n", run, seconds, megapixels / seconds, overhead);
	}

	private static double seconds(final long t0) {
		return (System.nanoTime() - t0) / 1e9;
	}
}
