package org.hourglass.api.network;

import java.util.Arrays;

/**
 * A convolutional encoder/decoder, described by what it is rather than how it is built; the engine
 * turns it into a computation graph. All convolutions use 'same' padding.
 * <p>
 * Shape: level {@code i} of the encoder has {@code convsPerLevel} convolutions with
 * {@code encoderFilters[i]} filters, and levels are separated by 2×2 max pooling, so the input is
 * down-sampled {@code 2^(encoderFilters.length - 1)} times. Then the {@link #latent() latent}. The
 * decoder has one level per entry of {@code decoderFilters}, each a ×2 nearest-neighbour up-sampling
 * followed by its convolutions; with {@code skipConnections} each decoder level first concatenates the
 * encoder's output of the same resolution (a U-Net). Then {@code log2(upscale)} more up-sampling levels
 * (super-resolution), and a final convolution to {@code outputChannels} with {@code outputActivation}.
 * With {@code residual} the (up-sampled) input is added to the output: the network learns a correction.
 * <p>
 * Example, the reference network of the speed benchmark:
 * {@code encoderFilters [32, 64, 64], decoderFilters [32, 32], convsPerLevel 1, kernel 3, ReLU, linear output}.
 *
 * @param inputChannels channels of the input
 * @param outputChannels channels of the output
 * @param encoderFilters filters per encoder level, at least one level
 * @param decoderFilters filters per decoder level; for a full-resolution output as many as there are
 *          poolings ({@code encoderFilters.length - 1})
 * @param convsPerLevel convolutions per level, at least 1
 * @param kernelSize odd convolution kernel size
 * @param activation activation after each hidden convolution
 * @param skipConnections U-Net skip connections from encoder to decoder levels of the same resolution
 * @param latent the bottleneck
 * @param inputSize for a vector latent: the fixed width and height of the input; otherwise 0
 * @param upscale output size ÷ input size: 1, 2 or 4
 * @param residual add the (up-sampled) input to the output
 * @param outputActivation activation of the final convolution
 */
public record NetworkSpec(int inputChannels, int outputChannels, int[] encoderFilters, int[] decoderFilters,
	int convsPerLevel, int kernelSize, Activation activation, boolean skipConnections, Latent latent,
	int inputSize, int upscale, boolean residual, Activation outputActivation)
{

	public NetworkSpec {
		encoderFilters = encoderFilters.clone();
		decoderFilters = decoderFilters.clone();
		require(inputChannels >= 1 && outputChannels >= 1, "channels must be at least 1");
		require(encoderFilters.length >= 1, "the encoder needs at least one level");
		require(Arrays.stream(encoderFilters).allMatch(f -> f >= 1) &&
			Arrays.stream(decoderFilters).allMatch(f -> f >= 1), "filter counts must be at least 1");
		require(decoderFilters.length <= encoderFilters.length - 1,
			"the decoder cannot have more levels (" + decoderFilters.length + ") than the encoder pools (" +
				(encoderFilters.length - 1) + ")");
		require(convsPerLevel >= 1, "convsPerLevel must be at least 1");
		require(kernelSize >= 1 && kernelSize % 2 == 1, "kernel size must be odd, got " + kernelSize);
		require(upscale == 1 || upscale == 2 || upscale == 4, "upscale must be 1, 2 or 4, got " + upscale);
		require(latent != null && activation != null && outputActivation != null,
			"latent and activations are required");
		require(latent.isVector() == (inputSize > 0), latent.isVector()
			? "a " + latent.kind() + " latent needs a fixed input size"
			: "a convolutional network takes any input size; inputSize must be 0");
		require(inputSize == 0 || inputSize % downsampling(encoderFilters.length) == 0,
			"input size " + inputSize + " must be a multiple of " + downsampling(encoderFilters.length));
		require(!skipConnections || !latent.isVector(), "skip connections cannot bypass a vector latent");
		require(decoderFilters.length == encoderFilters.length - 1 || !skipConnections && !residual,
			"skip connections and residual output need a full-resolution decoder");
		require(!residual || inputChannels == outputChannels, "a residual network needs as many output as input channels");
	}

	private static int downsampling(final int levels) {
		return 1 << (levels - 1);
	}

	private static void require(final boolean ok, final String message) {
		if (!ok) throw new IllegalArgumentException("invalid network: " + message);
	}

	/** A U-Net of the given depth (poolings) and first-level width; filters double per level. */
	public static NetworkSpec unet(final int depth, final int filters, final boolean residual) {
		final int[] enc = new int[depth + 1];
		final int[] dec = new int[depth];
		for (int i = 0; i <= depth; i++) enc[i] = filters << i;
		for (int i = 0; i < depth; i++) dec[i] = filters << (depth - 1 - i);
		return new NetworkSpec(1, 1, enc, dec, 2, 3, Activation.RELU, true, Latent.convolutional(), 0, 1,
			residual, Activation.LINEAR);
	}

	/** The input width and height must be a multiple of this. */
	public int downsamplingFactor() {
		return downsampling(encoderFilters.length);
	}

	/**
	 * The receptive field radius in input pixels: how far an output pixel sees. Tiled prediction uses
	 * it as the minimum halo.
	 */
	public int receptiveFieldRadius() {
		final int r = kernelSize / 2;
		int radius = 0;
		int scale = 1;
		for (int level = 0; level < encoderFilters.length; level++) {
			radius += convsPerLevel * r * scale;
			if (level < encoderFilters.length - 1) {
				radius += scale; // 2x2 pooling
				scale *= 2;
			}
		}
		for (int level = 0; level < decoderFilters.length; level++) {
			scale /= 2;
			radius += convsPerLevel * r * scale;
		}
		return radius + r;
	}

	@Override
	public int[] encoderFilters() {
		return encoderFilters.clone();
	}

	@Override
	public int[] decoderFilters() {
		return decoderFilters.clone();
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof NetworkSpec n && n.inputChannels == inputChannels &&
			n.outputChannels == outputChannels && Arrays.equals(n.encoderFilters, encoderFilters) &&
			Arrays.equals(n.decoderFilters, decoderFilters) && n.convsPerLevel == convsPerLevel &&
			n.kernelSize == kernelSize && n.activation == activation && n.skipConnections == skipConnections &&
			n.latent.equals(latent) && n.inputSize == inputSize && n.upscale == upscale &&
			n.residual == residual && n.outputActivation == outputActivation;
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(encoderFilters) * 31 + Arrays.hashCode(decoderFilters) * 17 + latent.hashCode();
	}

	@Override
	public String toString() {
		return "NetworkSpec[enc=" + Arrays.toString(encoderFilters) + ", dec=" + Arrays.toString(decoderFilters) +
			", convs=" + convsPerLevel + ", k=" + kernelSize + ", skip=" + skipConnections + ", latent=" + latent +
			", inputSize=" + inputSize + ", upscale=" + upscale + ", residual=" + residual + "]";
	}
}
