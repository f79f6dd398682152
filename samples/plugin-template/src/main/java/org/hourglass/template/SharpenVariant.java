package org.hourglass.template;

import java.util.Map;

import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.imagej.variant.VariantDescriptor;

/**
 * The Sharpen variant, the smallest real one: a network that learns to undo a Gaussian blur of known width
 * from sharp example images. What makes it a variant is all here: its id, its network, its loss and its
 * normalisation; its training pairs are {@link BlurPairs}.
 */
public final class SharpenVariant {

	/** Models of other variants are refused by its commands. */
	public static final VariantDescriptor DESCRIPTOR = new VariantDescriptor("sharpen", 1, "Sharpen", null);

	/** Model property: the blur the model undoes. */
	static final String PROP_SIGMA = "sigma";

	private SharpenVariant() {}

	/** A small residual U-Net (depth 1, 16 filters): it learns the detail the blur removed. */
	static ModelSpec spec(final double sigma) {
		return new ModelSpec(DESCRIPTOR.id(), DESCRIPTOR.version(), NetworkSpec.unet(1, 16, true), Loss.of(
			LossTerm.Kind.MSE), Normalization.percentile(), Map.of(PROP_SIGMA, Double.toString(sigma)));
	}
}
