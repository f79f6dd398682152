package org.hourglass.api;

import java.nio.file.Path;

import org.hourglass.api.image.Plane;

/**
 * A network with its weights and metadata, ready to predict. Holds native memory: close it (use
 * try-with-resources). Prediction methods are safe to call from several threads at once.
 */
public interface Model extends AutoCloseable {

	/** Metadata and training history. */
	ModelInfo info();

	/**
	 * Applies the whole network to a plane of any size, tile by tile: normalises the input as the model
	 * was trained, predicts, and maps the output back to the input's intensity range.
	 * The output is {@code upscale} times the input size. Memory use is bounded by tile and batch size.
	 *
	 * @throws InvalidInputException if the plane has non-finite values or, for a fixed-size network, the
	 *           wrong size
	 * @throws java.util.concurrent.CancellationException if {@code progress} was cancelled
	 */
	Plane predict(Plane input, PredictOptions options, Progress progress);

	/**
	 * The latent code of a plane of the network's input size.
	 *
	 * @throws InvalidInputException if the network has no vector latent or the plane has the wrong size
	 */
	Encoding encode(Plane input);

	/**
	 * Decodes a latent vector into a plane of the network's input size (for a Gaussian latent: the decoder
	 * applied to {@code z}), in the model's normalised range mapped back by its fixed normalisation.
	 *
	 * @throws InvalidInputException if the network has no vector latent or {@code z} has the wrong length
	 */
	Plane decode(float[] z);

	/** Writes the model file atomically: the file appears complete or not at all. */
	void save(Path file);

	/** Frees native memory; the model cannot be used afterwards. */
	@Override
	void close();
}
