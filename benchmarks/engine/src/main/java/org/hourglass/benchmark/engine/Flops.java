package org.hourglass.benchmark.engine;

import org.hourglass.api.network.NetworkSpec;

/**
 * Floating-point operations of a convolutional network, counted the way the reference script counts them:
 * only the convolutions (2 per multiply-add); a training step is forward + weight gradients + input
 * gradients, and the first convolution needs no input gradient.
 */
public final class Flops {

	private Flops() {}

	/** Multiply-adds of one forward pass over a {@code patch}×{@code patch} input. */
	public static long forwardMacs(final NetworkSpec net, final int patch) {
		final long k2 = (long) net.kernelSize() * net.kernelSize();
		final int[] enc = net.encoderFilters();
		final int[] dec = net.decoderFilters();
		long macs = 0;
		int channels = net.inputChannels();
		int scale = 1;
		final int[] skipChannels = new int[enc.length];
		for (int level = 0; level < enc.length; level++) {
			if (level > 0) scale *= 2;
			final long pixels = pixels(patch, scale);
			for (int i = 0; i < net.convsPerLevel(); i++) {
				macs += k2 * channels * enc[level] * pixels;
				channels = enc[level];
			}
			skipChannels[level] = channels;
		}
		for (int level = 0; level < dec.length; level++) {
			scale /= 2;
			if (net.skipsAt(enc.length - 2 - level)) channels += skipChannels[enc.length - 2 - level];
			final long pixels = pixels(patch, scale);
			for (int i = 0; i < net.convsPerLevel(); i++) {
				macs += k2 * channels * dec[level] * pixels;
				channels = dec[level];
			}
		}
		return macs + k2 * channels * net.outputChannels() * pixels(patch, scale);
	}

	/** Floating-point operations of one forward pass per patch. */
	public static long forward(final NetworkSpec net, final int patch) {
		return 2 * forwardMacs(net, patch);
	}

	/** Floating-point operations of one training step per patch. */
	public static long training(final NetworkSpec net, final int patch) {
		final long firstConv = 2L * net.kernelSize() * net.kernelSize() * net.inputChannels() *
			net.encoderFilters()[0] * patch * patch;
		return 3 * forward(net, patch) - firstConv;
	}

	private static long pixels(final int patch, final int scale) {
		final long side = patch / scale;
		return side * side;
	}
}
