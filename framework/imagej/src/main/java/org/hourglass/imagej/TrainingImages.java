package org.hourglass.imagej;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.training.TrainingSource;

import ij.ImagePlus;

/**
 * Training sources from ImageJ images and folders: every plane (channel, slice, frame) of every image is one
 * source, or with {@link Channels#JOINT} every (slice, frame) position with all its channels. Every image is
 * checked first: grey-scale, at least one patch large, finite values, and in joint mode the same number of
 * channels in every image.
 */
public final class TrainingImages {

	private static final String PATCH = "one training patch";

	private TrainingImages() {}

	/** Every plane of {@code image}, without target. */
	public static List<TrainingSource> of(final ImagePlus image, final int patchSize) {
		return of(image, patchSize, Channels.SEPARATE);
	}

	/** Every plane (or position, in joint mode) of {@code image}, without target. */
	public static List<TrainingSource> of(final ImagePlus image, final int patchSize, final Channels channels) {
		check(image, patchSize);
		final List<TrainingSource> sources = new ArrayList<>();
		for (final StackPlane sp : planes(image, channels)) {
			sources.add(TrainingSource.of(sp.plane(), name(image, sp)));
		}
		return sources;
	}

	/** Every plane of {@code input} with the plane at the same position of {@code target}. */
	public static List<TrainingSource> pairs(final ImagePlus input, final ImagePlus target, final int patchSize) {
		return pairs(input, target, patchSize, Channels.SEPARATE);
	}

	/** Every plane (or position) of {@code input} with the same of {@code target}, which has the same shape. */
	public static List<TrainingSource> pairs(final ImagePlus input, final ImagePlus target, final int patchSize,
		final Channels channels)
	{
		check(input, patchSize);
		check(target, patchSize);
		InputChecks.requireSameShape(input, target);
		final List<StackPlane> in = planes(input, channels);
		final List<StackPlane> tg = planes(target, channels);
		final List<TrainingSource> sources = new ArrayList<>();
		for (int i = 0; i < in.size(); i++) {
			sources.add(new TrainingSource(in.get(i).plane(), tg.get(i).plane(), name(input, in.get(i))));
		}
		return sources;
	}

	/** Every plane of every image in {@code folder}, without target. */
	public static List<TrainingSource> folder(final Path folder, final int patchSize) {
		return folder(folder, patchSize, Channels.SEPARATE);
	}

	/** Every plane (or position) of every image in {@code folder}, without target. */
	public static List<TrainingSource> folder(final Path folder, final int patchSize, final Channels channels) {
		final List<TrainingSource> sources = new ArrayList<>();
		for (final Path f : ImageFolder.list(folder)) {
			sources.addAll(of(ImageFolder.open(f), patchSize, channels));
		}
		return requireSameChannels(sources);
	}

	/** The images of {@code inputs} paired by name with those of {@code targets}, plane by plane. */
	public static List<TrainingSource> folderPairs(final Path inputs, final Path targets, final int patchSize) {
		return folderPairs(inputs, targets, patchSize, Channels.SEPARATE);
	}

	/** The images of {@code inputs} paired by name with those of {@code targets}, plane (or position) by plane. */
	public static List<TrainingSource> folderPairs(final Path inputs, final Path targets, final int patchSize,
		final Channels channels)
	{
		final List<TrainingSource> sources = new ArrayList<>();
		for (final ImageFolder.FilePair p : ImageFolder.match(inputs, targets)) {
			sources.addAll(pairs(ImageFolder.open(p.first()), ImageFolder.open(p.second()), patchSize, channels));
		}
		return requireSameChannels(sources);
	}

	/** The channels of the sources, which must all have the same number. */
	public static int channels(final List<TrainingSource> sources) {
		return requireSameChannels(sources).get(0).input().channels();
	}

	private static List<TrainingSource> requireSameChannels(final List<TrainingSource> sources) {
		if (sources.isEmpty()) throw new InvalidInputException("No training images were found.");
		for (final TrainingSource s : sources) {
			if (s.input().channels() != sources.get(0).input().channels()) {
				throw new InvalidInputException("All training images must have the same number of channels to be " +
					"learnt together, but " + sources.get(0).name() + " has " + sources.get(0).input().channels() +
					" and " + s.name() + " has " + s.input().channels() + ".");
			}
		}
		return sources;
	}

	private static List<StackPlane> planes(final ImagePlus image, final Channels channels) {
		return channels == Channels.JOINT ? ImagePlanes.jointPlanes(image, RgbPolicy.REFUSE)
			: ImagePlanes.planes(image, RgbPolicy.REFUSE);
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
