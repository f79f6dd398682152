package org.hourglass.engine.network;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How a k×k 'same' convolution of a ×2 nearest up-sampled image splits into convolutions of the image itself,
 * one per output phase (a, b) = (row, column) parity. Output pixel (2i + a, 2j + b) reads up-sampled pixel
 * (2i + a + dy, 2j + b + dx) for dy, dx in [-r, r] (r = k / 2), which is image pixel (i + ⌊(a + dy) / 2⌋,
 * j + ⌊(b + dx) / 2⌋). Those offsets lie in [-rl, rl] with rl = ⌈r / 2⌉, so every phase is a kl×kl
 * convolution (kl = 2 rl + 1) whose weights are sums of the k×k weights; zero padding of the up-sampled image
 * is zero padding of the image, so the borders match exactly.
 *
 * @param lowSize kl
 * @param matrix [kl·kl·4, k·k], rows ordered (ly, lx, a, b), columns (dy, dx): {@code matrix × w.reshape(k·k,
 *        in·out)} reshaped to [kl, kl, 2, 2, in, out] holds the phase kernels
 */
record PhaseKernels(int k, int lowSize, INDArray matrix) {

	static PhaseKernels of(final int k) {
		if (k < 1 || k % 2 == 0) throw new IllegalArgumentException("kernel size must be odd, got " + k);
		final int r = k / 2;
		final int rl = (r + 1) / 2;
		final int kl = 2 * rl + 1;
		final float[][] m = new float[kl * kl * 4][k * k];
		for (int a = 0; a < 2; a++) {
			for (int b = 0; b < 2; b++) {
				for (int dy = -r; dy <= r; dy++) {
					for (int dx = -r; dx <= r; dx++) {
						final int ly = Math.floorDiv(a + dy, 2) + rl;
						final int lx = Math.floorDiv(b + dx, 2) + rl;
						m[((ly * kl + lx) * 2 + a) * 2 + b][(dy + r) * k + dx + r] += 1;
					}
				}
			}
		}
		return new PhaseKernels(k, kl, Nd4j.create(m).castTo(DataType.FLOAT));
	}
}
