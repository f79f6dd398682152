package org.hourglass.imagej.codes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.Plane;
import org.hourglass.imagej.ImageFolder;
import org.hourglass.imagej.ImagePlanes;
import org.hourglass.imagej.InputChecks;
import org.hourglass.imagej.RgbPolicy;
import org.hourglass.imagej.StackPlane;

import ij.ImagePlus;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/**
 * A set of images of one size to encode, train on or compare: every slice of a stack, or every image of a
 * folder (each plane of a multi-plane file), in order, with its name and slice. Images of another size than
 * the first are refused unless {@link Resize#CROP cropped} or {@link Resize#SCALE scaled} to it.
 */
public final class ImageSet {

	/** What to do with images of another size than the first. */
	public enum Resize {
		/** Refuse them. */
		NONE,
		/** Crop them around their centre (an image smaller than the first is refused). */
		CROP,
		/** Scale them (bilinear) to the first's size. */
		SCALE;

		/** {@code none}, {@code crop} or {@code scale}, as commands name them. */
		public static Resize of(final String id) {
			for (final Resize r : values()) {
				if (r.name().equalsIgnoreCase(id)) return r;
			}
			throw new InvalidInputException("Unknown resize choice '" + id + "'; expected none, crop or scale.");
		}
	}

	/**
	 * One image of the set.
	 *
	 * @param name the image's title or file name
	 * @param slice its plane in a stack, from 1; 0 for a single-plane image
	 * @param plane its values (of the set's size)
	 */
	public record Item(String name, int slice, Plane plane) {

		/** The plane as an ImageJ processor, e.g. for a thumbnail. */
		public ImageProcessor processor() {
			return new FloatProcessor(plane.width(), plane.height(), plane.data().clone());
		}
	}

	private ImageSet() {}

	/**
	 * Every plane of {@code image} (grey, finite values), as items named by the image's title.
	 *
	 * @throws InvalidInputException if it is empty, a colour image or holds NaN or infinite values
	 */
	public static List<Item> of(final ImagePlus image) {
		InputChecks.requireGrey(image);
		InputChecks.requireFinite(image);
		final List<Item> out = new ArrayList<>();
		final boolean stack = image.getStackSize() > 1;
		for (int i = 1; i <= image.getStackSize(); i++) {
			final StackPlane sp = ImagePlanes.plane(image, i, RgbPolicy.REFUSE);
			out.add(new Item(image.getTitle(), stack ? i : 0, sp.plane()));
		}
		return out;
	}

	/** Every plane of every image in {@code folder}, named by file name; see {@link #of}. */
	public static List<Item> folder(final Path folder) {
		final List<Item> out = new ArrayList<>();
		for (final Path f : ImageFolder.list(folder)) {
			final ImagePlus image = ImageFolder.open(f);
			image.setTitle(f.getFileName().toString());
			out.addAll(of(image));
		}
		return out;
	}

	/**
	 * The items, all of the first item's size.
	 *
	 * @throws InvalidInputException if there are none, or one has another size and {@code resize} is
	 *           {@link Resize#NONE} (or it is smaller and {@code resize} is {@link Resize#CROP})
	 */
	public static List<Item> sameSize(final List<Item> items, final Resize resize) {
		if (items.isEmpty()) throw new InvalidInputException("No images were given: expected a stack or a folder of images.");
		final Item first = items.get(0);
		return toSize(items, first.plane().width(), first.plane().height(), resize, "the size of " + describe(first) +
			", the first");
	}

	/**
	 * The items, all brought to {@code w}×{@code h} (e.g. the size a model was trained on).
	 *
	 * @param why why this size, for messages, e.g. {@code "the size the model was trained on"}
	 * @throws InvalidInputException if there are none, or one has another size and {@code resize} is
	 *           {@link Resize#NONE} (or it is smaller and {@code resize} is {@link Resize#CROP})
	 */
	public static List<Item> toSize(final List<Item> items, final int w, final int h, final Resize resize,
		final String why)
	{
		if (items.isEmpty()) throw new InvalidInputException("No images were given: expected a stack or a folder of images.");
		final List<Item> out = new ArrayList<>(items.size());
		for (final Item it : items) {
			final Plane p = it.plane();
			if (p.width() == w && p.height() == h) {
				out.add(it);
				continue;
			}
			if (resize == Resize.NONE) {
				throw new InvalidInputException("The images must all be " + w + "x" + h + " (" + why + "), but " +
					describe(it) + " is " + p.width() + "x" + p.height() + "; choose resize=crop or resize=scale to bring " +
					"them to " + w + "x" + h + ".");
			}
			if (resize == Resize.CROP && (p.width() < w || p.height() < h)) {
				throw new InvalidInputException(describe(it) + " is " + p.width() + "x" + p.height() + ", smaller than " +
					w + "x" + h + ", so it cannot be cropped to it; choose resize=scale.");
			}
			out.add(new Item(it.name(), it.slice(), resize == Resize.CROP ? p.crop((p.width() - w) / 2, (p.height() -
				h) / 2, w, h) : scale(p, w, h)));
		}
		return out;
	}

	/**
	 * {@code p} in the middle of a {@code w}×{@code h} plane filled with {@code fill} around it (e.g. 28×28
	 * digits on a 32×32 background of 0, for a network of three poolings).
	 */
	public static Plane pad(final Plane p, final int w, final int h, final float fill) {
		if (p.width() > w || p.height() > h) {
			throw new IllegalArgumentException("cannot pad " + p + " to " + w + "x" + h);
		}
		final float[] out = new float[w * h * p.channels()];
		java.util.Arrays.fill(out, fill);
		final int x0 = (w - p.width()) / 2;
		final int y0 = (h - p.height()) / 2;
		for (int c = 0; c < p.channels(); c++) {
			for (int y = 0; y < p.height(); y++) {
				System.arraycopy(p.data(), (c * p.height() + y) * p.width(), out, (c * h + y0 + y) * w + x0, p.width());
			}
		}
		return new Plane(w, h, p.channels(), out);
	}

	/** The centre {@code w}×{@code h} of {@code p}: the inverse of {@link #pad}. */
	public static Plane unpad(final Plane p, final int w, final int h) {
		return p.crop((p.width() - w) / 2, (p.height() - h) / 2, w, h);
	}

	private static Plane scale(final Plane p, final int w, final int h) {
		final FloatProcessor fp = new FloatProcessor(p.width(), p.height(), p.data().clone());
		fp.setInterpolationMethod(ImageProcessor.BILINEAR);
		return new Plane(w, h, (float[]) fp.resize(w, h, true).getPixels());
	}

	private static String describe(final Item it) {
		return "'" + it.name() + "'" + (it.slice() > 0 ? " (slice " + it.slice() + ")" : "");
	}
}
