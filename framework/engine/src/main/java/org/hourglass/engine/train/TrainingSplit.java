package org.hourglass.engine.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.image.ChannelNormalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.training.TrainingData;
import org.hourglass.api.training.TrainingSource;
import org.hourglass.engine.train.PatchRegion.Rect;

/**
 * Which parts of the data train and which validate. With validation images, all of them; without, each
 * training image is cut into a grid of patch-sized blocks and about {@code fraction} of the blocks, drawn over
 * the whole image and across its brightness range ({@link #heldOut}), are held out: validation patches are
 * exactly those blocks and training patches never overlap them. Such blocks see the same mix of structure and
 * background as the training patches, which one band at an image edge (often dark background) does not.
 *
 * @param training regions training patches are drawn from
 * @param validation regions validation patches are drawn from
 */
record TrainingSplit(List<PatchRegion> training, List<PatchRegion> validation) {

	private static final Logger LOG = LogManager.getLogger();

	static TrainingSplit of(final TrainingData data, final int patch, final double fraction, final long seed,
		final Function<TrainingSource, ChannelNormalization> params)
	{
		final List<PatchRegion> train = new ArrayList<>();
		final List<PatchRegion> validation = new ArrayList<>();
		final SplittableRandom random = RunRandom.split(seed);
		for (final TrainingSource s : data.training()) {
			final ChannelNormalization p = params.apply(s);
			if (!data.validation().isEmpty()) {
				train.add(PatchRegion.whole(s, p));
				continue;
			}
			final List<Rect> held = heldOut(s, patch, fraction, random);
			if (held.isEmpty()) {
				LOG.warn("Image {} ({}x{}) is too small to hold out validation blocks of {}x{}; its validation patches " +
					"overlap training patches", s.name(), s.input().width(), s.input().height(), patch, patch);
				train.add(PatchRegion.whole(s, p));
				validation.add(PatchRegion.whole(s, p));
				continue;
			}
			train.add(new PatchRegion(s, new Rect(0, 0, s.input().width(), s.input().height()), held, p));
			for (final Rect r : held) validation.add(new PatchRegion(s, r, List.of(), p));
		}
		for (final TrainingSource s : data.validation()) validation.add(PatchRegion.whole(s, params.apply(s)));
		return new TrainingSplit(train, validation);
	}

	/**
	 * About {@code fraction} of the image's patch-sized grid blocks (at least one); none if the image has fewer
	 * than 4 blocks, too few to keep both training and validation data. The blocks are sorted by their mean
	 * value and cut into as many equal strata as blocks are held out, and one block is drawn at random from
	 * each: the held-out blocks span the image's brightness range. Under photon (Poisson) noise a block's
	 * noise variance, and so its loss, grows with its brightness; a few random blocks of a fluorescence image
	 * are mostly dim background and would give a validation loss well below the training loss.
	 */
	static List<Rect> heldOut(final TrainingSource s, final int patch, final double fraction,
		final SplittableRandom random)
	{
		final int cols = s.input().width() / patch;
		final int rows = s.input().height() / patch;
		final int cells = cols * rows;
		if (cells < 4) return List.of();
		final int n = Math.max(1, Math.min(cells - 1, (int) Math.round(fraction * cells)));
		// the grid is centred, so that the leftover margin is split between both edges
		final int x0 = (s.input().width() - cols * patch) / 2;
		final int y0 = (s.input().height() - rows * patch) / 2;
		final double[] means = new double[cells];
		for (int i = 0; i < cells; i++) means[i] = mean(s.input(), x0 + i % cols * patch, y0 + i / cols * patch, patch);
		final Integer[] byMean = new Integer[cells];
		for (int i = 0; i < cells; i++) byMean[i] = i;
		Arrays.sort(byMean, Comparator.comparingDouble((Integer i) -> means[i]).thenComparingInt(i -> i));
		final List<Rect> held = new ArrayList<>();
		for (int k = 0; k < n; k++) {
			final int from = (int) ((long) k * cells / n);
			final int to = (int) ((long) (k + 1) * cells / n);
			final int cell = byMean[from + random.nextInt(to - from)];
			held.add(new Rect(x0 + cell % cols * patch, y0 + cell / cols * patch, patch, patch));
		}
		return held;
	}

	/** The mean over every channel of the {@code patch}-square block at ({@code x}, {@code y}). */
	private static double mean(final Plane p, final int x, final int y, final int patch) {
		double sum = 0;
		for (int c = 0; c < p.channels(); c++) {
			for (int j = y; j < y + patch; j++) {
				for (int i = x; i < x + patch; i++) sum += p.get(c, i, j);
			}
		}
		return sum / ((double) p.channels() * patch * patch);
	}
}
