package org.hourglass.api.network;

import java.util.List;

/**
 * The bottleneck of an encoder/decoder network.
 *
 * @param kind what the bottleneck is
 * @param size the length of the latent vector for {@link Kind#DENSE} and {@link Kind#GAUSSIAN}; 0 for
 *          {@link Kind#CONVOLUTIONAL}
 * @param hidden for a vector latent: the widths of dense layers (with the network's activation) between the
 *          encoder's flattened feature map and the code, in order; the decoder has the same layers in reverse
 *          order between the code and the map it decodes. Empty for none, and always for a convolutional latent.
 */
public record Latent(Kind kind, int size, List<Integer> hidden) {

	/** Bottleneck kinds. */
	public enum Kind {
		/** The deepest feature map is the code (of any input size, or of the network's fixed one). */
		CONVOLUTIONAL,
		/** A dense layer to a vector of {@code size}, and back (fixed input size). */
		DENSE,
		/**
		 * A variational bottleneck: dense layers to {@code z_mean} and {@code z_log_sigma}, a sample
		 * {@code z = z_mean + exp(z_log_sigma) * eps} with {@code eps ~ N(0, I)}, and a dense layer back.
		 */
		GAUSSIAN
	}

	public Latent {
		if (kind == null) throw new IllegalArgumentException("latent kind is required");
		if (kind == Kind.CONVOLUTIONAL ? size != 0 : size < 1) {
			throw new IllegalArgumentException(kind + " latent cannot have size " + size);
		}
		hidden = hidden == null ? List.of() : List.copyOf(hidden);
		if (kind == Kind.CONVOLUTIONAL && !hidden.isEmpty()) {
			throw new IllegalArgumentException("a convolutional latent has no dense layers");
		}
		for (final int w : hidden) {
			if (w < 1) throw new IllegalArgumentException("dense layer widths must be at least 1, got " + w);
		}
	}

	/** A latent without hidden dense layers. */
	public Latent(final Kind kind, final int size) {
		this(kind, size, List.of());
	}

	public static Latent convolutional() {
		return new Latent(Kind.CONVOLUTIONAL, 0);
	}

	public static Latent dense(final int size) {
		return new Latent(Kind.DENSE, size);
	}

	public static Latent gaussian(final int size) {
		return new Latent(Kind.GAUSSIAN, size);
	}

	/** The same latent with these hidden dense layers (encoder order; the decoder mirrors them). */
	public Latent withHidden(final int... widths) {
		return new Latent(kind, size, java.util.Arrays.stream(widths).boxed().toList());
	}

	/** True if the network has a latent vector (and therefore a fixed input size). */
	public boolean isVector() {
		return kind != Kind.CONVOLUTIONAL;
	}
}
