package org.hourglass.engine.network;

import org.hourglass.api.network.Latent;
import org.hourglass.api.network.NetworkSpec;

/**
 * How many weights a network has at least, counted from its spec without building it: its encoder's and decoder's
 * convolution kernels and its dense latent layers. A model file whose spec needs far more weights than the file
 * holds was changed (or is hostile): building it would allocate what the spec says, possibly without end.
 */
public final class NetworkSize {

	private NetworkSize() {}

	/** A lower bound on the number of weight values of a network of {@code spec} (a double: it may be huge). */
	public static double minimumWeights(final NetworkSpec spec) {
		final double k2 = (double) spec.kernelSize() * spec.kernelSize();
		final int convs = spec.convsPerLevel();
		double n = 0;
		double channels = spec.inputChannels();
		for (final int f : spec.encoderFilters()) {
			n += k2 * channels * f + (convs - 1) * k2 * f * f;
			channels = f;
		}
		final Latent latent = spec.latent();
		if (latent.isVector()) {
			final double side = (double) spec.inputSize() / spec.downsamplingFactor();
			final double flat = channels * side * side;
			n += (latent.kind() == Latent.Kind.GAUSSIAN ? 3 : 2) * flat * latent.size();
		}
		for (final int d : spec.decoderFilters()) {
			// the first convolution of a level reads at least one channel
			n += d + (convs - 1) * k2 * d * d;
			channels = d;
		}
		return n + k2 * channels * spec.outputChannels();
	}
}
