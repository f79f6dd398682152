package org.hourglass.benchmark.spark;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.hourglass.api.Model;
import org.hourglass.api.PredictOptions;
import org.hourglass.api.Progress;
import org.hourglass.denoise.DenoiseCommand;
import org.hourglass.denoise.DenoiseVariant;
import org.hourglass.engine.EngineThreads;
import org.hourglass.engine.Nd4jModelService;
import org.hourglass.imagej.ImageFolder;
import org.hourglass.imagej.variant.ModelApplication;
import org.hourglass.spark.Main;
import org.hourglass.spark.zarr.ZarrArray;
import org.hourglass.spark.zarr.ZarrCodec;
import org.hourglass.spark.zarr.ZarrType;

import ij.ImagePlus;
import ij.ImageStack;

/**
 * {@code VolumeBenchmark <folder of equal images> <model.zip> <work folder> <chunk> <block>...}: stacks the images
 * of the folder into a z, y, x Zarr array (chunks of 1 × chunk × chunk, zlib), denoises the stack on one machine
 * (ND4J on 1 and on 2 threads) and with the Spark job in {@code local[1]} and {@code local[2]} (one thread per
 * task) for each {@code --block} size, and prints a Markdown table: tasks, seconds, megapixels per second and the
 * largest difference from the one-machine result. One machine runs once untimed first (the JIT); each Spark master
 * runs the first block size twice and reports the second run, the first having loaded the model.
 */
public final class VolumeBenchmark {

	private VolumeBenchmark() {}

	public static void main(final String[] args) throws Exception {
		if (args.length < 5) {
			System.err.println("usage: VolumeBenchmark <folder of equal images> <model.zip> <work folder (new)> <chunk> " +
				"<block>...");
			System.exit(2);
		}
		final ImagePlus stack = stack(Path.of(args[0]));
		final Path model = Path.of(args[1]);
		final Path work = Files.createDirectories(Path.of(args[2]));
		final int chunk = Integer.parseInt(args[3]);
		final Path volume = work.resolve("volume");
		write(stack, volume, chunk);
		final double megapixels = (double) stack.getWidth() * stack.getHeight() * stack.getStackSize() / 1e6;
		final PrintStream out = System.out;
		out.printf(Locale.ROOT, "%d planes of %dx%d (%.2f megapixels) from %s, chunks 1x%d x%d, model %s, %d cores%n%n",
			stack.getStackSize(), stack.getWidth(), stack.getHeight(), megapixels, args[0], chunk, chunk, model
				.getFileName(), Runtime.getRuntime().availableProcessors());
		out.println("| run | tasks | seconds | megapixels/s | max abs difference from one machine |");
		out.println("|---|---:|---:|---:|---:|");
		singleMachine(stack, model, 1); // the JIT's first pass, not counted
		long t0 = System.nanoTime();
		final ImagePlus expected = singleMachine(stack, model, 1);
		row(out, "one machine, ND4J 1 thread", "", seconds(t0), megapixels, "");
		t0 = System.nanoTime();
		singleMachine(stack, model, 2);
		row(out, "one machine, ND4J 2 threads", "", seconds(t0), megapixels, "");
		for (final int cores : new int[] { 1, 2 }) {
			try (JavaSparkContext spark = new JavaSparkContext(new SparkConf().setMaster("local[" + cores + "]")
				.setAppName("hourglass-volume-benchmark").set("spark.ui.enabled", "false").set("spark.driver.host",
					"127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")))
			{
				job(spark, model, volume, work.resolve("warm-up-" + cores), args[4]);
				for (int b = 4; b < args.length; b++) {
					final Path result = work.resolve("spark-" + cores + "-block-" + args[b]);
					t0 = System.nanoTime();
					final String tasks = job(spark, model, volume, result, args[b]);
					row(out, "Spark local[" + cores + "], --block " + args[b], tasks, seconds(t0), megapixels, String.format(
						Locale.ROOT, "%.2g", difference(expected, result, chunk)));
				}
			}
		}
	}

	/** The folder's images, in name order, as one stack. */
	private static ImagePlus stack(final Path folder) {
		final List<Path> files = ImageFolder.list(folder);
		ImageStack stack = null;
		for (final Path f : files) {
			final ImagePlus image = ImageFolder.open(f);
			if (stack == null) stack = new ImageStack(image.getWidth(), image.getHeight());
			stack.addSlice(f.getFileName().toString(), image.getProcessor());
		}
		return new ImagePlus(folder.getFileName().toString(), stack);
	}

	private static void write(final ImagePlus stack, final Path folder, final int chunk) throws Exception {
		final FileSystem fs = FileSystem.getLocal(new Configuration());
		final ZarrType type = ZarrType.parse(stack.getBitDepth() == 8 ? "|u1" : stack.getBitDepth() == 16 ? "<u2" : "<f4",
			folder.toString());
		final ZarrArray a = ZarrArray.of(new org.apache.hadoop.fs.Path(folder.toString()), new long[] { stack
			.getStackSize(), stack.getHeight(), stack.getWidth() }, new int[] { 1, chunk, chunk }, type, ZarrCodec.of(
				"zlib", 1, folder.toString()));
		a.writeMetadata(fs);
		final int w = stack.getWidth();
		for (int z = 0; z < stack.getStackSize(); z++) {
			final var ip = stack.getStack().getProcessor(z + 1);
			for (int cy = 0; cy * chunk < stack.getHeight(); cy++) {
				for (int cx = 0; cx * chunk < w; cx++) {
					final float[] v = new float[chunk * chunk];
					for (int y = 0; y < chunk && cy * chunk + y < stack.getHeight(); y++) {
						for (int x = 0; x < chunk && cx * chunk + x < w; x++) v[y * chunk + x] = ip.getf(cx * chunk + x, cy * chunk +
							y);
					}
					a.writeChunk(fs, new long[] { z, cy, cx }, v, "benchmark");
				}
			}
		}
	}

	/** Denoises the stack on this machine with ND4J on {@code threads} threads, as Hourglass Denoise does. */
	private static ImagePlus singleMachine(final ImagePlus stack, final Path model, final int threads) {
		EngineThreads.set(threads);
		try (Model m = new Nd4jModelService().load(model, DenoiseVariant.ID)) {
			return new ModelApplication(m, PredictOptions.defaults(), false, DenoiseCommand.SUFFIX).apply(stack,
				Progress.NONE);
		}
	}

	/** Runs the Spark job; returns its count of tasks. */
	private static String job(final JavaSparkContext spark, final Path model, final Path volume, final Path output,
		final String block)
	{
		final java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
		final int code = Main.run(new String[] { "denoise", "--model", model.toString(), "--input", volume.toString(),
			"--output", output.toString(), "--block", block }, spark, new PrintStream(printed, true), System.err);
		if (code != Main.OK) throw new IllegalStateException("the Spark job exited with " + code + ": " + printed);
		final String report = printed.toString();
		final int end = report.indexOf(" block(s)");
		return end < 0 ? "?" : report.substring(report.lastIndexOf(' ', end - 1) + 1, end);
	}

	/** The largest difference between the one-machine result and the Spark job's Zarr output. */
	private static double difference(final ImagePlus expected, final Path result, final int chunk) throws Exception {
		final FileSystem fs = FileSystem.getLocal(new Configuration());
		final ZarrArray a = ZarrArray.open(fs, new org.apache.hadoop.fs.Path(result.toString()));
		double worst = 0;
		for (int z = 0; z < expected.getStackSize(); z++) {
			final var ip = expected.getStack().getProcessor(z + 1);
			for (int cy = 0; cy * chunk < expected.getHeight(); cy++) {
				for (int cx = 0; cx * chunk < expected.getWidth(); cx++) {
					final float[] v = a.readChunk(fs, new long[] { z, cy, cx });
					for (int y = 0; y < chunk && cy * chunk + y < expected.getHeight(); y++) {
						for (int x = 0; x < chunk && cx * chunk + x < expected.getWidth(); x++) {
							worst = Math.max(worst, Math.abs(v[y * chunk + x] - ip.getf(cx * chunk + x, cy * chunk + y)));
						}
					}
				}
			}
		}
		return worst;
	}

	private static void row(final PrintStream out, final String run, final String tasks, final double seconds,
		final double megapixels, final String difference)
	{
		out.printf(Locale.ROOT, "| %s | %s | %.2f | %.3f | %s |%n", run, tasks, seconds, megapixels / seconds,
			difference);
	}

	private static double seconds(final long t0) {
		return (System.nanoTime() - t0) / 1e9;
	}
}
