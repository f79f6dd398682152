package org.hourglass.superres;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.training.TrainingSource;
import org.hourglass.imagej.ImageFolder;
import org.hourglass.imagej.ImagePlanes;
import org.hourglass.imagej.InputChecks;
import org.hourglass.imagej.RgbPolicy;
import org.hourglass.imagej.StackPlane;

import ij.ImagePlus;

/**
 * Training sources from real low/high-resolution pairs: every plane of a low-resolution image with the plane
 * at the same position of a high-resolution image exactly {@code factor} times larger (as the trainer crops
 * them: a patch of the low one and the patch {@code factor} times larger at the same place of the high one).
 * Every pair is checked before anything is used.
 */
final class ScaledPairs {

	private ScaledPairs() {}

	/**
	 * @param lowPatch the low-resolution patch size: each low image must be at least this large
	 * @throws InvalidInputException if an image is colour, holds NaN, is too small, or the two do not have the
	 *           same channels, slices and frames with the high one exactly {@code factor} times larger
	 */
	static List<TrainingSource> of(final ImagePlus low, final ImagePlus high, final int factor, final int lowPatch) {
		check(low, high, factor, lowPatch);
		final List<StackPlane> lows = ImagePlanes.planes(low, RgbPolicy.REFUSE);
		final List<StackPlane> highs = ImagePlanes.planes(high, RgbPolicy.REFUSE);
		final List<TrainingSource> sources = new ArrayList<>();
		for (int i = 0; i < lows.size(); i++) {
			final String name = low.getStackSize() > 1 ? low.getTitle() + " " + lows.get(i).position() : low.getTitle();
			sources.add(new TrainingSource(lows.get(i).plane(), highs.get(i).plane(), name));
		}
		return sources;
	}

	/** The images of {@code lowFolder} paired by name with those of {@code highFolder}; see {@link #of}. */
	static List<TrainingSource> folders(final Path lowFolder, final Path highFolder, final int factor,
		final int lowPatch)
	{
		final List<ImageFolder.FilePair> files = ImageFolder.match(lowFolder, highFolder);
		// every pair is checked before any is kept
		final List<ImagePlus[]> opened = new ArrayList<>();
		for (final ImageFolder.FilePair p : files) {
			final ImagePlus[] pair = { ImageFolder.open(p.first()), ImageFolder.open(p.second()) };
			check(pair[0], pair[1], factor, lowPatch);
			opened.add(pair);
		}
		final List<TrainingSource> sources = new ArrayList<>();
		for (final ImagePlus[] pair : opened) sources.addAll(of(pair[0], pair[1], factor, lowPatch));
		return sources;
	}

	static void check(final ImagePlus low, final ImagePlus high, final int factor, final int lowPatch) {
		for (final ImagePlus imp : new ImagePlus[] { low, high }) {
			InputChecks.requireGrey(imp);
			InputChecks.requireFinite(imp);
		}
		if (high.getWidth() != factor * low.getWidth() || high.getHeight() != factor * low.getHeight()) {
			throw new InvalidInputException("For x" + factor + " the high-resolution image must be exactly " + factor +
				" times larger than the low-resolution one: expected '" + high.getTitle() + "' to be " + factor * low
					.getWidth() + "x" + factor * low.getHeight() + " for '" + low.getTitle() + "' (" + low.getWidth() + "x" +
				low.getHeight() + "), but it is " + high.getWidth() + "x" + high.getHeight() + ".");
		}
		if (low.getNChannels() != high.getNChannels() || low.getNSlices() != high.getNSlices() || low
			.getNFrames() != high.getNFrames())
		{
			throw new InvalidInputException("'" + low.getTitle() + "' and '" + high.getTitle() + "' must have the same " +
				"channels, slices and frames; found " + InputChecks.shape(low) + " and " + InputChecks.shape(high) + ".");
		}
		InputChecks.requireAtLeast(low, lowPatch, "one low-resolution training patch (the patch size divided by the " +
			"factor)");
	}
}
