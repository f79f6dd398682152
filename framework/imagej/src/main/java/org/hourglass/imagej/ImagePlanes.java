package org.hourglass.imagej;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.Plane;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/**
 * ImageJ images as planes and back.
 * <p>
 * Every (channel, slice, frame) position of an 8, 16 or 32-bit image becomes one {@link Plane}. Values are
 * the calibrated values ImageJ shows: the raw pixel values, except for 8 and 16-bit images with a density
 * calibration (such as signed 16-bit), whose calibration function is applied. Colour images are refused
 * unless the caller asks for their luminance ({@link RgbPolicy#LUMINANCE}).
 * <p>
 * Images built from planes are 32-bit, with the dimensions, hyperstack order, slice labels and spatial
 * calibration of the image they were computed from (pixel size scaled if the planes have another size).
 */
public final class ImagePlanes {

	private static final double LUMA_R = 0.299;
	private static final double LUMA_G = 0.587;
	private static final double LUMA_B = 0.114;

	private ImagePlanes() {}

	/** True for RGB and 8-bit indexed-colour images. */
	public static boolean isColour(final ImagePlus image) {
		return image.getType() == ImagePlus.COLOR_RGB || image.getType() == ImagePlus.COLOR_256;
	}

	/**
	 * Every plane of {@code image}, in ImageJ's stack order: channel fastest, then slice, then frame.
	 * Holds a copy of the whole image; for large stacks prefer {@link #map}, which converts one plane at a time.
	 *
	 * @throws InvalidInputException if the image is a colour image and {@code rgb} is {@link RgbPolicy#REFUSE}
	 */
	public static List<StackPlane> planes(final ImagePlus image, final RgbPolicy rgb) {
		final int n = image.getStackSize();
		final List<StackPlane> planes = new ArrayList<>(n);
		for (int i = 1; i <= n; i++) {
			planes.add(plane(image, i, rgb));
		}
		return planes;
	}

	/**
	 * The plane at {@code stackIndex} (from 1, in stack order), as a new array.
	 *
	 * @throws InvalidInputException if the image is a colour image and {@code rgb} is {@link RgbPolicy#REFUSE}
	 */
	public static StackPlane plane(final ImagePlus image, final int stackIndex, final RgbPolicy rgb) {
		if (isColour(image) && rgb != RgbPolicy.LUMINANCE) {
			throw new InvalidInputException(InputChecks.colourMessage(image));
		}
		if (stackIndex < 1 || stackIndex > image.getStackSize()) {
			throw new IllegalArgumentException("stack index " + stackIndex + " is outside 1.." + image.getStackSize());
		}
		final ImageProcessor ip = image.getStack().getProcessor(stackIndex);
		final int[] czt = image.convertIndexToPosition(stackIndex);
		return new StackPlane(czt[0], czt[1], czt[2], values(ip, image.getCalibration(), image.getType()));
	}

	/**
	 * Applies {@code function} to every plane of {@code input}, one plane at a time, and builds the 32-bit
	 * result: {@code title}, the input's dimensions, order, slice labels and calibration. All planes the
	 * function returns must have the same size (which may differ from the input's, e.g. when upscaling).
	 *
	 * @throws InvalidInputException if the image is a colour image and {@code rgb} is {@link RgbPolicy#REFUSE}
	 */
	public static ImagePlus map(final ImagePlus input, final RgbPolicy rgb, final String title,
		final Function<StackPlane, Plane> function)
	{
		ImageStack out = null;
		final ImageStack in = input.getStack();
		for (int i = 1; i <= input.getStackSize(); i++) {
			final Plane result = function.apply(plane(input, i, rgb));
			if (out == null) out = new ImageStack(result.width(), result.height());
			if (result.width() != out.getWidth() || result.height() != out.getHeight()) {
				throw new IllegalStateException("plane " + i + " came out " + result.width() + "x" + result.height() +
					", the first one " + out.getWidth() + "x" + out.getHeight());
			}
			out.addSlice(in.getSliceLabel(i), new FloatProcessor(result.width(), result.height(), result.data()));
		}
		return assemble(title, out, input, floatCalibration(input, out.getWidth(), out.getHeight()));
	}

	/**
	 * Every (slice, frame) position of {@code image} as one plane of all its channels, z fastest then t.
	 *
	 * @throws InvalidInputException if the image is a colour image and {@code rgb} is {@link RgbPolicy#REFUSE}
	 */
	public static List<StackPlane> jointPlanes(final ImagePlus image, final RgbPolicy rgb) {
		final List<StackPlane> out = new ArrayList<>();
		for (int t = 1; t <= image.getNFrames(); t++) {
			for (int z = 1; z <= image.getNSlices(); z++) out.add(jointPlane(image, z, t, rgb));
		}
		return out;
	}

	/** The channels of position ({@code slice}, {@code frame}) as one multi-channel plane (channel 0). */
	public static StackPlane jointPlane(final ImagePlus image, final int slice, final int frame, final RgbPolicy rgb) {
		final List<Plane> channels = new ArrayList<>();
		for (int c = 1; c <= image.getNChannels(); c++) {
			channels.add(plane(image, image.getStackIndex(c, slice, frame), rgb).plane());
		}
		return new StackPlane(0, slice, frame, Plane.stack(channels));
	}

	/**
	 * Like {@link #map}, but {@code function} sees every (slice, frame) position with all its channels at once
	 * ({@link #jointPlane}) and returns a plane of any number of channels; the result has that many channels.
	 */
	public static ImagePlus mapJoint(final ImagePlus input, final RgbPolicy rgb, final String title,
		final Function<StackPlane, Plane> function)
	{
		ImageStack out = null;
		int channels = 0;
		for (int t = 1; t <= input.getNFrames(); t++) {
			for (int z = 1; z <= input.getNSlices(); z++) {
				final Plane result = function.apply(jointPlane(input, z, t, rgb));
				if (out == null) {
					out = new ImageStack(result.width(), result.height());
					channels = result.channels();
				}
				if (result.width() != out.getWidth() || result.height() != out.getHeight() || result
					.channels() != channels)
				{
					throw new IllegalStateException("position z" + z + " t" + t + " came out " + result + ", the first " +
						out.getWidth() + "x" + out.getHeight() + "x" + channels);
				}
				for (int c = 0; c < channels; c++) {
					final int index = input.getNChannels() == channels ? input.getStackIndex(c + 1, z, t) : 0;
					out.addSlice(index > 0 ? input.getStack().getSliceLabel(index) : null, new FloatProcessor(result
						.width(), result.height(), result.channel(c).data()));
				}
			}
		}
		ImagePlus image = new ImagePlus(title, out);
		image.setDimensions(channels, input.getNSlices(), input.getNFrames());
		if (input.isHyperStack() || channels > 1) image.setOpenAsHyperStack(true);
		if (channels > 1 && input.isComposite() && input.getNChannels() == channels) {
			image = new CompositeImage(image, ((CompositeImage) input).getMode());
		}
		else if (channels > 1) image = new CompositeImage(image, CompositeImage.COLOR);
		image.setCalibration(floatCalibration(input, out.getWidth(), out.getHeight()));
		image.resetDisplayRange();
		return image;
	}

	/**
	 * A 32-bit image of {@code planes} (in stack order) shaped like {@code like}: its channels, slices and
	 * frames, slice labels and spatial calibration.
	 *
	 * @throws IllegalArgumentException if there are not as many planes as {@code like} has, or their sizes differ
	 */
	public static ImagePlus toImage(final String title, final List<Plane> planes, final ImagePlus like) {
		if (planes.size() != like.getStackSize()) {
			throw new IllegalArgumentException(like.getStackSize() + " planes expected, got " + planes.size());
		}
		final Plane first = planes.get(0);
		final ImageStack stack = new ImageStack(first.width(), first.height());
		for (int i = 0; i < planes.size(); i++) {
			final Plane p = planes.get(i);
			if (p.width() != first.width() || p.height() != first.height()) {
				throw new IllegalArgumentException("all planes must have the same size: plane " + (i + 1) + " is " + p +
					", the first " + first);
			}
			stack.addSlice(like.getStack().getSliceLabel(i + 1), new FloatProcessor(p.width(), p.height(), p.data()));
		}
		return assemble(title, stack, like, floatCalibration(like, first.width(), first.height()));
	}

	// -- Helper methods --

	/** A stack shaped like {@code like}: dimensions, hyperstack flag, composite mode; display range reset. */
	static ImagePlus assemble(final String title, final ImageStack stack, final ImagePlus like,
		final Calibration calibration)
	{
		ImagePlus out = new ImagePlus(title, stack);
		out.setDimensions(like.getNChannels(), like.getNSlices(), like.getNFrames());
		if (like.isHyperStack()) out.setOpenAsHyperStack(true);
		if (like.isComposite() && like.getNChannels() > 1) {
			out = new CompositeImage(out, ((CompositeImage) like).getMode());
		}
		out.setCalibration(calibration);
		out.resetDisplayRange();
		return out;
	}

	/** The input's spatial calibration for planes of {@code width x height}, without a density calibration. */
	private static Calibration floatCalibration(final ImagePlus like, final int width, final int height) {
		final Calibration cal = like.getCalibration().copy();
		cal.disableDensityCalibration();
		final double sx = like.getWidth() / (double) width;
		final double sy = like.getHeight() / (double) height;
		if (sx != 1 || sy != 1) {
			cal.pixelWidth *= sx;
			cal.pixelHeight *= sy;
			cal.xOrigin /= sx;
			cal.yOrigin /= sy;
		}
		return cal;
	}

	private static Plane values(final ImageProcessor ip, final Calibration cal, final int type) {
		final int w = ip.getWidth();
		final int h = ip.getHeight();
		final float[] out = new float[w * h];
		switch (type) {
			case ImagePlus.GRAY8, ImagePlus.GRAY16 -> {
				final float[] table = cal.calibrated() ? cal.getCTable() : null;
				for (int i = 0; i < out.length; i++) {
					final int raw = ip.get(i);
					out[i] = table != null && raw < table.length ? table[raw] : raw;
				}
			}
			case ImagePlus.GRAY32 -> System.arraycopy((float[]) ip.getPixels(), 0, out, 0, out.length);
			default -> {
				final int[] rgb = (int[]) ip.convertToRGB().getPixels();
				for (int i = 0; i < out.length; i++) {
					final int c = rgb[i];
					out[i] = (float) (LUMA_R * ((c >> 16) & 0xff) + LUMA_G * ((c >> 8) & 0xff) + LUMA_B * (c & 0xff));
				}
			}
		}
		return new Plane(w, h, out);
	}
}
