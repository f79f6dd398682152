package org.hourglass.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.PredictOptions;

/**
 * The command line of the Spark job: {@code denoise|upscale --model m.zip --input in --output out [options]}.
 * Paths are Hadoop file system paths or URIs ({@code hdfs://...}, {@code s3a://...}, {@code file:/...}, or
 * plain paths of the default file system).
 *
 * @param variant the subcommand
 * @param model the model file
 * @param input a folder of images
 * @param output the folder results go to
 * @param tile tile size, 0 = automatic
 * @param block for volumes: the side in pixels of the y-x rectangle of one task, rounded down to whole chunks (at
 *          least one)
 * @param batch tiles predicted together
 * @param augment test-time augmentation (8 flips and rotations)
 * @param toInputType results converted to the input's bit depth
 * @param factor for upscale: the factor the model must have, or {@code null} for the model's own
 */
record Arguments(Variant variant, String model, String input, String output, int tile, int block, int batch, boolean augment,
	boolean toInputType, Integer factor) implements Serializable
{

	static final String USAGE = "Usage: spark-submit --class org.hourglass.spark.Main hourglass-spark.jar " +
		"denoise|upscale --model m.zip --input <folder|volume.zarr> --output <folder|volume.zarr> [--tile N] " +
		"[--block N] [--batch N] [--augment] [--to-input-type] [--factor 2|4]";

	/** The default side of a volume task's y-x rectangle, in pixels. */
	static final int DEFAULT_BLOCK = 2048;

	private static final List<String> VALUED = List.of("--model", "--input", "--output", "--tile", "--block",
		"--batch", "--factor");
	private static final List<String> FLAGS = List.of("--augment", "--to-input-type");

	/** The prediction options, as the single-machine commands make them (the halo automatic). */
	PredictOptions predictOptions() {
		return new PredictOptions(tile, 0, batch, augment);
	}

	/**
	 * @throws UsageException if the command line has no known command, is incomplete or has unknown options
	 */
	static Arguments parse(final String... args) {
		if (args.length == 0) throw new UsageException("No command given.");
		final Variant variant;
		try {
			variant = Variant.of(args[0]);
		}
		catch (final InvalidInputException e) {
			throw new UsageException(e.getMessage());
		}
		final Map<String, String> values = new HashMap<>();
		for (int i = 1; i < args.length; i++) {
			final String a = args[i];
			if (FLAGS.contains(a)) values.put(a, "true");
			else if (VALUED.contains(a)) {
				if (i + 1 >= args.length) throw new UsageException(a + " needs a value.");
				values.put(a, args[++i]);
			}
			else throw new UsageException("Unknown option '" + a + "'.");
		}
		for (final String required : List.of("--model", "--input", "--output")) {
			if (!values.containsKey(required)) throw new UsageException(required + " is missing.");
		}
		final String factor = values.get("--factor");
		return new Arguments(variant, values.get("--model"), values.get("--input"), values.get("--output"), number(
			values, "--tile", 0, 0), number(values, "--block", DEFAULT_BLOCK, 1), number(values, "--batch", 4, 1), values.containsKey("--augment"), values.containsKey(
				"--to-input-type"), factor == null ? null : number(values, "--factor", 0, 1));
	}

	private static int number(final Map<String, String> values, final String key, final int absent, final int min) {
		final String v = values.get(key);
		if (v == null) return absent;
		try {
			final int n = Integer.parseInt(v);
			if (n >= min) return n;
		}
		catch (final NumberFormatException e) {
			// said below
		}
		throw new UsageException(key + " must be a whole number of at least " + min + ", got '" + v + "'.");
	}

	/** A command line that cannot be run; its message says what is wrong, {@link #USAGE} how it goes. */
	static final class UsageException extends InvalidInputException {

		private static final long serialVersionUID = 1L;

		UsageException(final String message) {
			super(message);
		}
	}
}
