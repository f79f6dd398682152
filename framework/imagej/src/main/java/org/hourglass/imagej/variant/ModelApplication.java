package org.hourglass.imagej.variant;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.PredictOptions;
import org.hourglass.api.Progress;
import org.hourglass.api.image.Plane;
import org.hourglass.imagej.BitDepth;
import org.hourglass.imagej.ImageFolder;
import org.hourglass.imagej.ImagePlanes;
import org.hourglass.imagej.InputChecks;
import org.hourglass.imagej.OutputFolder;
import org.hourglass.imagej.RgbPolicy;
import org.hourglass.imagej.StackPlane;
import org.hourglass.imagej.StatusProgress;

import ij.ImagePlus;

/**
 * Applies a model to every plane of an image, or to every image of a folder: what Denoise and Upscale (and
 * every variant that maps images to images) do. A model that reads one channel sees every channel, slice and
 * frame on its own; a model that reads C channels sees each (slice, frame) position with its C channels
 * together, and needs images of C channels. The result is 32-bit (or of the input's type, if asked), titled
 * {@code <title>-<suffix>}, with the input's dimensions and calibration (the pixel size divided by the
 * model's scale factor).
 * <p>
 * Images must be at least as large as the network's down-sampling factor on both sides (its coarsest grid:
 * anything smaller has not one real pixel at the network's deepest level). Colour images are refused unless
 * the variant gives a {@link ColourStrategy}.
 */
public final class ModelApplication {

	private static final Logger LOG = LogManager.getLogger();

	private final Model model;
	private final PredictOptions options;
	private final boolean toInputType;
	private final String suffix;
	private final ColourStrategy colour;

	/**
	 * How a variant applies its model to a colour (RGB) image, e.g. the luminance through the model and the
	 * colour by interpolation. It must return a complete result for the whole image; {@code grey} applies the
	 * model to a grey-scale image exactly as to any other image (32-bit result, calibration scaled).
	 */
	@FunctionalInterface
	public interface ColourStrategy {

		/**
		 * @param colour an RGB or indexed-colour image, already checked
		 * @param grey applies the model to a grey image with the given progress
		 * @param progress the progress of the whole image
		 */
		ImagePlus apply(ImagePlus colour, BiFunction<ImagePlus, Progress, ImagePlus> grey, Progress progress);
	}

	/**
	 * @param suffix added to result titles, e.g. {@code denoised}
	 * @param toInputType convert results to the input's bit depth (values rounded and clipped)
	 */
	public ModelApplication(final Model model, final PredictOptions options, final boolean toInputType,
		final String suffix)
	{
		this(model, options, toInputType, suffix, null);
	}

	/**
	 * @param colour how colour images are processed; {@code null} refuses them
	 */
	public ModelApplication(final Model model, final PredictOptions options, final boolean toInputType,
		final String suffix, final ColourStrategy colour)
	{
		this.model = model;
		this.options = options;
		this.toInputType = toInputType;
		this.suffix = suffix;
		this.colour = colour;
	}

	/** Channels the model reads at once. */
	private int channels() {
		return model.info().spec().network().inputChannels();
	}

	/**
	 * Checks an image the model is to be applied to: grey-scale (or colour, with a colour strategy), finite
	 * values, at least the network's down-sampling factor on both sides, channels the model can read.
	 *
	 * @throws InvalidInputException if not
	 */
	public void check(final ImagePlus image) {
		final int smallest = model.info().spec().network().downsamplingFactor();
		InputChecks.requireAtLeast(image, smallest, "the smallest image this model takes");
		if (colour != null && ImagePlanes.isColour(image)) return;
		InputChecks.requireGrey(image);
		InputChecks.requireFinite(image);
		final int c = channels();
		if (c > 1 && image.getNChannels() != c) {
			throw new InvalidInputException("This model reads " + c + " channels together, but '" + image.getTitle() +
				"' has " + image.getNChannels() + " channel(s). Use an image with " + c + " channels (Image > Hyperstacks " +
				"> Stack to Hyperstack... if they are slices), or a model trained on channels separately.");
		}
	}

	/** The result for {@code image}; see the class description. */
	public ImagePlus apply(final ImagePlus image, final Progress progress) {
		check(image);
		if (colour != null && ImagePlanes.isColour(image)) return colour.apply(image, this::applyGrey, progress);
		return applyGrey(image, progress);
	}

	private ImagePlus applyGrey(final ImagePlus image, final Progress progress) {
		check(image);
		final String title = baseTitle(image) + "-" + suffix;
		final ImagePlus out;
		if (channels() == 1) {
			final int n = image.getStackSize();
			out = ImagePlanes.map(image, RgbPolicy.REFUSE, title, sp -> predict(sp, image.getStackIndex(sp.channel(), sp
				.slice(), sp.frame()) - 1, n, progress));
		}
		else {
			final int n = image.getNSlices() * image.getNFrames();
			out = ImagePlanes.mapJoint(image, RgbPolicy.REFUSE, title, sp -> predict(sp, (sp.frame() - 1) * image
				.getNSlices() + sp.slice() - 1, n, progress));
		}
		return toInputType ? BitDepth.toTypeOf(out, image) : out;
	}

	/**
	 * Applies the model to every image of {@code inputFolder}, writing TIFF files of the same base names into
	 * {@code outputFolder}. All images are checked and all names checked free before anything is written;
	 * existing files are never overwritten.
	 *
	 * @return the files written
	 */
	public List<Path> applyFolder(final Path inputFolder, final Path outputFolder, final StatusProgress progress) {
		return applyFolder(inputFolder, outputFolder, false, progress);
	}

	/**
	 * Like {@link #applyFolder(Path, Path, StatusProgress)}; with {@code replace}, results replace files of the same
	 * names in the output folder (never in the input folder, which the output folder must not be).
	 */
	public List<Path> applyFolder(final Path inputFolder, final Path outputFolder, final boolean replace,
		final StatusProgress progress)
	{
		final List<Path> files = ImageFolder.list(inputFolder);
		final OutputFolder out = new OutputFolder(outputFolder, List.of(inputFolder), replace);
		out.requireFree(files.stream().map(OutputFolder::tiffName).toList());
		for (final Path f : files) {
			check(ImageFolder.open(f));
		}
		final List<Path> written = new ArrayList<>();
		for (int k = 0; k < files.size(); k++) {
			final Path f = files.get(k);
			final ImagePlus result = apply(ImageFolder.open(f), progress.part(k, files.size(), f.getFileName()
				.toString()));
			written.add(out.writeTiff(result, OutputFolder.tiffName(f)));
			LOG.info("{} {} -> {}", suffix, f, written.get(written.size() - 1));
		}
		return written;
	}

	/** An image's title without an image file extension. */
	public static String baseTitle(final ImagePlus image) {
		final String t = image.getTitle();
		final String lower = t.toLowerCase(Locale.ROOT);
		for (final String ext : ImageFolder.EXTENSIONS) {
			if (lower.endsWith(ext) && t.length() > ext.length()) return t.substring(0, t.length() - ext.length());
		}
		return t;
	}

	/** Part {@code index} of {@code count} of the whole image's progress. */
	private Plane predict(final StackPlane sp, final int index, final int count, final Progress progress) {
		return model.predict(sp.plane(), options, Progress.part(progress, index, count));
	}
}
