package org.hourglass.engine.network;

/** Names of the placeholders and outputs of the graphs {@link NetworkBuilder} builds. */
public final class GraphNames {

	/** Input images, [batch, channels, height, width]. */
	public static final String INPUT = "input";
	/** The network's output after the output activation. */
	public static final String OUTPUT = "output";
	/** The output before the output activation. */
	public static final String LOGITS = "logits";
	/** Training target, shaped like the output. */
	public static final String TARGET = "target";
	/** Where a masked loss counts (1) and where not (0), shaped like the output. */
	public static final String MASK = "mask";
	/** Gaussian latent: sampling noise, [batch, size]; zeros give the deterministic code. */
	public static final String EPS = "eps";
	/** The latent vector (input of the decoder graph). */
	public static final String Z = "z";
	public static final String Z_MEAN = "z_mean";
	public static final String Z_LOG_SIGMA = "z_log_sigma";
	/** The convolutional code of a network without skips, NCHW [batch, channels, height, width]. */
	public static final String CODE = "code";
	/** The training loss (the weighted sum of its terms). */
	public static final String LOSS = "loss";

	private GraphNames() {}

	/**
	 * The unweighted value of the loss term called {@code name} (a variable only when the loss has more than one
	 * term or a weight other than 1; otherwise the term is {@link #LOSS} itself).
	 */
	public static String term(final String name) {
		return "term_" + name;
	}

	/** The scalar constant that weighs the loss term called {@code name}. */
	public static String weight(final String name) {
		return "weight_" + name;
	}
}
