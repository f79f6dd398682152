package org.hourglass.api;

import java.nio.file.Path;
import java.util.List;

import org.hourglass.api.image.ChannelNormalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.image.PlanePart;
import org.hourglass.api.image.Region;

/**
 * A network with its weights and metadata, ready to predict. Holds native memory: close it (use
 * try-with-resources). Prediction methods are safe to call from several threads at once.
 * <p>
 * Planes carry the network's input channels (one plane per image, its channels together); every method
 * normalises its inputs as the model was trained and maps outputs back to the input's intensity range.
 */
public interface Model extends AutoCloseable {

	/** Metadata and training history. */
	ModelInfo info();

	/**
	 * Applies the whole network to a plane of any size, tile by tile. The output is {@code upscale} times the
	 * input size, with the network's output channels. Memory use is bounded by tile and batch size.
	 *
	 * @throws InvalidInputException if the plane has non-finite values, the wrong number of channels or, for
	 *           a fixed-size network, the wrong size
	 * @throws java.util.concurrent.CancellationException if {@code progress} was cancelled
	 */
	Plane predict(Plane input, PredictOptions options, Progress progress);

	/**
	 * The normalisation {@link #predict} applies to {@code input}: the input's own (percentiles) or the one fixed
	 * at training. A part of a plane is predicted with its whole plane's.
	 *
	 * @throws InvalidInputException if the input has non-finite values
	 */
	ChannelNormalization normalization(Plane input);

	/**
	 * The region of a {@code fullWidth}×{@code fullHeight} plane that {@link #predictPart} reads to give
	 * {@code wanted}: {@code wanted} with the halo of every tile that contributes to it, within the plane.
	 *
	 * @throws InvalidInputException for a fixed-size network, which sees whole images only
	 */
	Region inputFor(int fullWidth, int fullHeight, Region wanted, PredictOptions options);

	/**
	 * Region {@code part.wanted()} of {@link #predict}'s result for the whole plane (output size {@code upscale}
	 * times the region), computed from the pixels of {@code part.crop()} only: the same tiles, blocks and blending
	 * as for the whole plane, so with {@code params} = {@link #normalization} of the whole plane the values are
	 * those of the whole plane's result (to the last bit, unless the normalisation is a mean and standard deviation
	 * of each image, whose sums the 8 symmetries may round differently). The crop must hold {@link #inputFor} the
	 * wanted region. Unlike a whole plane, a part does not retry with smaller tiles when memory runs out.
	 *
	 * @throws InvalidInputException if the crop does not have the crop region's size, does not hold what the
	 *           wanted region needs, has non-finite values or the wrong channels, or the network has a fixed size
	 * @throws java.util.concurrent.CancellationException if {@code progress} was cancelled
	 */
	Plane predictPart(Plane crop, PlanePart part, ChannelNormalization params, PredictOptions options,
		Progress progress);

	/**
	 * Applies the network to whole planes of one size, {@code batchSize} at a time, without tiling: for many
	 * small images (a stack of cells, digits) and for fixed-size networks. Each plane is normalised on its own
	 * (or with the model's fixed normalisation).
	 *
	 * @throws InvalidInputException if the planes differ in size, have non-finite values, the wrong number of
	 *           channels or a size the network cannot take
	 * @throws java.util.concurrent.CancellationException if {@code progress} was cancelled
	 */
	List<Plane> apply(List<Plane> inputs, int batchSize, Progress progress);

	/**
	 * The latent codes of planes of one size, in batches: for a vector latent its values ({@code z_mean} and
	 * {@code z_log_sigma} for a Gaussian one), for a convolutional latent the deepest feature map, flattened
	 * with its shape.
	 *
	 * @throws InvalidInputException if the network has no latent code (a U-Net's skips bypass it), or the
	 *           planes differ in size or have a size the network cannot take
	 */
	List<Encoding> encode(List<Plane> inputs);

	/**
	 * Decodes latent codes into planes of the network's output size (for a Gaussian latent: the decoder
	 * applied to {@code z}), in batches. Each code has {@link #codeShape()}'s values.
	 * <p>
	 * Range: the network's output mapped back by the normalisation fixed at training (a fixed range, the
	 * training data's mean and standard deviation, or none). Under per-image percentile normalisation there is
	 * no image to take the range from, and the values stay in the normalised range (about 0 to 1).
	 *
	 * @throws InvalidInputException if the network has no fixed-size latent code, or a code has the wrong length
	 */
	List<Plane> decode(List<float[]> codes);

	/**
	 * The shape of the codes {@link #encode} gives and {@link #decode} takes: {@code [size]} for a vector latent,
	 * {@code [channels, height, width]} for the convolutional latent of a fixed-size network.
	 *
	 * @throws InvalidInputException if the network has no latent code or its code size depends on the image
	 */
	int[] codeShape();

	/** Writes the model file atomically: the file appears complete or not at all. */
	void save(Path file);

	/** Frees native memory; the model cannot be used afterwards. */
	@Override
	void close();
}
