package org.hourglass.api.network;

/**
 * The bottleneck of an encoder/decoder network.
 *
 * @param kind what the bottleneck is
 * @param size the length of the latent vector for {@link Kind#DENSE} and {@link Kind#GAUSSIAN}; 0 for
 *          {@link Kind#CONVOLUTIONAL}
 */
public record Latent(Kind kind, int size) {

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

	/** True if the network has a latent vector (and therefore a fixed input size). */
	public boolean isVector() {
		return kind != Kind.CONVOLUTIONAL;
	}
}
