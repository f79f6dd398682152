package org.hourglass.benchmark.vae;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.imagej.IdxImages;
import org.hourglass.imagej.codes.ImageSet;

import ij.ImagePlus;

/**
 * The MNIST digits of the benchmark, read from a folder of IDX files: the training digits
 * ({@code train-first10k-*}, the first 10,000 of MNIST's training set, or the full {@code train-*}) and the
 * 10,000 test digits ({@code t10k-*}), 8-bit, labelled by their slice labels.
 */
final class Digits {

	static final String[] TRAIN = { "train-first10k-images-idx3-ubyte.gz", "train-images-idx3-ubyte.gz",
		"train-images-idx3-ubyte" };
	static final String[] TRAIN_LABELS = { "train-first10k-labels-idx1-ubyte.gz", "train-labels-idx1-ubyte.gz",
		"train-labels-idx1-ubyte" };
	static final String[] TEST = { "t10k-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte" };
	static final String[] TEST_LABELS = { "t10k-labels-idx1-ubyte.gz", "t10k-labels-idx1-ubyte" };

	private Digits() {}

	/** The first {@code max} training digits (all if {@code max <= 0}) as a labelled 8-bit stack. */
	static ImagePlus training(final Path folder, final int max) {
		return open(folder, TRAIN, TRAIN_LABELS, max);
	}

	/** The first {@code max} test digits (all if {@code max <= 0}) as a labelled 8-bit stack. */
	static ImagePlus test(final Path folder, final int max) {
		return open(folder, TEST, TEST_LABELS, max);
	}

	/** The digits of a stack as items, every slice one image. */
	static List<ImageSet.Item> items(final ImagePlus stack) {
		return ImageSet.of(stack);
	}

	private static ImagePlus open(final Path folder, final String[] images, final String[] labels, final int max) {
		return IdxImages.open(find(folder, images), find(folder, labels), max);
	}

	private static Path find(final Path folder, final String[] names) {
		for (final String n : names) {
			final Path p = folder.resolve(n);
			if (Files.isRegularFile(p)) return p;
		}
		throw new InvalidInputException("The digits folder " + folder + " has none of " + String.join(", ", names) +
			" (MNIST in IDX format, e.g. ../shared/data/digits).");
	}
}
