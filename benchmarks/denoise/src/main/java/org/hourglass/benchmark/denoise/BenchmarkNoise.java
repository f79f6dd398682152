package org.hourglass.benchmark.denoise;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.hourglass.api.image.Plane;
import org.hourglass.denoise.SyntheticNoise;
import org.hourglass.imagej.OutputFolder;

import ij.ImagePlus;
import ij.process.FloatProcessor;

/**
 * The noisy test images: white Gaussian noise of standard deviation {@code sigma} (on the 0–255 scale)
 * added to each clean image, not clipped, so values may fall below 0 or above 255.
 * <p>
 * <b>Seeds.</b> Image {@code i} (from 0, in file-name order) gets its own generator,
 * {@code new SplittableRandom(s_i)}, where {@code s_i} is the {@code (i + 1)}-th {@code nextLong()} of
 * {@code new SplittableRandom(seed)}; its pixels draw {@code nextGaussian()} row by row. So an image's noise
 * depends only on the seed and its position in the set, not on the other images or on what else the run
 * computes; and the images' generators are unrelated (seeds that differ by the generator's own increment
 * would give shifted copies of one stream).
 */
public final class BenchmarkNoise {

	private BenchmarkNoise() {}

	/** The seed of the noise of image {@code index} (from 0). */
	public static long imageSeed(final long seed, final int index) {
		if (index < 0) throw new IllegalArgumentException("image index must be >= 0, got " + index);
		final SplittableRandom seeds = new SplittableRandom(seed);
		long s = 0;
		for (int i = 0; i <= index; i++) s = seeds.nextLong();
		return s;
	}

	/**
	 * The noisy version of every clean plane.
	 *
	 * @throws IllegalArgumentException if {@code sigma} is not positive
	 */
	public static List<Plane> add(final List<Plane> clean, final double sigma, final long seed) {
		final SyntheticNoise noise = SyntheticNoise.gaussian(sigma);
		final List<Plane> noisy = new ArrayList<>(clean.size());
		for (int i = 0; i < clean.size(); i++) {
			noisy.add(noise.apply(clean.get(i), new SplittableRandom(imageSeed(seed, i))));
		}
		return noisy;
	}

	/** The names the noisy images are written under: each clean image's base name with {@code .tif}. */
	public static List<String> fileNames(final BenchmarkImages images) {
		return images.files().stream().map(OutputFolder::tiffName).toList();
	}

	/**
	 * Writes the noisy planes as 32-bit TIFFs into {@code folder}, never over an existing file (call
	 * {@link OutputFolder#requireFree} with {@link #fileNames} first to check them all before writing any).
	 *
	 * @return the files written
	 */
	public static List<Path> write(final OutputFolder folder, final BenchmarkImages images,
		final List<Plane> noisy)
	{
		final List<String> names = fileNames(images);
		final List<Path> written = new ArrayList<>(names.size());
		for (int i = 0; i < names.size(); i++) {
			final Plane p = noisy.get(i);
			final String base = names.get(i).substring(0, names.get(i).length() - ".tif".length());
			final ImagePlus image = new ImagePlus(base, new FloatProcessor(p.width(), p.height(), p.data().clone()));
			written.add(folder.writeTiff(image, names.get(i)));
		}
		return written;
	}
}
