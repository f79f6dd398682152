package org.hourglass.imagej;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hourglass.api.training.TrainingSource;

import ij.ImagePlus;

/**
 * Training sources from ImageJ images and folders: every plane (channel, slice, frame) of every image is one
 * source. Every image is checked first: grey-scale, at least one patch large, finite values.
 */
public final class TrainingImages {

	private static final String PATCH = "one training patch";

	private TrainingImages() {}

	/** Every plane of {@code image}, without target. */
	public static List<TrainingSource> of(final ImagePlus image, final int patchSize) {
		check(image, patchSize);
		final List<TrainingSource> sources = new ArrayList<>();
		for (final StackPlane sp : ImagePlanes.planes(image, RgbPolicy.REFUSE)) {
			sources.add(TrainingSource.of(sp.plane(), name(image, sp)));
		}
		return sources;
	}

	/** Every plane of {@code input} with the plane at the same position of {@code target}. */
	public static List<TrainingSource> pairs(final ImagePlus input, final ImagePlus target, final int patchSize) {
		check(input, patchSize);
		check(target, patchSize);
		InputChecks.requireSameShape(input, target);
		final List<TrainingSource> sources = new ArrayList<>();
		for (int i = 1; i <= input.getStackSize(); i++) {
			final StackPlane in = ImagePlanes.plane(input, i, RgbPolicy.REFUSE);
			final StackPlane tg = ImagePlanes.plane(target, i, RgbPolicy.REFUSE);
			sources.add(new TrainingSource(in.plane(), tg.plane(), name(input, in)));
		}
		return sources;
	}

	/** Every plane of every image in {@code folder}, without target. */
	public static List<TrainingSource> folder(final Path folder, final int patchSize) {
		final List<TrainingSource> sources = new ArrayList<>();
		for (final Path f : ImageFolder.list(folder)) {
			sources.addAll(of(ImageFolder.open(f), patchSize));
		}
		return sources;
	}

	/** The images of {@code inputs} paired by name with those of {@code targets}, plane by plane. */
	public static List<TrainingSource> folderPairs(final Path inputs, final Path targets, final int patchSize) {
		final List<TrainingSource> sources = new ArrayList<>();
		for (final ImageFolder.FilePair p : ImageFolder.match(inputs, targets)) {
			sources.addAll(pairs(ImageFolder.open(p.first()), ImageFolder.open(p.second()), patchSize));
		}
		return sources;
	}

	/** Checks a training image: grey-scale, at least {@code patchSize} on both sides, finite values. */
	public static void check(final ImagePlus image, final int patchSize) {
		InputChecks.requireGrey(image);
		InputChecks.requireAtLeast(image, patchSize, PATCH);
		InputChecks.requireFinite(image);
	}

	/** A short description of sources for a model's metadata: how many planes from which images. */
	public static String describe(final List<TrainingSource> sources) {
		if (sources.isEmpty()) return "no images";
		final String first = sources.get(0).name();
		return sources.size() == 1 ? first : sources.size() + " planes: " + first + (sources.size() > 1 ? " ... " +
			sources.get(sources.size() - 1).name() : "");
	}

	private static String name(final ImagePlus image, final StackPlane sp) {
		return image.getStackSize() > 1 ? image.getTitle() + " " + sp.position() : image.getTitle();
	}
}
