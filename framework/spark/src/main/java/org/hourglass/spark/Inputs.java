package org.hourglass.spark;

import java.io.FileNotFoundException;
import java.io.IOException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.spark.zarr.OmeZarr;

/**
 * The checked inputs of a job, all checked on the driver before any task runs: the input is there (a folder of
 * images, or a Zarr store), the output is neither the input nor inside it (Hourglass never writes over its
 * inputs), and the model loads, is of the command's variant and fits its options.
 *
 * @param model the model file
 * @param input the qualified input
 * @param output the qualified output
 * @param volume whether the input is a Zarr store (a volume) rather than a folder of images
 */
record Inputs(ModelBytes model, Path input, Path output, boolean volume) {

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
		final boolean volume = OmeZarr.isZarr(Locations.fileSystem(input, conf), input);
		final Path output = Locations.qualified(args.output(), conf);
		if (Locations.within(output, input)) {
			throw new InvalidInputException("The output " + output + (output.equals(input) ? " is the input folder"
				: " is inside the input " + input) + ": Hourglass never writes over its inputs. Choose an output " +
				"outside the input.");
		}
		final var fs = Locations.fileSystem(output, conf);
		if (fs.exists(output) && !fs.getFileStatus(output).isDirectory()) {
			throw new InvalidInputException("Expected an output " + (volume ? "Zarr " : "") + "folder, but " + output +
				" is a file.");
		}
		final Path modelFile = Locations.qualified(args.model(), conf);
		final ModelBytes model = ModelBytes.of(args.model(), Locations.readModel(modelFile, conf));
		try (ModelCache.Lease m = ModelCache.lease(model, args.variant().id)) {
			args.variant().check(m.model(), args.factor());
		}
		return new Inputs(model, input, output, volume);
	}
}
