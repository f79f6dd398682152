package org.hourglass.vae;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.network.Activation;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.imagej.variant.VariantDescriptor;

/**
 * What makes the variational autoencoder variant: its id, its two networks, its loss and its model
 * properties, in one place.
 * <p>
 * <b>Networks.</b> Both end in a {@link Latent.Kind#GAUSSIAN Gaussian latent}: the encoder gives
 * {@code z_mean} and {@code z_log_sigma} of {@code d} dimensions, training decodes a sample
 * {@code z = z_mean + exp(z_log_sigma)·eps}, and the decoder ends in a sigmoid, so images are modelled in [0, 1].
 * <ul>
 * <li><b>Convolutional</b> (the lesson's convolutional autoencoder turned into a VAE, as in its closing exercise):
 * three levels of 3×3 ReLU convolutions with {@code f} (16 by default), {@code 2f}, {@code 2f} filters and two
 * 2×2 poolings (28×28 digits become a 7×7 map), a dense layer of 64 units to the code, and the mirror image back.
 * Images are padded to a multiple of 4 pixels.</li>
 * <li><b>Dense</b> (the lesson's dense VAE): the image flattened, one hidden layer of {@code h} ReLU units (512)
 * to the code and one back, then a dense layer to the image. Any image size, no padding; fast, blurrier.</li>
 * </ul>
 * <b>Loss</b> in nats per image: the reconstruction summed over the image's pixels, binary cross-entropy (for
 * images in [0, 1]: intensities of a fixed range) or squared error, plus β times the KL divergence of
 * {@code N(z_mean, exp(z_log_sigma)²)} from {@code N(0, I)}, β optionally warmed up from 0 over the first epochs.
 * <p>
 * <b>Normalisation</b> is fixed at training, so that generated images come back in the training images'
 * intensities: 0–255 for 8-bit images, otherwise the training images' own minimum and maximum ({@code auto}),
 * or the values as they are ({@code none}, for images already in [0, 1]).
 */
public final class VaeVariant {

	/** The variant id: models of other variants are refused. */
	public static final String ID = "vae";

	/** Version of the conventions of VAE models (the properties below). */
	public static final int VERSION = 1;

	/** The shipped model (MNIST digits, d = 2), used when no model is named. */
	public static final String SAMPLE_MODEL = "vae-digits";

	/** The variant, as the framework knows it. */
	public static final VariantDescriptor DESCRIPTOR = new VariantDescriptor(ID, VERSION, "Variational autoencoder",
		SAMPLE_MODEL);

	/** Model property: {@link Architecture#id()}. */
	public static final String PROP_NETWORK = "network";
	/** Model property: width of the images the model was trained on (before padding). */
	public static final String PROP_WIDTH = "imageWidth";
	/** Model property: height of the images the model was trained on (before padding). */
	public static final String PROP_HEIGHT = "imageHeight";
	/** Model property: the intensity images are padded with to the network's square input (maps to 0). */
	public static final String PROP_PAD = "padValue";

	public static final int DEFAULT_LATENT = 2;
	public static final int DEFAULT_FILTERS = 16;
	public static final int DEFAULT_HIDDEN = 512;
	/** Units of the convolutional VAE's dense layer between its feature map and its code. */
	static final int CONV_DENSE_UNITS = 64;
	/** The largest latent dimension a command accepts. */
	public static final int MAX_LATENT = 512;

	/** Names of the normalisation choices in the commands. */
	public static final String NORM_AUTO = "auto";
	public static final String NORM_RANGE_8BIT = "0-255";
	public static final String NORM_NONE = "none";

	/** The two networks. */
	public enum Architecture {
		CONVOLUTIONAL("convolutional"), DENSE("dense");

		private final String id;

		Architecture(final String id) {
			this.id = id;
		}

		/** How commands and model files name it. */
		public String id() {
			return id;
		}

		/** The architecture called {@code id}. */
		public static Architecture of(final String id) {
			for (final Architecture a : values()) {
				if (a.id.equalsIgnoreCase(id)) return a;
			}
			throw new InvalidInputException("Unknown network '" + id + "'; expected convolutional or dense.");
		}

		/** Image sides must be a multiple of this (the network's down-sampling factor). */
		public int multiple() {
			return this == CONVOLUTIONAL ? 4 : 1;
		}
	}

	private VaeVariant() {}

	/**
	 * The network for {@code side}×{@code side} inputs.
	 *
	 * @param width filters of the first level (convolutional) or hidden units (dense)
	 * @throws InvalidInputException if a number is out of range
	 */
	public static NetworkSpec network(final Architecture architecture, final int side, final int latent,
		final int width)
	{
		if (latent < 1 || latent > MAX_LATENT) {
			throw new InvalidInputException("The latent dimension must be between 1 and " + MAX_LATENT + ", got " +
				latent + ".");
		}
		if (side % architecture.multiple() != 0) throw new IllegalArgumentException("side " + side);
		if (architecture == Architecture.DENSE) {
			if (width < 1 || width > 4096) {
				throw new InvalidInputException("Hidden units must be between 1 and 4096, got " + width + ".");
			}
			return NetworkSpec.dense(side, Latent.gaussian(latent).withHidden(width)).withOutput(false,
				Activation.SIGMOID);
		}
		if (width < 1 || width > 256) {
			throw new InvalidInputException("Filters must be between 1 and 256, got " + width + ".");
		}
		return NetworkSpec.encoderDecoder(new int[] { width, 2 * width, 2 * width }, new int[] { 2 * width, width })
			.withLatent(Latent.gaussian(latent).withHidden(CONV_DENSE_UNITS), side).withOutput(false, Activation.SIGMOID);
	}

	/** The loss: {@code reconstruction} (BCE or MSE) summed over each image's pixels + β·KL. */
	public static Loss loss(final LossTerm.Kind reconstruction, final double beta, final int warmupEpochs) {
		if (!(beta >= 0) || !Double.isFinite(beta) || beta > 1000) {
			throw new InvalidInputException("The KL weight beta must be between 0 and 1000, got " + beta + ".");
		}
		if (warmupEpochs < 0) {
			throw new InvalidInputException("The warm-up must be 0 or more epochs, got " + warmupEpochs + ".");
		}
		return Loss.variational(reconstruction, beta, warmupEpochs);
	}

	/** The reconstruction term called {@code id}: {@code bce} or {@code mse}. */
	public static LossTerm.Kind reconstruction(final String id) {
		return switch (id == null ? "" : id.toLowerCase(Locale.ROOT)) {
			case "bce" -> LossTerm.Kind.BCE;
			case "mse" -> LossTerm.Kind.MSE;
			default -> throw new InvalidInputException("Unknown reconstruction loss '" + id + "'; expected bce (binary " +
				"cross-entropy, for images in [0, 1]) or mse (squared error).");
		};
	}

	/**
	 * The spec of a new VAE model for images of {@code width}×{@code height}, padded with {@code padValue} to the
	 * network's square input of {@code side}.
	 */
	public static ModelSpec spec(final Architecture architecture, final int width, final int height, final int side,
		final int latent, final int networkWidth, final Loss loss, final Normalization normalization,
		final double padValue)
	{
		final Map<String, String> props = new TreeMap<>();
		props.put(PROP_NETWORK, architecture.id());
		props.put(PROP_WIDTH, Integer.toString(width));
		props.put(PROP_HEIGHT, Integer.toString(height));
		props.put(PROP_PAD, Double.toString(padValue));
		return new ModelSpec(ID, VERSION, network(architecture, side, latent, networkWidth), loss, normalization, props);
	}

	/** The square network input side for {@code width}×{@code height} images: the larger side, rounded up. */
	public static int side(final Architecture architecture, final int width, final int height) {
		final int m = architecture.multiple();
		return (Math.max(width, height) + m - 1) / m * m;
	}

	/**
	 * Checks that a loaded model (of this variant: the model service checked that) can generate: it has a
	 * Gaussian latent, knows the size of its images and was trained.
	 *
	 * @param name how messages name the model, e.g. {@code 'vae-digits'}
	 *
	 * @throws InvalidInputException if not
	 */
	public static void requireGenerative(final Model model, final String name) {
		final ModelSpec spec = model.info().spec();
		if (spec.network().latent().kind() != Latent.Kind.GAUSSIAN) {
			throw new InvalidInputException("The model " + name + " has a " + spec.network().latent().kind().name()
				.toLowerCase(Locale.ROOT) + " latent, not a Gaussian one: it cannot generate. Use a model trained with " +
				"the variational autoencoder's Train command.");
		}
		ImageFrame.of(spec);
		if (!model.info().isTrained()) {
			throw new InvalidInputException("The model " + name + " was never trained: train it first.");
		}
	}
}
