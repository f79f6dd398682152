package org.hourglass.benchmark.superres;

/**
 * One method's scores at one factor, image by image.
 *
 * @param method what was measured, e.g. {@code bicubic} or a model's name
 * @param factor 2 or 4
 * @param notes how the method works or was trained
 * @param psnr PSNR (dB) per image, in the set's order
 * @param ssim SSIM per image
 * @param trainingMinutes a model's training time as recorded in its file, NaN for bicubic
 */
public record Scores(String method, int factor, String notes, double[] psnr, double[] ssim,
	double trainingMinutes)
{

	public double meanPsnr() {
		return mean(psnr);
	}

	public double meanSsim() {
		return mean(ssim);
	}

	private static double mean(final double[] v) {
		double s = 0;
		for (final double x : v) s += x;
		return s / v.length;
	}
}
