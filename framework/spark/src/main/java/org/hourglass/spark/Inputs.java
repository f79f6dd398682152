package org.hourglass.spark;

import java.io.FileNotFoundException;
import java.io.IOException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;

/**
 * The checked inputs of a job, all checked on the driver before any task runs: the input is there (a folder of
 * images, not a Zarr store), the output is
 * neither the input nor inside it (Hourglass never writes over its inputs), and the model loads, is of the
 * command's variant and fits its options.
 *
 * @param model the model file
 * @param input the qualified input
 * @param output the qualified output
 */
record Inputs(ModelBytes model, Path input, Path output) {

	/**
	 * @throws InvalidInputException or {@link org.hourglass.api.ModelFileException} with what is wrong
	 */
	static Inputs check(final Arguments args, final Configuration conf) throws IOException {
		final Path input = Locations.qualified(args.input(), conf);
		final FileStatus in;
		try {
			in = Locations.fileSystem(input, conf).getFileStatus(input);
		}
		catch (final FileNotFoundException e) {
			throw new InvalidInputException("The input " + input + " is not there.");
		}
		if (!in.isDirectory()) {
			throw new InvalidInputException("Expected a folder of images as input, but " + input + " is a file.");
		}
		if (isZarr(input, conf)) {
			throw new InvalidInputException("The input " + input + " is a Zarr store: the Spark job reads folders of " +
				"images (TIFF, PNG, JPEG) only. Export the volume's planes as TIFF files into a folder.");
		}
		final Path output = Locations.qualified(args.output(), conf);
		if (Locations.within(output, input)) {
			throw new InvalidInputException("The output " + output + (output.equals(input) ? " is the input folder"
				: " is inside the input " + input) + ": Hourglass never writes over its inputs. Choose an output " +
				"outside the input.");
		}
		final var fs = Locations.fileSystem(output, conf);
		if (fs.exists(output) && !fs.getFileStatus(output).isDirectory()) {
			throw new InvalidInputException("Expected an output folder, but " + output + " is a file.");
		}
		final Path modelFile = Locations.qualified(args.model(), conf);
		final ModelBytes model = ModelBytes.of(args.model(), Locations.readModel(modelFile, conf));
		final Model m = ModelCache.get(model, args.variant().id);
		args.variant().check(m, args.factor());
		return new Inputs(model, input, output);
	}

	/** A Zarr store (OME-Zarr): named {@code *.zarr}, or a folder with Zarr's metadata files. */
	private static boolean isZarr(final Path folder, final Configuration conf) throws IOException {
		if (folder.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".zarr")) return true;
		final var fs = Locations.fileSystem(folder, conf);
		for (final String meta : new String[] { ".zgroup", ".zarray", "zarr.json" }) {
			if (fs.exists(new Path(folder, meta))) return true;
		}
		return false;
	}
}
