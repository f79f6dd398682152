package org.hourglass.denoise;

import java.util.Map;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.imagej.variant.VariantDescriptor;

/**
 * What makes the denoise variant: its id, its network, its normalisation and its losses, in one place.
 * <p>
 * <b>Network.</b> A U-Net (default depth 2, 32 filters in the first level, two 3×3 convolutions per level,
 * ReLU, linear output), as Noise2Void and CARE use: the skip connections keep fine detail, and depth 2 sees
 * 24 pixels in every direction, enough context for pixel noise while staying fast on a CPU.
 * <ul>
 * <li>Supervised training adds the input to the output ({@code residual}): the network learns the noise to
 * remove (as DnCNN), which trains faster and keeps intensities where there is little to correct.</li>
 * <li>So does self-supervised training by neighbour sub-sampling: its target is another noisy pixel, never
 * the input's own, so the identity is no shortcut there either.</li>
 * <li>Blind-spot training does not: in training, the value at a masked pixel is a neighbour's, so a
 * residual path would learn corrections relative to a random neighbour; in prediction it would then add
 * the pixel's own noisy value, which the blind-spot network was never allowed to see (Noise2Void also trains
 * without it).</li>
 * <li>Self-supervised training defaults to N2V2's changes: max-blur pooling, and for the blind spot no skip
 * connection at full resolution, so its output is not built from a barely processed copy of the noisy input.
 * A residual network keeps that skip: it corrects each input pixel, which needs full-resolution features.</li>
 * </ul>
 * <b>Normalisation.</b> Per-image percentiles (1 % to 99.8 %, as CSBDeep) by default: robust to the bit
 * depth and exposure of microscopy images. For 8-bit natural-image benchmarks, the fixed range 0–255, so
 * every image is scaled the same way. Or mean and standard deviation of the training data (as Noise2Void).
 * <p>
 * <b>Loss.</b> MSE, but masked MSE (on the blind-spot pixels only) for blind-spot training.
 * <p>
 * <b>Channels.</b> Each channel on its own by default (a single-channel network); or all channels together,
 * a network that reads and writes C channels and can use what the channels share.
 */
public final class DenoiseVariant {

	/** The variant id: models of other variants are refused. */
	public static final String ID = "denoise";

	/** Version of the conventions of denoise models (the properties below). */
	public static final int VERSION = 1;

	/** The sample model that ships, used when no model is named. */
	public static final String SAMPLE_MODEL = "denoise-sample";

	/** The variant, as the framework knows it. */
	public static final VariantDescriptor DESCRIPTOR = new VariantDescriptor(ID, VERSION, "Denoise", SAMPLE_MODEL);

	public static final int DEFAULT_DEPTH = 2;
	public static final int DEFAULT_FILTERS = 32;

	/** Model property: how the model was trained, {@link Training#id()}. */
	public static final String PROP_TRAINING = "training";
	/** Model property: the blind-spot neighbourhood radius, or the synthetic noise, or "pairs". */
	public static final String PROP_PAIRS = "pairs";

	/** How a denoise model learns. */
	public enum Training {
		/** From noisy/clean pairs or clean images with synthetic noise. */
		SUPERVISED("supervised"),
		/** From noisy images alone, by blind-spot masking. */
		SELF_SUPERVISED("self-supervised"),
		/** From noisy images alone, by neighbour sub-sampling. */
		SELF_SUPERVISED_NEIGHBOUR("self-supervised-neighbour");

		private final String id;

		Training(final String id) {
			this.id = id;
		}

		public String id() {
			return id;
		}
	}

	private DenoiseVariant() {}

	/** The default network for a training mode: a depth-2, 32-filter U-Net, residual except for blind-spot training. */
	public static NetworkSpec network(final Training training, final int depth, final int filters) {
		return network(training, depth, filters, 1);
	}

	/** The network for a training mode, reading and writing {@code channels} channels. */
	public static NetworkSpec network(final Training training, final int depth, final int filters,
		final int channels)
	{
		if (depth < 1 || depth > 5) {
			throw new InvalidInputException("Network depth must be between 1 and 5, got " + depth + ".");
		}
		if (filters < 1 || filters > 256) {
			throw new InvalidInputException("Filters must be between 1 and 256, got " + filters + ".");
		}
		return NetworkSpec.unet(depth, filters, training != Training.SELF_SUPERVISED).withChannels(channels, channels);
	}

	/** The loss of a training mode: MSE, or MSE on the masked pixels only for blind-spot training. */
	public static Loss loss(final Training training) {
		return Loss.of(training == Training.SELF_SUPERVISED ? LossTerm.Kind.MASKED_MSE : LossTerm.Kind.MSE);
	}

	/** The model spec of a new single-channel denoise model. */
	public static ModelSpec spec(final Training training, final int depth, final int filters,
		final Normalization normalization, final String pairs)
	{
		return spec(training, depth, filters, 1, normalization, pairs);
	}

	/** The model spec of a new denoise model of {@code channels} channels. */
	public static ModelSpec spec(final Training training, final int depth, final int filters, final int channels,
		final Normalization normalization, final String pairs)
	{
		return spec(training, network(training, depth, filters, channels), normalization, pairs);
	}

	/** The model spec of a new denoise model with this network (e.g. {@link #network} with N2V2's changes). */
	public static ModelSpec spec(final Training training, final NetworkSpec network, final Normalization normalization,
		final String pairs)
	{
		return new ModelSpec(ID, VERSION, network, loss(training), normalization, Map.of(PROP_TRAINING, training.id(),
			PROP_PAIRS, pairs));
	}

	/** Pooling choices of the training commands. */
	public static final String POOL_MAX = "max";
	public static final String POOL_MAX_BLUR = "max-blur";

	/** The pooling called {@code choice}: {@value #POOL_MAX} or {@value #POOL_MAX_BLUR}. */
	public static NetworkSpec.Pooling pooling(final String choice) {
		if (POOL_MAX.equals(choice)) return NetworkSpec.Pooling.MAX;
		if (POOL_MAX_BLUR.equals(choice)) return NetworkSpec.Pooling.MAX_BLUR;
		throw new InvalidInputException("Pooling must be " + POOL_MAX + " or " + POOL_MAX_BLUR + ", got '" + choice +
			"'.");
	}
}
