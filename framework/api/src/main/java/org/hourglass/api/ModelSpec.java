package org.hourglass.api;

import java.util.Map;
import java.util.TreeMap;

import org.hourglass.api.image.Normalization;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.NetworkSpec;

/**
 * Everything a variant declares about a model before it is trained.
 *
 * @param variant the variant's id, e.g. {@code denoise}; a model loaded for another variant is refused
 * @param variantVersion version of the variant's model conventions, for the variant to check
 * @param network the network
 * @param loss the training loss
 * @param normalization how inputs are normalised
 * @param properties variant-specific facts to keep with the model (e.g. how it was trained), string to
 *          string, sorted
 */
public record ModelSpec(String variant, int variantVersion, NetworkSpec network, Loss loss,
	Normalization normalization, Map<String, String> properties)
{

	public ModelSpec {
		if (variant == null || !variant.matches("[a-z][a-z0-9-]{0,39}")) {
			throw new IllegalArgumentException("variant id must be lower-case letters, digits or '-', got " + variant);
		}
		if (network == null || loss == null || normalization == null) {
			throw new IllegalArgumentException("network, loss and normalisation are required");
		}
		if (loss.kl() != null && network.latent().kind() != org.hourglass.api.network.Latent.Kind.GAUSSIAN) {
			throw new IllegalArgumentException("a KL term needs a Gaussian latent");
		}
		properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
	}

	/** A copy with one more property. */
	public ModelSpec withProperty(final String key, final String value) {
		final Map<String, String> p = new TreeMap<>(properties);
		p.put(key, value);
		return new ModelSpec(variant, variantVersion, network, loss, normalization, p);
	}
}
