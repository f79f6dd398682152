package org.hourglass.denoise;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.Model;
import org.hourglass.api.PredictOptions;
import org.hourglass.api.Progress;
import org.hourglass.imagej.BitDepth;
import org.hourglass.imagej.ImageFolder;
import org.hourglass.imagej.ImagePlanes;
import org.hourglass.imagej.InputChecks;
import org.hourglass.imagej.OutputFolder;
import org.hourglass.imagej.RgbPolicy;
import org.hourglass.imagej.StatusProgress;

import ij.ImagePlus;

/** Applies a denoise model to every plane of an image, or to every image of a folder. */
final class Denoiser {

	private static final Logger LOG = LogManager.getLogger();
	private static final long UNITS = 1000;

	private final Model model;
	private final PredictOptions options;
	private final boolean toInputType;

	Denoiser(final Model model, final PredictOptions options, final boolean toInputType) {
		this.model = model;
		this.options = options;
		this.toInputType = toInputType;
	}

	/** Checks an image the model is to be applied to: grey-scale, finite values. */
	static void check(final ImagePlus image) {
		InputChecks.requireGrey(image);
		InputChecks.requireFinite(image);
	}

	/**
	 * The denoised image, titled {@code <title>-denoised}: 32-bit, or of the input's type if asked, with the
	 * input's dimensions and calibration.
	 */
	ImagePlus denoise(final ImagePlus image, final Progress progress) {
		check(image);
		final int n = image.getStackSize();
		final ImagePlus out = ImagePlanes.map(image, RgbPolicy.REFUSE, title(image) + "-denoised", sp -> {
			final int i = image.getStackIndex(sp.channel(), sp.slice(), sp.frame()) - 1;
			return model.predict(sp.plane(), options, new Progress() {

				@Override
				public void update(final long done, final long total) {
					final double f = total <= 0 ? 0 : Math.min(1, done / (double) total);
					progress.update((long) ((i + f) * UNITS), n * UNITS);
				}

				@Override
				public boolean isCancelled() {
					return progress.isCancelled();
				}
			});
		});
		return toInputType ? BitDepth.toTypeOf(out, image) : out;
	}

	/**
	 * Denoises every image of {@code inputFolder} into {@code outputFolder} as TIFF files of the same base
	 * names. All images are checked before anything is written; existing files are never overwritten.
	 *
	 * @return the files written
	 */
	List<Path> denoiseFolder(final Path inputFolder, final Path outputFolder, final StatusProgress progress) {
		final List<Path> files = ImageFolder.list(inputFolder);
		final OutputFolder out = new OutputFolder(outputFolder, List.of(inputFolder));
		out.requireFree(files.stream().map(OutputFolder::tiffName).toList());
		for (final Path f : files) {
			check(ImageFolder.open(f));
		}
		final List<Path> written = new ArrayList<>();
		for (int k = 0; k < files.size(); k++) {
			final Path f = files.get(k);
			final ImagePlus result = denoise(ImageFolder.open(f), progress.part(k, files.size(), f.getFileName()
				.toString()));
			written.add(out.writeTiff(result, OutputFolder.tiffName(f)));
			LOG.info("denoised {} -> {}", f, written.get(written.size() - 1));
		}
		return written;
	}

	/** The title without an image file extension. */
	static String title(final ImagePlus image) {
		final String t = image.getTitle();
		final String lower = t.toLowerCase(Locale.ROOT);
		for (final String ext : ImageFolder.EXTENSIONS) {
			if (lower.endsWith(ext) && t.length() > ext.length()) return t.substring(0, t.length() - ext.length());
		}
		return t;
	}
}
