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
	/** The reconstruction term of the loss. */
	public static final String RECONSTRUCTION_LOSS = "reconstruction_loss";
	/** The training loss (reconstruction plus weighted KL). */
	public static final String LOSS = "loss";

	private GraphNames() {}
}
