package org.hourglass.api;

/**
 * How to cut an image into tiles for prediction. The engine rounds the tile size to the network's
 * down-sampling factor, never uses a halo smaller than the network's receptive field, and on running
 * out of memory retries with smaller tiles.
 *
 * @param tileSize width and height of a tile's core, 0 = automatic
 * @param halo extra context on each side of a tile, 0 = automatic (the receptive field)
 * @param batchSize tiles predicted together, at least 1; the engine takes fewer when their output would exceed
 *          {@link #BATCH_OUTPUT_PIXELS} (up-scaling networks), so that memory stays bounded
 * @param augment average the predictions of the 8 flips and rotations of the image (test-time augmentation:
 *          8 times the work, usually a cleaner result)
 */
public record PredictOptions(int tileSize, int halo, int batchSize, boolean augment) {

	/**
	 * Output pixels of one batch of tiles, at most (the network's activations, most of prediction's native memory,
	 * grow with them): 4 default tiles of a ×2 network, or one of a ×4 network. An automatic tile shrinks until one
	 * tile's output fits.
	 */
	public static final long BATCH_OUTPUT_PIXELS = 1L << 21;

	public PredictOptions {
		if (tileSize < 0 || halo < 0 || batchSize < 1) {
			throw new IllegalArgumentException("tile size and halo must be >= 0 and batch size >= 1, got " +
				tileSize + ", " + halo + ", " + batchSize);
		}
	}

	public PredictOptions(final int tileSize, final int halo, final int batchSize) {
		this(tileSize, halo, batchSize, false);
	}

	public static PredictOptions defaults() {
		return new PredictOptions(0, 0, 4, false);
	}

	public PredictOptions withTileSize(final int size) {
		return new PredictOptions(size, halo, batchSize, augment);
	}

	public PredictOptions withBatchSize(final int size) {
		return new PredictOptions(tileSize, halo, size, augment);
	}

	public PredictOptions withAugment(final boolean v) {
		return new PredictOptions(tileSize, halo, batchSize, v);
	}
}
