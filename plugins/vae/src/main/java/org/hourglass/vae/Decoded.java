package org.hourglass.vae;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.image.Plane;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

/**
 * Latent codes decoded into images of the model's size, and those images as ImageJ results: a stack, or one
 * montage. Images come back in the training images' intensities ({@link Model#decode}), as 32-bit values.
 */
public final class Decoded {

	/** At most this many pixels are decoded in one command (1 GiB of 32-bit values). */
	static final long MAX_PIXELS = 1L << 28;

	private Decoded() {}

	/**
	 * Checks that {@code count} images of the frame's size are a sensible amount to make.
	 *
	 * @param what what is made, for the message, e.g. "generated images"
	 * @throws InvalidInputException if {@code count < 1} or the images would not fit in memory
	 */
	public static void requireCount(final String what, final long count, final ImageFrame frame) {
		if (count < 1) throw new InvalidInputException("The number of " + what + " must be at least 1, got " + count + ".");
		final long perImage = (long) frame.side() * frame.side() + (long) frame.width() * frame.height();
		final long budget = Math.min(MAX_PIXELS, Runtime.getRuntime().maxMemory() / Float.BYTES / 4);
		final long max = Math.max(1, budget / perImage);
		if (count > max) {
			throw new InvalidInputException(String.format(Locale.ROOT, "%,d %s of %dx%d would need about %,d MB; at " +
				"most %,d fit in this run's memory: ask for fewer.", count, what, frame.width(), frame.height(),
				count * perImage * Float.BYTES >> 20, max));
		}
	}

	/** The images decoded from {@code codes}, of the frame's size. */
	public static List<Plane> decode(final Model model, final ImageFrame frame, final List<float[]> codes) {
		final List<Plane> out = new ArrayList<>(codes.size());
		for (final Plane p : model.decode(codes)) out.add(frame.fromNetwork(p));
		return out;
	}

	/** A 32-bit stack of the images, slice labels from {@code labels} (or none). */
	public static ImagePlus stack(final String title, final List<Plane> images, final List<String> labels) {
		final ImageStack stack = new ImageStack(images.get(0).width(), images.get(0).height());
		for (int i = 0; i < images.size(); i++) {
			final Plane p = images.get(i);
			stack.addSlice(labels == null ? null : labels.get(i), new FloatProcessor(p.width(), p.height(), p.data()
				.clone()));
		}
		final ImagePlus imp = new ImagePlus(title, stack);
		imp.resetDisplayRange();
		return imp;
	}

	/** The images side by side, {@code columns} per row, row by row, in one 32-bit image. */
	public static ImagePlus montage(final String title, final List<Plane> images, final int columns) {
		final int w = images.get(0).width();
		final int h = images.get(0).height();
		final int rows = (images.size() + columns - 1) / columns;
		final float[] out = new float[columns * w * rows * h];
		final int stride = columns * w;
		for (int i = 0; i < images.size(); i++) {
			final float[] v = images.get(i).data();
			final int x0 = i % columns * w;
			final int y0 = i / columns * h;
			for (int y = 0; y < h; y++) System.arraycopy(v, y * w, out, (y0 + y) * stride + x0, w);
		}
		final ImagePlus imp = new ImagePlus(title, new FloatProcessor(stride, rows * h, out));
		imp.resetDisplayRange();
		return imp;
	}

	/** A code as a slice label, e.g. {@code z = (0.12, -1.30)}. */
	public static String label(final float[] z) {
		final StringBuilder sb = new StringBuilder("z = (");
		for (int i = 0; i < z.length; i++) sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", z[i]));
		return sb.append(')').toString();
	}
}
