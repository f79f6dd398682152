package org.hourglass.distribution;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipFile;

import org.hourglass.distribution.fuzz.Json;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;

/** Images the command-line tests write for themselves, and what a model file says about its training. */
final class TestImages {

	private TestImages() {}

	/** A noisy {@code w x h} 32-bit image of {@code planes} slices, saved as TIFF. */
	static Path noisy(final Path file, final int w, final int h, final int planes, final long seed) {
		final ImagePlus imp = IJ.createImage("noisy", "32-bit black", w, h, planes);
		final SplittableRandom r = new SplittableRandom(seed);
		for (int z = 1; z <= planes; z++) {
			final float[] v = (float[]) imp.getStack().getPixels(z);
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					v[y * w + x] = (float) (80 + 60 * Math.sin(x / 6.0 + z) * Math.cos(y / 7.0) + 12 * r.nextGaussian());
				}
			}
		}
		final FileSaver saver = new FileSaver(imp);
		if (!(planes > 1 ? saver.saveAsTiffStack(file.toString()) : saver.saveAsTiff(file.toString()))) {
			throw new IllegalStateException("cannot write " + file);
		}
		return file;
	}

	/** The training loss of every epoch in a model file's (or checkpoint's) history, oldest first. */
	@SuppressWarnings("unchecked")
	static List<Double> trainingLosses(final Path model) throws Exception {
		try (ZipFile z = new ZipFile(model.toFile())) {
			final Map<String, Object> root = (Map<String, Object>) Json.parse(new String(z.getInputStream(z.getEntry(
				"hourglass-model.json")).readAllBytes(), StandardCharsets.UTF_8));
			final List<Object> history = (List<Object>) ((Map<String, Object>) root.get("training")).get("history");
			final List<Double> out = new ArrayList<>();
			for (final Object e : history) out.add(((Number) ((Map<String, Object>) e).get("trainingLoss")).doubleValue());
			return out;
		}
	}
}
