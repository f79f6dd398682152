package org.hourglass.autoencoder;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hourglass.api.InvalidInputException;
import org.hourglass.imagej.codes.CodeTable;
import org.hourglass.imagej.codes.ImageInputs;
import org.hourglass.imagej.codes.ImageSet;
import org.hourglass.imagej.codes.Labels;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.process.ImageProcessor;

/**
 * A 2-D map of a stack or folder from an autoencoder's codes — the code itself when it has two values, else
 * its first two principal components — beside the PCA map of the same images' pixels ({@link EmbeddingMap}),
 * coloured by label (from a CSV file of {@code name,label}, or the slice labels) with a legend, optionally with
 * thumbnails of the images at their points. One figure: a window in Fiji, a PNG or TIFF from the command line
 * ({@code map=map.png}); optionally the points in a CSV file.
 */
@Plugin(type = Command.class, name = "embedding-map", label = "Hourglass Autoencoder Embedding Map",
	menuPath = "Plugins>Hourglass>Autoencoder>Hourglass Autoencoder Embedding Map", headless = true,
	description = "A 2-D map of a stack from its codes beside the PCA map, coloured by label.")
public class EmbeddingMapCommand extends AutoencoderCommand {

	@Parameter(label = "Label file", style = "open", required = false,
		description = "A CSV file of name,label lines that colours the map: for a stack, name = slice number; for " +
			"a folder, the file name (with or without extension). Every image needs exactly one label.")
	private File labelFile;

	@Parameter(label = "Colour by slice labels",
		description = "Without a label file: colour by the stack's slice labels, if every slice has one.")
	private boolean sliceLabels = true;

	@Parameter(label = "Thumbnails", min = "0",
		description = "Draw this many of the images at their points, spread over the set (0 = none).")
	private int thumbnails = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "Map")
	private ImagePlus map;

	@Parameter(type = ItemIO.OUTPUT, label = "Images mapped")
	private int images;

	@Parameter(type = ItemIO.OUTPUT, label = "Share of the code variance shown")
	private double codeVariance;

	@Parameter(type = ItemIO.OUTPUT, label = "Share of the pixel variance shown")
	private double pixelVariance;

	private EmbeddingMap result;
	private List<String> labels;

	public EmbeddingMapCommand() {
		super(AutoencoderVariant.SAMPLE_MODEL);
	}

	@Override
	protected void execute() {
		if (thumbnails < 0) throw new InvalidInputException("Thumbnails must be 0 or more, got " + thumbnails + ".");
		final Path csv = csvTarget();
		try (Autoencoder ae = load()) {
			final ImageInputs in = images("to map");
			labels = labels(in);
			final List<ImageSet.Item> items = fitted(ae, in);
			if (items.size() < 2) {
				throw new InvalidInputException("A map needs at least 2 images, but " + in.description() + " has 1.");
			}
			final List<float[]> codes = ae.encode(items, progress("Encoding " + in.description()));
			result = EmbeddingMap.of(codes, ae.normalised(items, models()));
			final List<ImageProcessor> thumbs = new ArrayList<>();
			if (thumbnails > 0) for (final ImageSet.Item it : items) thumbs.add(it.processor());
			final String name = Path.of(modelName()).getFileName().toString().replaceAll("(?i)\\.zip$", "");
			final String codeTitle = String.format(Locale.ROOT, "%s, %s%s", name, ae.describeCode(), result.codeVariance() <
				1 ? String.format(Locale.ROOT, " (2 PCs: %.0f %% of its variance)", 100 * result.codeVariance()) : "");
			map = result.figure(in.title() + "-map", codeTitle, labels, thumbnails > 0 ? thumbs : null,
				thumbnails);
			if (csv != null) CodeTable.write(csv, rows(items), null, overwrite());
			images = items.size();
			codeVariance = result.codeVariance();
			pixelVariance = result.pixelVariance();
		}
	}

	/** The map of the last run. */
	EmbeddingMap result() {
		return result;
	}

	/** The labels of the last run, or {@code null}. */
	List<String> labels() {
		return labels;
	}

	private List<String> labels(final ImageInputs in) {
		if (labelFile != null && !labelFile.getPath().isBlank()) return Labels.fromCsv(labelFile.toPath(), in.names());
		return sliceLabels ? in.sliceLabels() : null;
	}

	private List<CodeTable.Row> rows(final List<ImageSet.Item> items) {
		final List<CodeTable.Row> rows = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			final Map<String, float[]> groups = new LinkedHashMap<>();
			groups.put("map", result.codePoints()[i]);
			groups.put("pca", result.pixelPoints()[i]);
			rows.add(new CodeTable.Row(items.get(i).name(), items.get(i).slice(), groups));
		}
		return rows;
	}
}
