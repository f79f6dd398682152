package org.hourglass.spark;

import java.io.Serializable;

/**
 * What the normalisation stage of a {@link VolumeJob} found for a {@link PlaneGroup}: {@code {offset, scale}} of
 * each of its planes, or why its slab cannot be processed, or neither if the slab's result is complete already.
 *
 * @param params each plane's offset and scale, in order, or {@code null}
 * @param refusal the reason the slab is refused (e.g. non-finite values), or {@code null}
 */
record PlaneNormalization(double[][] params, String refusal) implements Serializable {

	/** The slab's result is there already: nothing was read. */
	static final PlaneNormalization COMPLETE = new PlaneNormalization(null, null);
}
