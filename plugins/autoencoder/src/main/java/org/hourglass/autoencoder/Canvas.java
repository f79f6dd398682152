package org.hourglass.autoencoder;

import org.hourglass.api.ModelFileException;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Plane;
import org.hourglass.imagej.codes.ImageSet;

/**
 * How images of one size go to an autoencoder: centred on a square canvas whose side is the smallest multiple
 * of 2^levels (the network's down-sampling) that holds them, the rest filled with the image's own minimum (its
 * background: 0 around a digit). A 28×28 digit sits on a 32×32 canvas for three poolings. Reconstructions are
 * cut back to the image.
 *
 * @param width width of the images
 * @param height height of the images
 * @param side the canvas side, at least the larger of the two
 */
public record Canvas(int width, int height, int side) {

	/** The padding rule, as model files name it. */
	public static final String PAD_MINIMUM = "minimum";

	public Canvas {
		if (width < 1 || height < 1 || side < Math.max(width, height)) {
			throw new IllegalArgumentException("a canvas of " + side + " cannot hold images of " + width + "x" + height);
		}
	}

	/** The canvas for images of {@code width}×{@code height} and a network of {@code levels} poolings. */
	public static Canvas fit(final int width, final int height, final int levels) {
		final int f = 1 << levels;
		final int side = (Math.max(width, height) + f - 1) / f * f;
		return new Canvas(width, height, side);
	}

	/**
	 * The canvas of a trained autoencoder: the image size it was trained on, and its network's input size.
	 *
	 * @throws ModelFileException if the model does not say
	 */
	public static Canvas of(final ModelSpec spec) {
		try {
			final int w = Integer.parseInt(spec.properties().get(AutoencoderVariant.PROP_IMAGE_WIDTH));
			final int h = Integer.parseInt(spec.properties().get(AutoencoderVariant.PROP_IMAGE_HEIGHT));
			final String padding = spec.properties().getOrDefault(AutoencoderVariant.PROP_PADDING, PAD_MINIMUM);
			if (!PAD_MINIMUM.equals(padding)) {
				throw new ModelFileException("This autoencoder model pads images by '" + padding + "', which this " +
					"version of Hourglass does not know; update Hourglass.");
			}
			return new Canvas(w, h, spec.network().inputSize());
		}
		catch (final NullPointerException | IllegalArgumentException e) {
			throw new ModelFileException("This autoencoder model does not say which image size it was trained on " +
				"(properties " + AutoencoderVariant.PROP_IMAGE_WIDTH + " and " + AutoencoderVariant.PROP_IMAGE_HEIGHT +
				"); it cannot be used.");
		}
	}

	/** {@code image} (of this canvas's image size) centred on the canvas. */
	public Plane pad(final Plane image) {
		if (image.width() != width || image.height() != height) {
			throw new IllegalArgumentException("expected a " + size() + " image, got " + image);
		}
		if (width == side && height == side) return image;
		float min = Float.POSITIVE_INFINITY;
		for (final float v : image.data()) min = Math.min(min, v);
		return ImageSet.pad(image, side, side, min);
	}

	/** The image part of a canvas-sized plane (a reconstruction). */
	public Plane unpad(final Plane canvas) {
		if (width == side && height == side) return canvas;
		return ImageSet.unpad(canvas, width, height);
	}

	/** The image size as text, e.g. {@code 28x28}. */
	public String size() {
		return width + "x" + height;
	}
}
