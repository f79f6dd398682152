package org.hourglass.runtime.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hourglass.runtime.command.CommandFailedException;
import org.hourglass.runtime.command.UsageException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code hourglass spark denoise|upscale --model m.zip --input in --output out [--tile N]}: the Spark job of
 * Denoise or Upscale (docs/SPARK.md) on this computer, through the Spark installation named by {@code SPARK_HOME}:
 * {@code $SPARK_HOME/bin/spark-submit --master local[*]} with the installation's Spark jar. Spark itself does not
 * ship with Hourglass (it is several hundred megabytes, and a cluster brings its own); the exit code is the job's.
 */
@Command(name = "spark", mixinStandardHelpOptions = true,
	description = "Run the Spark job (Denoise or Upscale of a folder of images, one task per image, or of a Zarr " +
		"volume, one task per block of planes) on this computer " +
		"with spark-submit --master local[*]. Needs Apache Spark 3.5 for Scala 2.13: set SPARK_HOME to its folder.",
	footer = { "%nArguments after the options go to the job: denoise|upscale --model m.zip --input <folder|volume.zarr> " +
		"--output <folder|volume.zarr> [--tile N] [--block N] [--batch N] [--augment] [--to-input-type] " +
		"[--factor 2|4].",
		"Paths may be any Hadoop file system URI (hdfs://, s3a://, file:/). See docs/SPARK.md.",
		"%nExample:", "  hourglass spark denoise --model samples/models/denoise-sample.zip --input noisy/ --output " +
			"denoised/" })
final class SparkCommand implements Callable<Integer> {

	/** The job's entry point in the Spark jar. */
	static final String MAIN_CLASS = "org.hourglass.spark.Main";

	/** Where the installation keeps the Spark jar, below its folder. */
	static final String JAR = "lib/spark/hourglass-spark.jar";

	@Option(names = "--master", defaultValue = "local[*]", description = "Spark's master (default: ${DEFAULT-VALUE}, " +
		"every core of this computer).")
	private String master;

	@Option(names = "--jar", description = "The Hourglass Spark jar (default: the installation's " + JAR + ").")
	private Path jar;

	@Unmatched
	private List<String> job = new ArrayList<>();

	private final Map<String, String> environment;

	SparkCommand() {
		this(System.getenv());
	}

	SparkCommand(final Map<String, String> environment) {
		this.environment = environment;
	}

	@Override
	public Integer call() {
		final List<String> command = commandLine();
		try {
			return new ProcessBuilder(command).inheritIO().start().waitFor();
		}
		catch (final IOException e) {
			throw new CommandFailedException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			return ExitCodes.INTERRUPTED;
		}
	}

	/**
	 * The spark-submit command line.
	 *
	 * @throws UsageException if SPARK_HOME is not set or has no spark-submit, the jar is missing, or no job is given
	 */
	List<String> commandLine() {
		final String home = environment.get("SPARK_HOME");
		if (home == null || home.isBlank()) {
			throw new UsageException("hourglass spark needs Apache Spark 3.5 for Scala 2.13, which does not ship with " +
				"Hourglass: download it from Apache Spark's download page, unpack it and set SPARK_HOME to its folder " +
				"(the one with bin/spark-submit)");
		}
		final boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("win");
		final Path submit = Path.of(home, "bin", windows ? "spark-submit.cmd" : "spark-submit");
		if (!Files.isRegularFile(submit)) {
			throw new UsageException("SPARK_HOME is " + home + ", but " + submit + " is not there; set SPARK_HOME to the " +
				"folder of a Spark installation");
		}
		final Path theJar = jar != null ? jar : Path.of(System.getProperty("hourglass.home", "."), JAR);
		if (!Files.isRegularFile(theJar)) {
			throw new UsageException("the Hourglass Spark jar " + theJar + " is not there; give it with --jar (it is " +
				"built as framework/spark/target/hourglass-spark-<version>-linux-x86_64.jar)");
		}
		if (job.isEmpty()) {
			throw new UsageException("which job? hourglass spark denoise|upscale --model m.zip --input <folder> " +
				"--output <folder> (see hourglass spark --help)");
		}
		final List<String> command = new ArrayList<>(List.of(submit.toString(), "--master", master, "--class",
			MAIN_CLASS, theJar.toString()));
		command.addAll(job);
		return command;
	}
}
