package org.hourglass.autoencoder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.imagej.codes.CodeTable;
import org.hourglass.imagej.codes.ImageInputs;
import org.hourglass.imagej.codes.ImageSet;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.measure.ResultsTable;

/**
 * Encodes every slice of a stack, or every image of a folder, with an autoencoder: one code per image, in a
 * results table (shown in Fiji) and optionally a CSV file ({@code name,slice,z0,z1,…}; a convolutional code is
 * flattened channel by channel and its shape named in a comment line).
 */
@Plugin(type = Command.class, name = "encode", label = "Hourglass Autoencoder Encode",
	menuPath = "Plugins>Hourglass>Autoencoder>Hourglass Autoencoder Encode", headless = true,
	description = "One code per image, slice or file of a stack or folder: a results table and a CSV file.")
public class EncodeCommand extends AutoencoderCommand {

	private static final Logger LOG = LogManager.getLogger();

	/** Title of the results table. */
	static final String TABLE = "Hourglass Autoencoder Codes";

	@Parameter(type = ItemIO.OUTPUT, label = "Images encoded")
	private int images;

	@Parameter(type = ItemIO.OUTPUT, label = "Code shape")
	private String codeShape;

	private List<CodeTable.Row> rows;

	public EncodeCommand() {
		super(AutoencoderVariant.SAMPLE_MODEL);
	}

	@Override
	protected void execute() {
		final Path csv = csvTarget();
		try (Autoencoder ae = load()) {
			final ImageInputs in = images("to encode");
			final List<ImageSet.Item> items = fitted(ae, in);
			final List<float[]> codes = ae.encode(items, progress("Encoding " + in.description()));
			final int[] shape = ae.codeShape();
			rows = new ArrayList<>(items.size());
			for (int i = 0; i < items.size(); i++) {
				rows.add(CodeTable.Row.of(items.get(i).name(), items.get(i).slice(), codes.get(i)));
			}
			if (csv != null) CodeTable.write(csv, rows, shape, overwrite());
			final ResultsTable table = CodeTable.toResults(rows);
			show(table, TABLE);
			images = rows.size();
			codeShape = String.join("x", java.util.Arrays.stream(shape).mapToObj(Integer::toString).toList());
			LOG.info("encoded {} into {} codes of {}{}", in.description(), images, codeShape, csv == null ? "" : ", " +
				csv);
		}
	}

	/** The codes of the last run. */
	List<CodeTable.Row> rows() {
		return rows;
	}
}
