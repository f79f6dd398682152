package org.hourglass.engine.predict;

/** Runs the network on a batch of equally sized single-channel blocks, in the normalised range. */
@FunctionalInterface
public interface TileRunner {

	/**
	 * @param blocks {@code count × height × width} values, block after block, row by row
	 * @return {@code count × (height·upscale) × (width·upscale)} output values in the same layout
	 * @throws OutOfMemoryError (or a native allocation failure) if the batch does not fit in memory
	 */
	float[] run(float[] blocks, int count, int height, int width);
}
