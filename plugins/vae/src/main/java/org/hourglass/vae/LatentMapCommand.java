package org.hourglass.vae;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.analysis.Pca;
import org.hourglass.imagej.codes.ImageSet;
import org.hourglass.imagej.codes.Labels;
import org.hourglass.imagej.codes.ScatterPlot;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.process.ImageProcessor;

/**
 * The map of a stack (or folder) in a VAE's latent space: every image's {@code z_mean} as a point, in two
 * chosen latent dimensions or the first two principal components of the codes, coloured by label when there
 * are labels (the slice labels of a stack whose every slice has one, or a CSV file), optionally with small
 * images drawn at some of their points.
 */
@Plugin(type = Command.class, name = "latent-map", label = "Hourglass VAE Latent Map",
	menuPath = "Plugins>Hourglass>Variational autoencoder>Hourglass VAE Latent Map", headless = true,
	description = "The z_mean of a stack as a scatter plot, coloured by label.")
public class LatentMapCommand extends VaeModelCommand {

	static final String DIMENSIONS = "dimensions";
	static final String PCA = "pca";
	static final int MAX_THUMBNAILS = 2000;

	@Parameter(label = "Images", required = false,
		description = "The stack to map, every slice one point (slice labels colour the points).")
	private ImagePlus input;

	@Parameter(label = "Image folder", style = "directory", required = false,
		description = "Map every image of this folder instead.")
	private File inputFolder;

	@Parameter(label = "Labels file", style = "open", required = false,
		description = "A CSV file of name,label lines colouring the points: names are file names for a folder, " +
			"slice numbers (from 1) for a stack. Without it, a stack's slice labels are used if every slice has one.")
	private File labels;

	@Parameter(label = "Axes", choices = { DIMENSIONS, PCA },
		description = "dimensions: two latent dimensions (below); pca: the codes' first two principal components " +
			"(for more than 2 dimensions).")
	private String projection = DIMENSIONS;

	@Parameter(label = "Horizontal dimension", min = "0", description = "The latent dimension across, from 0.")
	private int dimX = 0;

	@Parameter(label = "Vertical dimension", min = "0", description = "The latent dimension upwards, from 0.")
	private int dimY = 1;

	@Parameter(label = "Thumbnails", min = "0",
		description = "Draw this many of the images (spread over the points) at their points; 0 = none.")
	private int thumbnails = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "Latent map")
	private ImagePlus map;

	@Override
	protected void checkParameters() {
		if (input == null && inputFolder == null) {
			throw new InvalidInputException("Nothing to map: give a stack of images, or an image folder.");
		}
		if (!DIMENSIONS.equals(projection) && !PCA.equals(projection)) {
			throw new InvalidInputException("Unknown axes '" + projection + "'; expected " + DIMENSIONS + " or " + PCA +
				".");
		}
		if (thumbnails < 0 || thumbnails > MAX_THUMBNAILS) {
			throw new InvalidInputException("Thumbnails must be between 0 and " + MAX_THUMBNAILS + ", got " + thumbnails +
				".");
		}
	}

	@Override
	protected void execute(final Model m, final ImageFrame frame) {
		final int d = m.codeShape()[0];
		if (DIMENSIONS.equals(projection) && (d < 2 || dimX < 0 || dimY < 0 || dimX >= d || dimY >= d || dimX == dimY)) {
			throw new InvalidInputException(String.format(Locale.ROOT, "This model's latent space has %d dimension(s), " +
				"numbered 0 to %d; the map's two dimensions must be two different ones of them, got %d and %d.", d, d - 1,
				dimX, dimY));
		}
		if (PCA.equals(projection) && d < 2) {
			throw new InvalidInputException("This model's latent space has 1 dimension: it has no two principal " +
				"components to map.");
		}
		final List<ImageSet.Item> items = inputFolder != null ? ImageSet.folder(inputFolder.toPath()) : ImageSet.of(
			input);
		if (items.size() < 2) throw new InvalidInputException("A map needs at least 2 images, got " + items.size() + ".");
		final List<String> names = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			names.add(inputFolder != null ? items.get(i).name() : Integer.toString(i + 1));
		}
		final List<String> colours = labels != null ? Labels.fromCsv(labels.toPath(), names) : inputFolder == null
			? Labels.fromSliceLabels(input) : null;
		final List<float[]> means = Encodings.means(Encodings.rows(m, frame, items));
		final float[][] points = new float[means.size()][];
		final String xLabel;
		final String yLabel;
		if (PCA.equals(projection)) {
			final Pca pca = Pca.fit(means, 2);
			for (int i = 0; i < points.length; i++) points[i] = pca.project(means.get(i));
			final double total = totalVariance(means);
			xLabel = String.format(Locale.ROOT, "PC1 of z_mean (%.0f %% of variance)", 100 * pca.variances()[0] / total);
			yLabel = String.format(Locale.ROOT, "PC2 of z_mean (%.0f %% of variance)", 100 * pca.variances()[1] / total);
		}
		else {
			for (int i = 0; i < points.length; i++) points[i] = new float[] { means.get(i)[dimX], means.get(i)[dimY] };
			xLabel = "z_mean" + dimX;
			yLabel = "z_mean" + dimY;
		}
		final String name = modelName().replaceAll(".*[/\\\\]", "").replaceAll("(?i)\\.zip$", "");
		final String source = inputFolder != null ? inputFolder.getName() : input.getTitle();
		final Plot plot = ScatterPlot.plot(source + " in the latent space of " + name, xLabel, yLabel, points, colours);
		if (thumbnails > 0) {
			final List<ImageProcessor> images = items.stream().map(ImageSet.Item::processor).toList();
			map = ScatterPlot.withThumbnails(plot, points, images, Math.max(12, Math.min(frame.width(), 28)),
				thumbnails);
		}
		else {
			map = plot.getImagePlus();
		}
		map.setTitle(source + "-latent-map");
	}

	/** The sum of the variances of all dimensions (with n - 1, as the PCA computes them). */
	private static double totalVariance(final List<float[]> v) {
		final int d = v.get(0).length;
		double total = 0;
		for (int j = 0; j < d; j++) {
			double mean = 0;
			for (final float[] x : v) mean += x[j];
			mean /= v.size();
			double s = 0;
			for (final float[] x : v) s += (x[j] - mean) * (x[j] - mean);
			total += s / (v.size() - 1);
		}
		return total > 0 ? total : 1;
	}
}
