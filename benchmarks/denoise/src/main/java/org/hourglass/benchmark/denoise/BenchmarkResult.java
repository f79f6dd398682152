package org.hourglass.benchmark.denoise;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a denoising benchmark run.
 *
 * @param images the images' file names, in the set's order
 * @param sigma the noise's standard deviation (0–255 scale)
 * @param seed the noise seed
 * @param noisy the noisy input, compared with the clean images
 * @param blur the best Gaussian blur
 * @param blurSigma the blur sigma (pixels) with the best mean PSNR
 * @param models each model's raw output, then the same clipped to [0, 255], model by model
 */
public record BenchmarkResult(List<String> images, double sigma, long seed, MethodResult noisy, MethodResult blur,
	double blurSigma, List<MethodResult> models)
{

	public BenchmarkResult {
		images = List.copyOf(images);
		models = List.copyOf(models);
	}

	/** Every method, in the order of the report: noisy input, blur, models. */
	public List<MethodResult> methods() {
		final List<MethodResult> all = new ArrayList<>();
		all.add(noisy);
		all.add(blur);
		all.addAll(models);
		return all;
	}
}
