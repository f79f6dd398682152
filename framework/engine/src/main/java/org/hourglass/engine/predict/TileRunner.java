package org.hourglass.engine.predict;

/** Runs the network on a batch of equally sized blocks, in the normalised range. */
@FunctionalInterface
public interface TileRunner {

	/**
	 * @param blocks {@code count × inChannels × height × width} values, block after block, channel by channel,
	 *          row by row
	 * @return {@code count × outChannels × (height·upscale) × (width·upscale)} output values in the same layout
	 * @throws OutOfMemoryError (or a native allocation failure) if the batch does not fit in memory
	 */
	float[] run(float[] blocks, int count, int height, int width);
}
