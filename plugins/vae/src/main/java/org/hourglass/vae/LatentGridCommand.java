package org.hourglass.vae;

import java.util.List;
import java.util.Locale;

import org.hourglass.api.Encoding;
import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.image.Plane;
import org.hourglass.imagej.InputChecks;
import org.hourglass.imagej.codes.ImageSet;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Walks the latent space of a VAE and decodes what it finds into one montage: a {@code steps}×{@code steps}
 * grid over two latent dimensions at evenly spaced quantiles of the normal distribution (the classic picture
 * of the MNIST manifold; every other dimension at 0, the prior's mean), or the straight path between the
 * codes ({@code z_mean}) of two images of a stack.
 */
@Plugin(type = Command.class, name = "latent-grid", label = "Hourglass VAE Latent Grid",
	menuPath = "Plugins>Hourglass>Variational autoencoder>Hourglass VAE Latent Grid", headless = true,
	description = "Decode a grid of latent values, or the path between two images, into one montage.")
public class LatentGridCommand extends VaeModelCommand {

	static final String GRID = "grid";
	static final String PATH = "path";
	static final int MAX_STEPS = 100;

	@Parameter(label = "Mode", choices = { GRID, PATH },
		description = "grid: a grid over two latent dimensions; path: from the code of one image to another's.")
	private String mode = GRID;

	@Parameter(label = "Steps", min = "2", max = "100",
		description = "Grid: images per row and column; path: images along the path, both ends included.")
	private int steps = 15;

	@Parameter(label = "Spread", min = "0.01", max = "0.999",
		description = "Grid: the central share of N(0, 1) each axis covers; 0.9 = from its 5 % to its 95 % " +
			"quantile (z from -1.64 to 1.64).")
	private double spread = 0.9;

	@Parameter(label = "Horizontal dimension", min = "0",
		description = "Grid: the latent dimension along the rows, counted from 0 (z_mean0 in tables).")
	private int dimX = 0;

	@Parameter(label = "Vertical dimension", min = "0",
		description = "Grid: the latent dimension along the columns, upwards, counted from 0.")
	private int dimY = 1;

	@Parameter(label = "Images", required = false,
		description = "Path: the stack (or folder's image) holding the two images to walk between.")
	private ImagePlus input;

	@Parameter(label = "From slice", min = "1", description = "Path: the slice the path starts at.")
	private int from = 1;

	@Parameter(label = "To slice", min = "1", description = "Path: the slice the path ends at.")
	private int to = 2;

	@Parameter(type = ItemIO.OUTPUT, label = "Montage")
	private ImagePlus montage;

	@Override
	protected void checkParameters() {
		if (!GRID.equals(mode) && !PATH.equals(mode)) {
			throw new InvalidInputException("Unknown mode '" + mode + "'; expected " + GRID + " or " + PATH + ".");
		}
		if (steps < 2 || steps > MAX_STEPS) {
			throw new InvalidInputException("Steps must be between 2 and " + MAX_STEPS + ", got " + steps + ".");
		}
		if (GRID.equals(mode) && !(spread > 0 && spread < 1)) {
			throw new InvalidInputException("The spread must be between 0 and 1 (exclusive), got " + spread + ".");
		}
		if (PATH.equals(mode)) {
			InputChecks.requireImage(input, "stack to take the two images from");
			final int n = input.getStackSize();
			if (from < 1 || from > n || to < 1 || to > n) {
				throw new InvalidInputException("'" + input.getTitle() + "' has " + n + " slice(s); from and to must be " +
					"slices 1 to " + n + ", got " + from + " and " + to + ".");
			}
			if (from == to) throw new InvalidInputException("From and to are the same slice (" + from + "): choose two.");
		}
	}

	@Override
	protected void execute(final Model m, final ImageFrame frame) {
		final int d = m.codeShape()[0];
		final String name = modelName().replaceAll(".*[/\\\\]", "").replaceAll("(?i)\\.zip$", "");
		if (PATH.equals(mode)) {
			final List<ImageSet.Item> items = ImageSet.of(input);
			final Plane a = frame.toNetwork(items.get(from - 1).plane(), "'" + input.getTitle() + "' (slice " + from + ")");
			final Plane b = frame.toNetwork(items.get(to - 1).plane(), "'" + input.getTitle() + "' (slice " + to + ")");
			final List<Encoding> codes = m.encode(List.of(a, b));
			final List<float[]> path = LatentCodes.path(codes.get(0).mean(), codes.get(1).mean(), steps);
			montage = Decoded.montage(name + "-path-" + from + "-" + to, Decoded.decode(m, frame, path), steps);
			return;
		}
		final int rows = d == 1 ? 1 : steps;
		if (dimX >= d || d > 1 && (dimY >= d || dimY < 0) || dimX < 0 || d > 1 && dimX == dimY) {
			throw new InvalidInputException(String.format(Locale.ROOT, "This model's latent space has %d dimension(s), " +
				"numbered 0 to %d; the grid's two dimensions must be two different ones of them, got %d and %d.", d, d - 1,
				dimX, dimY));
		}
		Decoded.requireCount("grid images", (long) rows * steps, frame);
		final double[] axis = NormalQuantile.axis(steps, spread);
		final List<float[]> codes = d == 1 ? java.util.Arrays.stream(axis).mapToObj(v -> new float[] { (float) v })
			.toList() : LatentCodes.grid(new float[d], dimX, dimY, axis, axis);
		montage = Decoded.montage(name + "-latent-grid" + (d > 2 ? "-z" + dimX + "-z" + dimY : ""), Decoded.decode(m,
			frame, codes), steps);
	}
}
