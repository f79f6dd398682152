package org.hourglass.superres;

import java.util.Map;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.imagej.variant.VariantDescriptor;

/**
 * What makes the super-resolution variant: its id, its network, its normalisation and its loss, in one place.
 * <p>
 * <b>Network.</b> A U-Net on the low-resolution image (default depth 2, 32 filters in the first level, two
 * 3×3 ReLU convolutions per level), then one ×2 up-sampling level per factor of 2 (each a folded
 * up-convolution and a convolution at the new resolution), then a 3×3 convolution to one channel. The output
 * is residual: the network adds its correction to the input enlarged by bicubic interpolation (exactly
 * {@link Bicubic#upscale}), so an untrained network starts near bicubic interpolation and training learns only
 * the detail that interpolation misses. All the U-Net's work is at the low resolution, which
 * keeps a ×4 network affordable on a CPU; being fully convolutional, a model applies to any image size.
 * <p>
 * <b>Normalisation.</b> Per-image percentiles (1 % to 99.8 %) by default, so that one model serves 8-bit
 * photographs and 16-bit microscopy alike; or the fixed range 0–255, or the training data's mean and
 * standard deviation. <b>Loss.</b> Mean squared error against the high-resolution image, the quantity PSNR
 * measures.
 */
public final class SuperResVariant {

	/** The variant id: models of other variants are refused. */
	public static final String ID = "upscale";

	/** Version of the conventions of upscale models (the properties below). */
	public static final int VERSION = 1;

	/** The shipped ×2 and ×4 models for grey images. */
	public static final String SAMPLE_MODEL_X2 = "upscale-x2";
	public static final String SAMPLE_MODEL_X4 = "upscale-x4";

	/** The variant as the framework knows it; the ×2 model is the default. */
	public static final VariantDescriptor DESCRIPTOR = new VariantDescriptor(ID, VERSION, "Upscale", SAMPLE_MODEL_X2);

	/** Model property: how the training pairs were made, {@value #FROM_DOWNSCALING} or {@value #FROM_PAIRS}. */
	public static final String PROP_TRAINING = "training";
	/** Model property: a description of the training pairs. */
	public static final String PROP_PAIRS = "pairs";
	/** Model property: the high-resolution patch size it was trained with. */
	public static final String PROP_PATCH = "patchSize";

	public static final String FROM_DOWNSCALING = "downscaled";
	public static final String FROM_PAIRS = "pairs";

	public static final int DEFAULT_DEPTH = 2;
	public static final int DEFAULT_FILTERS = 32;

	private SuperResVariant() {}

	/**
	 * @throws InvalidInputException unless {@code factor} is 2 or 4
	 */
	public static int requireFactor(final int factor) {
		if (factor != 2 && factor != 4) {
			throw new InvalidInputException("The factor must be 2 or 4, got " + factor + ".");
		}
		return factor;
	}

	/** The network of a new model: see the class description. */
	public static NetworkSpec network(final int factor, final int depth, final int filters) {
		requireFactor(factor);
		if (depth < 1 || depth > 4) {
			throw new InvalidInputException("Network depth must be between 1 and 4, got " + depth + ".");
		}
		if (filters < 1 || filters > 256) {
			throw new InvalidInputException("Filters must be between 1 and 256, got " + filters + ".");
		}
		return NetworkSpec.unet(depth, filters, true).withUpscale(factor).withResidualUpsampling(
			NetworkSpec.Upsampling.BICUBIC);
	}

	/** Mean squared error. */
	public static Loss loss() {
		return Loss.of(LossTerm.Kind.MSE);
	}

	/** The spec of a new model. */
	public static ModelSpec spec(final int factor, final int depth, final int filters,
		final Normalization normalization, final String training, final String pairs, final int patchSize)
	{
		return new ModelSpec(ID, VERSION, network(factor, depth, filters), loss(), normalization, Map.of(PROP_TRAINING,
			training, PROP_PAIRS, pairs, PROP_PATCH, Integer.toString(patchSize)));
	}

	/** How many times larger a model's output is than its input. */
	public static int factorOf(final Model model) {
		return model.info().spec().network().upscale();
	}

	/** The shipped model for a factor. */
	public static String sampleModel(final int factor) {
		return requireFactor(factor) == 4 ? SAMPLE_MODEL_X4 : SAMPLE_MODEL_X2;
	}

	/**
	 * @param what what the model is for, e.g. "to start from"
	 * @throws InvalidInputException if {@code model} upscales by another factor than {@code asked}
	 */
	public static void requireFactor(final Model model, final int asked, final String what) {
		final int f = factorOf(model);
		if (f != asked) {
			throw new InvalidInputException("The model " + what + " upscales x" + f + ", but factor=" + asked +
				" was asked for. Choose a x" + asked + " model (" + sampleModel(asked) + " ships with Hourglass), or set " +
				"factor=" + f + ".");
		}
	}
}
