package org.hourglass.benchmark.denoise;

import java.util.Arrays;

/**
 * The scores of one method on every image of a benchmark set.
 *
 * @param method the method's name, e.g. {@code Gaussian blur}
 * @param notes what it is, e.g. its parameters or how a model was trained
 * @param psnr PSNR in dB per image, in the set's order
 * @param ssim SSIM per image, in the set's order
 */
public record MethodResult(String method, String notes, double[] psnr, double[] ssim) {

	public MethodResult {
		if (psnr.length != ssim.length || psnr.length == 0) {
			throw new IllegalArgumentException("one PSNR and one SSIM per image expected, got " + psnr.length +
				" and " + ssim.length);
		}
		psnr = psnr.clone();
		ssim = ssim.clone();
	}

	@Override
	public double[] psnr() {
		return psnr.clone();
	}

	@Override
	public double[] ssim() {
		return ssim.clone();
	}

	/** The mean PSNR over the set, in dB (the mean of the images' PSNRs, as the literature reports it). */
	public double meanPsnr() {
		return Arrays.stream(psnr).average().orElseThrow();
	}

	public double meanSsim() {
		return Arrays.stream(ssim).average().orElseThrow();
	}
}
