package org.hourglass.autoencoder;

import java.util.Arrays;
import java.util.Map;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.network.Activation;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.imagej.variant.NormalizationChoice;
import org.hourglass.imagej.variant.VariantDescriptor;

/**
 * What makes the autoencoder variant: its id, its network, its losses and its normalisations, in one place.
 * <p>
 * <b>Network.</b> The lesson's convolutional autoencoder: levels of one 3×3 ReLU convolution followed by 2×2
 * max pooling (by default three, of 16, 8 and 8 filters), then the code, then the mirror-image decoder (×2
 * up-sampling and a convolution per level, 8, 8 and 16 filters) and a final convolution to the image. The
 * code is either <i>convolutional</i> — one more convolution, whose feature map is the code (for 32×32 images
 * and 8 channels: 8×4×4 = 128 values, the lesson's) — or <i>dense</i>: the deepest feature map flattened into
 * a vector of {@code d} values by a dense layer, and back (d = 2 gives a map of the images without PCA).
 * Images are placed on a square canvas whose side is a multiple of 2^levels ({@link Canvas}).
 * <p>
 * <b>Loss.</b> Mean squared error, or binary cross-entropy for images whose intensities are a fixed range
 * mapped to [0, 1] (8-bit images with the 0–255 normalisation, e.g. digits); a BCE model ends in a sigmoid,
 * an MSE model in a linear output.
 * <p>
 * <b>Normalisation.</b> The fixed 0–255 range for 8-bit images, per-image percentiles (1 % to 99.8 %) for
 * others (microscopy of any bit depth).
 */
public final class AutoencoderVariant {

	/** The variant id: models of other variants are refused. */
	public static final String ID = "autoencoder";

	/** Version of the conventions of autoencoder models (the properties below). */
	public static final int VERSION = 1;

	/** The shipped model with a 2-D code that commands use when none is named (maps). */
	public static final String SAMPLE_MODEL = "autoencoder-digits-d2";

	/** The shipped model with a 16-value code (similar images, classification). */
	public static final String SAMPLE_MODEL_16 = "autoencoder-digits-d16";

	/** The variant, as the framework knows it. */
	public static final VariantDescriptor DESCRIPTOR = new VariantDescriptor(ID, VERSION, "Autoencoder",
		SAMPLE_MODEL);

	/** Filters of the lesson's three convolution-and-pooling levels. */
	public static final String DEFAULT_FILTERS = "16,8,8";
	/** Channels of the lesson's convolutional code. */
	public static final int DEFAULT_CODE_SIZE = 8;

	public static final int MAX_LEVELS = 6;
	public static final int MAX_FILTERS = 512;
	public static final int MAX_DENSE_CODE = 4096;

	/** Model property: width of the images the model was trained on (before the canvas). */
	public static final String PROP_IMAGE_WIDTH = "imageWidth";
	/** Model property: height of the images the model was trained on. */
	public static final String PROP_IMAGE_HEIGHT = "imageHeight";
	/** Model property: how images are padded onto the canvas, {@value Canvas#PAD_MINIMUM}. */
	public static final String PROP_PADDING = "padding";

	/** Names of the code choices in the commands. */
	public static final String LATENT_CONVOLUTIONAL = "convolutional";
	public static final String LATENT_DENSE = "dense";

	/** Names of the loss choices. */
	public static final String LOSS_MSE = "mse";
	public static final String LOSS_BCE = "bce";

	private AutoencoderVariant() {}

	/**
	 * The filters of each convolution-and-pooling level from a comma-separated list, e.g. {@code 16,8,8}.
	 *
	 * @throws InvalidInputException if it is not 1 to {@value #MAX_LEVELS} whole numbers from 1 to
	 *           {@value #MAX_FILTERS}
	 */
	public static int[] filters(final String list) {
		final String text = list == null ? "" : list.strip();
		final String[] parts = text.isEmpty() ? new String[0] : text.split("\\s*,\\s*");
		if (parts.length < 1 || parts.length > MAX_LEVELS) {
			throw new InvalidInputException("Filters must list the filters of 1 to " + MAX_LEVELS + " levels, e.g. " +
				DEFAULT_FILTERS + "; got '" + text + "'.");
		}
		final int[] out = new int[parts.length];
		for (int i = 0; i < parts.length; i++) {
			try {
				out[i] = Integer.parseInt(parts[i]);
			}
			catch (final NumberFormatException e) {
				out[i] = -1;
			}
			if (out[i] < 1 || out[i] > MAX_FILTERS) {
				throw new InvalidInputException("Filters must be whole numbers from 1 to " + MAX_FILTERS + ", e.g. " +
					DEFAULT_FILTERS + "; got '" + parts[i] + "' in '" + text + "'.");
			}
		}
		return out;
	}

	/**
	 * The autoencoder for images on a {@code side}×{@code side} canvas.
	 *
	 * @param filters filters of each convolution-and-pooling level
	 * @param latent {@value #LATENT_CONVOLUTIONAL} or {@value #LATENT_DENSE}
	 * @param codeSize channels of a convolutional code, values of a dense one
	 * @param side the canvas side, a multiple of 2^levels
	 * @param loss the reconstruction loss (a BCE network ends in a sigmoid)
	 * @throws InvalidInputException if a choice is unknown or a size out of range
	 */
	public static NetworkSpec network(final int[] filters, final String latent, final int codeSize, final int side,
		final LossTerm.Kind loss)
	{
		checkCode(latent, codeSize);
		final boolean dense = isDense(latent);
		final int[] encoder = Arrays.copyOf(filters, filters.length + 1);
		encoder[filters.length] = dense ? filters[filters.length - 1] : codeSize;
		final int[] decoder = new int[filters.length];
		for (int i = 0; i < filters.length; i++) decoder[i] = filters[filters.length - 1 - i];
		return NetworkSpec.encoderDecoder(encoder, decoder).withLatent(dense ? Latent.dense(codeSize) : Latent
			.convolutional(), side).withOutput(false, loss == LossTerm.Kind.BCE ? Activation.SIGMOID
				: Activation.LINEAR);
	}

	/**
	 * Checks a code choice and size.
	 *
	 * @throws InvalidInputException if the choice is unknown or the size is below 1 or too large
	 */
	public static void checkCode(final String latent, final int codeSize) {
		final boolean dense = isDense(latent);
		if (codeSize < 1) {
			throw new InvalidInputException("The code size must be at least 1 (" + (dense ? "values of the dense code"
				: "channels of the convolutional code") + "), got " + codeSize + ".");
		}
		final int max = dense ? MAX_DENSE_CODE : MAX_FILTERS;
		if (codeSize > max) {
			throw new InvalidInputException("The code size of a " + latent + " code can be at most " + max + ", got " +
				codeSize + ".");
		}
	}

	/** Convolution-and-pooling levels of a network made by {@link #network}. */
	public static int levels(final NetworkSpec network) {
		return network.encoderFilters().length - 1;
	}

	/**
	 * True for {@value #LATENT_DENSE}, false for {@value #LATENT_CONVOLUTIONAL}.
	 *
	 * @throws InvalidInputException for anything else
	 */
	public static boolean isDense(final String latent) {
		if (LATENT_DENSE.equals(latent)) return true;
		if (LATENT_CONVOLUTIONAL.equals(latent) || latent == null) return false;
		throw new InvalidInputException("Unknown code '" + latent + "'; expected " + LATENT_CONVOLUTIONAL + " or " +
			LATENT_DENSE + ".");
	}

	/** The loss called {@value #LOSS_MSE} or {@value #LOSS_BCE}. */
	public static LossTerm.Kind loss(final String choice) {
		if (LOSS_MSE.equals(choice) || choice == null) return LossTerm.Kind.MSE;
		if (LOSS_BCE.equals(choice)) return LossTerm.Kind.BCE;
		throw new InvalidInputException("Unknown loss '" + choice + "'; expected " + LOSS_MSE + " or " + LOSS_BCE +
			".");
	}

	/**
	 * Binary cross-entropy compares intensities in [0, 1]: only a fixed range maps every training image there.
	 *
	 * @throws InvalidInputException for BCE with any other normalisation
	 */
	public static void checkLoss(final LossTerm.Kind loss, final Normalization normalization) {
		if (loss == LossTerm.Kind.BCE && normalization.mode() != Normalization.Mode.FIXED) {
			throw new InvalidInputException("Loss " + LOSS_BCE + " compares intensities between 0 and 1, which only " +
				"the fixed " + NormalizationChoice.RANGE_8BIT + " range of 8-bit images guarantees; these images are normalised by " +
				"percentiles, so choose loss=" + LOSS_MSE + " (or convert the images to 8-bit).");
		}
	}

	/** The model spec of a new autoencoder for images of {@code canvas}. */
	public static ModelSpec spec(final NetworkSpec network, final LossTerm.Kind loss,
		final Normalization normalization, final Canvas canvas)
	{
		checkLoss(loss, normalization);
		return new ModelSpec(ID, VERSION, network, Loss.of(loss), normalization, Map.of(PROP_IMAGE_WIDTH, Integer
			.toString(canvas.width()), PROP_IMAGE_HEIGHT, Integer.toString(canvas.height()), PROP_PADDING,
			Canvas.PAD_MINIMUM));
	}
}
