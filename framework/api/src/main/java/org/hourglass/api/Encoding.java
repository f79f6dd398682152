package org.hourglass.api;

/**
 * The latent code of one image.
 *
 * @param mean the code ({@code z_mean} for a Gaussian latent)
 * @param logSigma {@code z_log_sigma} for a Gaussian latent, {@code null} otherwise
 */
public record Encoding(float[] mean, float[] logSigma) {

	public int size() {
		return mean.length;
	}
}
