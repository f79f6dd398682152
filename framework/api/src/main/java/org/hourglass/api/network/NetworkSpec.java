package org.hourglass.api.network;

import java.util.Arrays;

/**
 * A convolutional encoder/decoder, described by what it is rather than how it is built; the engine
 * turns it into a computation graph. All convolutions use 'same' padding.
 * <p>
 * Shape: level {@code i} of the encoder has {@link Convolutions#perLevel()} convolutions with
 * {@code encoderFilters[i]} filters, and levels are separated by 2×2 pooling, so the input is down-sampled
 * {@code 2^(encoderFilters.length - 1)} times. Then the {@link #latent() latent}. The decoder has one level
 * per entry of {@code decoderFilters}, each a ×2 nearest-neighbour up-sampling followed by its convolutions;
 * with skip connections ({@link #skips()}) each decoder level first concatenates the encoder's output of the
 * same resolution (a U-Net), at every level or at every level but the full-resolution one. Then {@code log2(upscale)} more up-sampling levels (super-resolution), and a final
 * convolution to the output's channels with the output's activation. With a residual output the
 * (up-sampled) input is added to the output: the network learns a correction. A super-resolution network
 * up-samples that input by pixel repetition ({@link Upsampling#NEAREST}) or by bicubic interpolation
 * ({@link Upsampling#BICUBIC}), so that it learns what interpolation misses.
 * <p>
 * Example, the reference network of the speed benchmark:
 * {@code encoderFilters [32, 64, 64], decoderFilters [32, 32], 1 convolution per level, kernel 3, ReLU, linear output}.
 * <p>
 * A <b>dense network</b> has no encoder levels (and no decoder levels): with a vector latent, the input is
 * flattened straight into the latent's dense layers, and the decoder's last dense layer, with the output's
 * activation, is the output (the lesson's dense autoencoders, e.g. 784 → 512 → 2 → 512 → 784). Its
 * {@link #convolutions()} are unused.
 *
 * @param input what the network reads
 * @param encoderFilters filters per encoder level; at least one level, or none for a dense network
 * @param decoderFilters filters per decoder level; for a full-resolution output as many as there are
 *          poolings ({@code encoderFilters.length - 1})
 * @param convolutions the convolutions of every level
 * @param skips U-Net skip connections from encoder to decoder levels of the same resolution
 * @param latent the bottleneck
 * @param output what the network writes
 */
public record NetworkSpec(Input input, int[] encoderFilters, int[] decoderFilters, Convolutions convolutions,
	Skips skips, Latent latent, Output output)
{

	/**
	 * The network's input.
	 *
	 * @param channels channels of the input, at least 1
	 * @param size the fixed width and height of the input, a multiple of the down-sampling factor; 0 = any
	 *          size (only without a vector latent)
	 */
	public record Input(int channels, int size) {

		public Input {
			require(channels >= 1, "input channels must be at least 1, got " + channels);
			require(size >= 0, "input size must be >= 0, got " + size);
		}
	}

	/**
	 * The convolutions of every level.
	 *
	 * @param perLevel convolutions per level, at least 1
	 * @param kernelSize odd convolution kernel size
	 * @param activation activation after each hidden convolution
	 * @param pooling how a level is down-sampled to the next
	 */
	public record Convolutions(int perLevel, int kernelSize, Activation activation, Pooling pooling) {

		public Convolutions {
			require(perLevel >= 1, "convolutions per level must be at least 1, got " + perLevel);
			require(kernelSize >= 1 && kernelSize % 2 == 1, "kernel size must be odd, got " + kernelSize);
			require(activation != null && pooling != null, "activation and pooling are required");
		}
	}

	/** How the encoder halves the resolution between levels. */
	public enum Pooling {
		/** 2×2 max pooling. */
		MAX,
		/**
		 * Max-blur pooling (N2V2): the 2×2 maximum at every position (stride 1), then a 3×3 binomial blur
		 * ({@code [1 2 1]/4} along each axis) with stride 2. Less aliasing than max pooling, whose grid shows as a
		 * checkerboard in blind-spot networks. Output pixel {@code j} is centred where max pooling's is.
		 */
		MAX_BLUR
	}

	/** Which skip connections join encoder and decoder levels of the same resolution. */
	public enum Skips {
		/** None: a plain encoder/decoder. */
		NONE,
		/** At every resolution: a U-Net. */
		ALL,
		/**
		 * At every resolution but the full one (N2V2): the output is not assembled from a barely processed copy of
		 * the input, which in a blind-spot network carries the noise it should not see.
		 */
		BELOW_FULL_RESOLUTION
	}

	/**
	 * How the input is enlarged for a super-resolution network's residual output.
	 */
	public enum Upsampling {
		/** Pixel repetition: each input pixel becomes {@code upscale × upscale} equal pixels. */
		NEAREST,
		/**
		 * Bicubic interpolation as MATLAB's {@code imresize}: Keys' kernel with a = −0.5, pixel centres aligned
		 * ({@code x_in = (x_out + ½) / upscale − ½}), the image mirrored at its edges with the edge pixel repeated.
		 */
		BICUBIC
	}

	/**
	 * The network's output.
	 *
	 * @param channels channels of the output, at least 1
	 * @param upscale output size ÷ input size: 1, 2 or 4
	 * @param residual add the (up-sampled) input to the output
	 * @param activation activation of the final convolution
	 * @param residualUpsampling how the input is enlarged for the residual when {@code upscale > 1}
	 */
	public record Output(int channels, int upscale, boolean residual, Activation activation,
		Upsampling residualUpsampling)
	{

		public Output {
			require(channels >= 1, "output channels must be at least 1, got " + channels);
			require(upscale == 1 || upscale == 2 || upscale == 4, "upscale must be 1, 2 or 4, got " + upscale);
			require(activation != null, "the output activation is required");
			require(residualUpsampling != null, "the residual's up-sampling is required");
		}

		/** An output whose residual, if any, is up-sampled by pixel repetition. */
		public Output(final int channels, final int upscale, final boolean residual, final Activation activation) {
			this(channels, upscale, residual, activation, Upsampling.NEAREST);
		}
	}

	public NetworkSpec {
		require(input != null && convolutions != null && skips != null && latent != null && output != null,
			"input, convolutions, skips, latent and output are required");
		encoderFilters = encoderFilters.clone();
		decoderFilters = decoderFilters.clone();
		require(encoderFilters.length >= 1 || latent.isVector(),
			"the encoder needs at least one level (only a vector latent can do without: a dense network)");
		final boolean skipConnections = skips != Skips.NONE;
		require(encoderFilters.length >= 1 || decoderFilters.length == 0 && output.upscale() == 1 && !skipConnections,
			"a dense network has no decoder levels, skips or up-scaling");
		require(Arrays.stream(encoderFilters).allMatch(f -> f >= 1) &&
			Arrays.stream(decoderFilters).allMatch(f -> f >= 1), "filter counts must be at least 1");
		final int poolings = Math.max(0, encoderFilters.length - 1);
		require(decoderFilters.length <= poolings,
			"the decoder cannot have more levels (" + decoderFilters.length + ") than the encoder pools (" + poolings +
				")");
		require(!latent.isVector() || input.size() > 0, "a " + latent.kind() + " latent needs a fixed input size");
		require(input.size() % downsampling(encoderFilters.length) == 0,
			"input size " + input.size() + " must be a multiple of " + downsampling(encoderFilters.length));
		require(!skipConnections || !latent.isVector(), "skip connections cannot bypass a vector latent");
		require(skips != Skips.BELOW_FULL_RESOLUTION || poolings >= 1,
			"leaving out the full-resolution skip needs at least one pooling");
		require(decoderFilters.length == poolings || !skipConnections && !output.residual(),
			"skip connections and residual output need a full-resolution decoder");
		require(!output.residual() || input.channels() == output.channels(),
			"a residual network needs as many output as input channels");
	}

	private static int downsampling(final int levels) {
		return levels <= 1 ? 1 : 1 << (levels - 1);
	}

	private static void require(final boolean ok, final String message) {
		if (!ok) throw new IllegalArgumentException("invalid network: " + message);
	}

	// -- Factories --

	/**
	 * A single-channel U-Net of the given depth (poolings) and first-level width; filters double per level,
	 * two 3×3 ReLU convolutions per level, linear output.
	 */
	public static NetworkSpec unet(final int depth, final int filters, final boolean residual) {
		final int[] enc = new int[depth + 1];
		final int[] dec = new int[depth];
		for (int i = 0; i <= depth; i++) enc[i] = filters << i;
		for (int i = 0; i < depth; i++) dec[i] = filters << (depth - 1 - i);
		return new NetworkSpec(new Input(1, 0), enc, dec, new Convolutions(2, 3, Activation.RELU, Pooling.MAX),
			Skips.ALL,
			Latent.convolutional(), new Output(1, 1, residual, Activation.LINEAR));
	}

	/**
	 * A single-channel encoder/decoder without skips: one 3×3 ReLU convolution per level, max pooling, a
	 * convolutional latent, any input size, a linear output of the input's resolution if {@code decoder} has a
	 * level per pooling. Change its parts with the {@code with…} methods.
	 */
	public static NetworkSpec encoderDecoder(final int[] encoder, final int[] decoder) {
		return new NetworkSpec(new Input(1, 0), encoder, decoder, new Convolutions(1, 3, Activation.RELU, Pooling.MAX),
			Skips.NONE, Latent.convolutional(), new Output(1, 1, false, Activation.LINEAR));
	}

	/**
	 * A single-channel dense network (see the class description) for {@code inputSize}×{@code inputSize} images:
	 * {@code latent} (a vector latent, whose hidden layers make the network), ReLU, a linear output. Change its
	 * output with {@link #withOutput}.
	 */
	public static NetworkSpec dense(final int inputSize, final Latent latent) {
		return new NetworkSpec(new Input(1, inputSize), new int[0], new int[0], new Convolutions(1, 1, Activation.RELU,
			Pooling.MAX), Skips.NONE, latent, new Output(1, 1, false, Activation.LINEAR));
	}

	/** The same network with another latent and fixed input size (0 = any, only for a convolutional latent). */
	public NetworkSpec withLatent(final Latent l, final int inputSize) {
		return new NetworkSpec(new Input(input.channels(), inputSize), encoderFilters, decoderFilters, convolutions,
			skips, l, output);
	}

	/** The same network with other convolutions (and the same pooling). */
	public NetworkSpec withConvolutions(final int perLevel, final int kernelSize, final Activation a) {
		return new NetworkSpec(input, encoderFilters, decoderFilters, new Convolutions(perLevel, kernelSize, a,
			convolutions.pooling()), skips, latent, output);
	}

	/** The same network with another pooling. */
	public NetworkSpec withPooling(final Pooling p) {
		return new NetworkSpec(input, encoderFilters, decoderFilters, new Convolutions(convolutions.perLevel(),
			convolutions.kernelSize(), convolutions.activation(), p), skips, latent, output);
	}

	/** The same network with U-Net skip connections at every resolution, or without any. */
	public NetworkSpec withSkips(final boolean all) {
		return withSkips(all ? Skips.ALL : Skips.NONE);
	}

	/** The same network with these skip connections. */
	public NetworkSpec withSkips(final Skips s) {
		return new NetworkSpec(input, encoderFilters, decoderFilters, convolutions, s, latent, output);
	}

	/** The same network with a residual output or not, and another output activation. */
	public NetworkSpec withOutput(final boolean residual, final Activation a) {
		return new NetworkSpec(input, encoderFilters, decoderFilters, convolutions, skips, latent,
			new Output(output.channels(), output.upscale(), residual, a, output.residualUpsampling()));
	}

	/** The same network with the residual input enlarged by {@code u} (for {@code upscale > 1}). */
	public NetworkSpec withResidualUpsampling(final Upsampling u) {
		return new NetworkSpec(input, encoderFilters, decoderFilters, convolutions, skips, latent,
			new Output(output.channels(), output.upscale(), output.residual(), output.activation(), u));
	}

	/** The same network with {@code in} input and {@code out} output channels. */
	public NetworkSpec withChannels(final int in, final int out) {
		return new NetworkSpec(new Input(in, input.size()), encoderFilters, decoderFilters, convolutions,
			skips, latent, new Output(out, output.upscale(), output.residual(), output.activation(), output
				.residualUpsampling()));
	}

	/** The same network with a super-resolution output {@code factor} times larger than its input. */
	public NetworkSpec withUpscale(final int factor) {
		return new NetworkSpec(input, encoderFilters, decoderFilters, convolutions, skips, latent,
			new Output(output.channels(), factor, output.residual(), output.activation(), output.residualUpsampling()));
	}

	// -- Derived values --

	public int inputChannels() {
		return input.channels();
	}

	public int outputChannels() {
		return output.channels();
	}

	/** The fixed input width and height, or 0 for any size. */
	public int inputSize() {
		return input.size();
	}

	public int upscale() {
		return output.upscale();
	}

	public boolean residual() {
		return output.residual();
	}

	public Activation outputActivation() {
		return output.activation();
	}

	/** How the input is enlarged for a residual super-resolution output. */
	public Upsampling residualUpsampling() {
		return output.residualUpsampling();
	}

	/** True if the decoder has skip connections (at every resolution or all but the full one). */
	public boolean skipConnections() {
		return skips != Skips.NONE;
	}

	/**
	 * True if the decoder gets the encoder's skip connection at {@code level} poolings below full resolution
	 * (0 = full resolution).
	 */
	public boolean skipsAt(final int level) {
		return skips == Skips.ALL || skips == Skips.BELOW_FULL_RESOLUTION && level > 0;
	}

	public Pooling pooling() {
		return convolutions.pooling();
	}

	public int convsPerLevel() {
		return convolutions.perLevel();
	}

	public int kernelSize() {
		return convolutions.kernelSize();
	}

	public Activation activation() {
		return convolutions.activation();
	}

	/** The input width and height must be a multiple of this. */
	public int downsamplingFactor() {
		return downsampling(encoderFilters.length);
	}

	/** True for a dense network: no convolution levels, see the class description. */
	public boolean isDense() {
		return encoderFilters.length == 0;
	}

	/**
	 * Channels of the deepest encoder level: the channels of a convolutional code (the input's channels for a
	 * dense network).
	 */
	public int codeChannels() {
		return isDense() ? input.channels() : encoderFilters[encoderFilters.length - 1];
	}

	/**
	 * The shape of the latent code of a {@code width}×{@code height} input: {@code [size]} for a vector latent,
	 * {@code [channels, height / f, width / f]} for a convolutional one ({@code f} the down-sampling factor).
	 */
	public int[] codeShape(final int width, final int height) {
		if (latent.isVector()) return new int[] { latent.size() };
		final int f = downsamplingFactor();
		return new int[] { codeChannels(), height / f, width / f };
	}

	/**
	 * The receptive field radius in input pixels: how far an output pixel sees, including the
	 * super-resolution levels. Tiled prediction uses it as the minimum halo.
	 */
	public int receptiveFieldRadius() {
		final int r = kernelSize() / 2;
		final int convs = convsPerLevel();
		int radius = 0;
		int scale = 1;
		for (int level = 0; level < encoderFilters.length; level++) {
			radius += convs * r * scale;
			if (level < encoderFilters.length - 1) {
				// 2x2 pooling reads one more pixel; max-blur pooling's blur 1.5 more on each side, rounded up to 2
				radius += pooling() == Pooling.MAX ? scale : 2 * scale;
				scale *= 2;
			}
		}
		for (int level = 0; level < decoderFilters.length; level++) {
			scale /= 2;
			radius += convs * r * scale;
		}
		// the super-resolution levels work at 2, 4… times the input's resolution: counted at full input pixels,
		// which errs on the safe side
		for (int u = upscale(); u > 1; u /= 2) radius += convs * r;
		// bicubic interpolation of the residual reads 2 input pixels on each side
		final int residualRadius = residual() && upscale() > 1 && residualUpsampling() == Upsampling.BICUBIC ? 2 : 0;
		return Math.max(radius + r, residualRadius);
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
		return o instanceof NetworkSpec n && n.input.equals(input) && Arrays.equals(n.encoderFilters, encoderFilters) &&
			Arrays.equals(n.decoderFilters, decoderFilters) && n.convolutions.equals(convolutions) &&
			n.skips == skips && n.latent.equals(latent) && n.output.equals(output);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(encoderFilters) * 31 + Arrays.hashCode(decoderFilters) * 17 + latent.hashCode() +
			input.hashCode() * 7 + output.hashCode();
	}

	@Override
	public String toString() {
		return "NetworkSpec[" + input + ", enc=" + Arrays.toString(encoderFilters) + ", dec=" + Arrays.toString(
			decoderFilters) + ", " + convolutions + ", skips=" + skips + ", " + latent + ", " + output + "]";
	}
}
