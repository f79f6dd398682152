package org.hourglass.vae;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Plane;
import org.hourglass.imagej.codes.ImageSet;

/**
 * How a VAE model's images sit in its network's square input: images of {@code width}×{@code height} are
 * centred on a {@code side}×{@code side} plane filled with {@code padValue} (an intensity that normalises to 0,
 * the background of [0, 1] images), and decoded planes are cropped back to the images' size.
 *
 * @param width width of the model's images
 * @param height height of the model's images
 * @param side the network's input width and height, at least both
 * @param padValue the intensity around the image
 */
public record ImageFrame(int width, int height, int side, float padValue) {

	public ImageFrame {
		if (width < 1 || height < 1 || side < width || side < height) {
			throw new IllegalArgumentException("cannot frame " + width + "x" + height + " images in " + side + "x" + side);
		}
	}

	/**
	 * The frame of a model's spec, from its properties.
	 *
	 * @throws InvalidInputException if the spec has no fixed input size or its properties are missing or wrong
	 */
	public static ImageFrame of(final ModelSpec spec) {
		final int side = spec.network().inputSize();
		try {
			final int w = Integer.parseInt(spec.properties().get(VaeVariant.PROP_WIDTH));
			final int h = Integer.parseInt(spec.properties().get(VaeVariant.PROP_HEIGHT));
			final float pad = Float.parseFloat(spec.properties().get(VaeVariant.PROP_PAD));
			if (side > 0 && w >= 1 && h >= 1 && w <= side && h <= side && Float.isFinite(pad)) {
				return new ImageFrame(w, h, side, pad);
			}
		}
		catch (final NumberFormatException | NullPointerException e) {
			// reported below
		}
		throw new InvalidInputException("This model does not say which image size it was trained on (its properties " +
			VaeVariant.PROP_WIDTH + ", " + VaeVariant.PROP_HEIGHT + " and " + VaeVariant.PROP_PAD + " are missing or " +
			"wrong): it was not made by the variational autoencoder's Train command.");
	}

	/** True if images need padding to reach the network's input. */
	public boolean padded() {
		return width != side || height != side;
	}

	/**
	 * The network input for an image of the model's size.
	 *
	 * @param name the image, for the message
	 * @throws InvalidInputException if the image has another size
	 */
	public Plane toNetwork(final Plane image, final String name) {
		if (image.width() != width || image.height() != height) {
			throw new InvalidInputException(sizeMessage(name, image.width(), image.height()));
		}
		return padded() ? ImageSet.pad(image, side, side, padValue) : image;
	}

	/** The message for an image of {@code w}×{@code h} given to this model. */
	public String sizeMessage(final String name, final int w, final int h) {
		return "Image " + name + " is " + w + "x" + h + " pixels, but this model was trained on " + width + "x" +
			height + " images and takes only those; crop or scale the images to " + width + "x" + height + ", or use a " +
			"model trained on images like them.";
	}

	/** An image of the model's size from a decoded network output. */
	public Plane fromNetwork(final Plane output) {
		return padded() ? ImageSet.unpad(output, width, height) : output;
	}
}
