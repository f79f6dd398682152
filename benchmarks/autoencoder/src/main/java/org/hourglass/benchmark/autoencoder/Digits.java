package org.hourglass.benchmark.autoencoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.imagej.IdxImages;
import org.hourglass.imagej.codes.ImageSet;


/**
 * The MNIST digits of the benchmark, read from IDX files: the training digits (the first 10,000 of MNIST's
 * training set) and the 10,000 test digits, each with its label, as 28×28 items of 0–255 values.
 *
 * @param train the training digits, in file order
 * @param trainLabels their labels
 * @param test the test digits
 * @param testLabels their labels
 */
record Digits(List<ImageSet.Item> train, int[] trainLabels, List<ImageSet.Item> test, int[] testLabels) {

	static final String TRAIN_IMAGES = "train-first10k-images-idx3-ubyte.gz";
	static final String TRAIN_LABELS = "train-first10k-labels-idx1-ubyte.gz";
	static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
	static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

	/**
	 * The digits in {@code folder}; with {@code max > 0}, only {@code max} of each set, evenly spaced through it
	 * (the training digits are sorted by class, so the first ones would all be zeros).
	 *
	 * @throws InvalidInputException if a file is missing or not an IDX file of the expected kind
	 */
	static Digits load(final Path folder, final int max) {
		if (folder == null || !Files.isDirectory(folder)) {
			throw new InvalidInputException("Expected the folder of the MNIST IDX files (" + TRAIN_IMAGES + ", " +
				TEST_IMAGES + " and their labels), but " + folder + " is not a folder.");
		}
		for (final String f : new String[] { TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS }) {
			if (!Files.isRegularFile(folder.resolve(f))) {
				throw new InvalidInputException("The digits folder " + folder + " has no " + f + ".");
			}
		}
		final List<ImageSet.Item> train = ImageSet.of(IdxImages.open(folder.resolve(TRAIN_IMAGES), null, 0));
		final int[] trainLabels = IdxImages.labels(folder.resolve(TRAIN_LABELS), 0);
		final List<ImageSet.Item> test = ImageSet.of(IdxImages.open(folder.resolve(TEST_IMAGES), null, 0));
		final int[] testLabels = IdxImages.labels(folder.resolve(TEST_LABELS), 0);
		if (train.size() != trainLabels.length || test.size() != testLabels.length) {
			throw new InvalidInputException("The digits folder " + folder + " has " + train.size() + " training and " +
				test.size() + " test images but " + trainLabels.length + " and " + testLabels.length + " labels.");
		}
		final int[] trainPick = spaced(train.size(), max);
		final int[] testPick = spaced(test.size(), max);
		return new Digits(pick(train, trainPick), pick(trainLabels, trainPick), pick(test, testPick), pick(testLabels,
			testPick));
	}

	/** {@code max} indices of {@code n}, evenly spaced; all if {@code max <= 0} or {@code max >= n}. */
	static int[] spaced(final int n, final int max) {
		final int m = max <= 0 || max >= n ? n : max;
		final int[] out = new int[m];
		for (int i = 0; i < m; i++) out[i] = (int) ((long) i * n / m);
		return out;
	}

	private static List<ImageSet.Item> pick(final List<ImageSet.Item> items, final int[] at) {
		final List<ImageSet.Item> out = new ArrayList<>(at.length);
		for (final int i : at) out.add(items.get(i));
		return out;
	}

	private static int[] pick(final int[] values, final int[] at) {
		final int[] out = new int[at.length];
		for (int i = 0; i < at.length; i++) out[i] = values[at[i]];
		return out;
	}
}
