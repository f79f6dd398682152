package org.hourglass.autoencoder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Progress;
import org.hourglass.api.analysis.NearestNeighbours;
import org.hourglass.imagej.InputChecks;
import org.hourglass.imagej.codes.ImageInputs;
import org.hourglass.imagej.codes.ImageSet;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.process.ImageProcessor;

/**
 * The images of a stack or folder most similar to a query image: the {@code k} whose autoencoder codes are
 * nearest to the query's (Euclidean distance), nearest first, as a montage (the query framed, then the
 * neighbours with their names and distances) and a results table (shown in Fiji), optionally a CSV file.
 */
@Plugin(type = Command.class, name = "nearest-images", label = "Hourglass Autoencoder Nearest Images",
	menuPath = "Plugins>Hourglass>Autoencoder>Hourglass Autoencoder Nearest Images", headless = true,
	description = "The k images of a stack or folder most similar to a query image: a montage and a table.")
public class NearestImagesCommand extends AutoencoderCommand {

	/** Title of the results table. */
	static final String TABLE = "Hourglass Autoencoder Nearest Images";

	@Parameter(label = "Query image", description = "The image to find similar images to (for a stack: the slice " +
		"below).")
	private ImagePlus query;

	@Parameter(label = "Query slice", min = "0",
		description = "The slice of the query stack to use; 0 = the current slice (the first, on the command line).")
	private int querySlice = 0;

	@Parameter(label = "Number of images (k)", min = "1", description = "How many similar images to find.")
	private int k = 8;

	@Parameter(type = ItemIO.OUTPUT, label = "Montage")
	private ImagePlus montage;

	@Parameter(type = ItemIO.OUTPUT, label = "Nearest images")
	private String nearest;

	/**
	 * One image found.
	 *
	 * @param rank 1 for the nearest
	 * @param index its index in the searched set
	 */
	record Hit(int rank, int index, String name, int slice, double distance) {}

	private static final List<ResultColumn<Hit>> COLUMNS = List.of(new ResultColumn<>("Rank", "rank", Hit::rank),
		new ResultColumn<>("Name", "name", Hit::name), new ResultColumn<>("Slice", "slice", Hit::slice),
		new ResultColumn<>("Distance", "distance", Hit::distance));

	private List<Hit> hits;

	public NearestImagesCommand() {
		super(AutoencoderVariant.SAMPLE_MODEL_16);
	}

	@Override
	protected void execute() {
		InputChecks.requireImage(query, "query image");
		if (k < 1) throw new InvalidInputException("The number of images k must be at least 1, got " + k + ".");
		final Path csv = csvTarget();
		try (Autoencoder ae = load()) {
			final ImageSet.Item q = ae.fit(List.of(queryItem()), resize()).get(0);
			final ImageInputs in = images("to search");
			final List<ImageSet.Item> items = fitted(ae, in);
			final List<float[]> codes = ae.encode(items, progress("Encoding " + in.description()));
			final float[] code = ae.encode(List.of(q), Progress.NONE).get(0);
			hits = new ArrayList<>();
			for (final NearestNeighbours.Neighbour n : new NearestNeighbours(codes).nearest(code, k)) {
				final ImageSet.Item it = items.get(n.index());
				hits.add(new Hit(hits.size() + 1, n.index(), it.name(), it.slice(), n.distance()));
			}
			write(csv, hits, COLUMNS);
			final List<ImageProcessor> tiles = new ArrayList<>();
			final List<String> captions = new ArrayList<>();
			tiles.add(q.processor());
			captions.add("query\n" + shortPosition(q.name(), q.slice()));
			final List<String> summary = new ArrayList<>();
			final String d = distanceFormat(hits);
			for (final Hit h : hits) {
				tiles.add(items.get(h.index()).processor());
				captions.add(String.format(Locale.ROOT, "#%d %s\nd = " + d, h.rank(), in.fromStack() ? shortPosition(h
					.name(), h.slice()) : position(h.name(), h.slice()), h.distance()));
				summary.add(String.format(Locale.ROOT, "%s (" + d + ")", position(h.name(), h.slice()), h.distance()));
			}
			montage = Montage.of(in.title() + "-nearest", tiles, captions);
			nearest = String.join(", ", summary);
			show(ResultColumn.table(hits, COLUMNS), TABLE);
		}
	}

	/** The images found by the last run, nearest first. */
	List<Hit> hits() {
		return hits;
	}

	private ImageSet.Item queryItem() {
		final int n = query.getStackSize();
		final int slice = querySlice > 0 ? querySlice : query.getCurrentSlice();
		if (slice > n) {
			throw new InvalidInputException("The query image '" + query.getTitle() + "' has " + n + " slice" + (n == 1
				? "" : "s") + ", so it has no slice " + slice + ".");
		}
		final ImageSet.Item it = ImageSet.of(query).get(slice - 1);
		return it;
	}

	/**
	 * One fixed-point format for all distances shown, with 3 significant digits of the largest, so that the query's
	 * distance to itself, zero up to float rounding, reads as 0.
	 */
	static String distanceFormat(final List<Hit> hits) {
		final double max = hits.stream().mapToDouble(Hit::distance).max().orElse(0);
		final int decimals = max > 0 ? Math.max(0, 2 - (int) Math.floor(Math.log10(max))) : 3;
		return "%." + decimals + "f";
	}

	/** In a montage, where room is short: a slice by its number. */
	private static String shortPosition(final String name, final int slice) {
		return slice > 0 ? "slice " + slice : name;
	}

	private static String position(final String name, final int slice) {
		return slice > 0 ? name + ":" + slice : name;
	}
}
