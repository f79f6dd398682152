package org.hourglass.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.image.Normalization;
import org.hourglass.denoise.DenoiseVariant;
import org.hourglass.engine.Nd4jModelService;
import org.hourglass.superres.SuperResVariant;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageConverter;
import ij.process.ImageProcessor;

/** Small images and models made for the tests: real models (untrained, small networks) of the real engine. */
final class TestData {

	static final ModelService MODELS = new Nd4jModelService();

	private TestData() {}

	/** A denoise model: a depth-1 U-Net of 4 filters. */
	static Path denoiseModel(final Path dir) {
		final Path file = dir.resolve("denoise-tiny.zip");
		try (Model m = MODELS.create(DenoiseVariant.spec(DenoiseVariant.Training.SUPERVISED, 1, 4, Normalization
			.percentile(), "test")))
		{
			m.save(file);
		}
		return file;
	}

	/** A ×2 upscale model: a depth-1 U-Net of 4 filters. */
	static Path upscaleModel(final Path dir) {
		final Path file = dir.resolve("upscale-tiny.zip");
		try (Model m = MODELS.create(SuperResVariant.spec(2, 1, 4, Normalization.percentile(),
			SuperResVariant.FROM_DOWNSCALING, "test", 32)))
		{
			m.save(file);
		}
		return file;
	}

	/**
	 * {@code count} images of {@code size}×{@code size} in a new folder: smooth shapes with noise, 32-bit TIFFs,
	 * every third a stack of 3 slices, the second an 8-bit PNG, calibrated.
	 */
	static Path images(final Path folder, final int count, final int size) throws Exception {
		Files.createDirectories(folder);
		final Random random = new Random(7);
		for (int k = 0; k < count; k++) {
			final int slices = k % 3 == 0 ? 3 : 1;
			final ImageStack stack = new ImageStack(size, size);
			for (int s = 0; s < slices; s++) stack.addSlice(noisy(size, random));
			final ImagePlus imp = new ImagePlus("image-" + k, stack);
			imp.getCalibration().pixelWidth = 0.25;
			imp.getCalibration().pixelHeight = 0.25;
			imp.getCalibration().setUnit("um");
			if (k == 1) {
				new ImageConverter(imp).convertToGray8();
				new FileSaver(imp).saveAsPng(folder.resolve("image-" + k + ".png").toString());
			}
			else if (slices > 1) new FileSaver(imp).saveAsTiffStack(folder.resolve("image-" + k + ".tif").toString());
			else new FileSaver(imp).saveAsTiff(folder.resolve("image-" + k + ".tif").toString());
		}
		return folder;
	}

	/** An RGB image of {@code size}×{@code size}. */
	static void rgb(final Path file, final int size) {
		final Random random = new Random(3);
		final ColorProcessor cp = new ColorProcessor(size, size);
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				cp.set(x, y, (x * 4 & 0xff) << 16 | (y * 4 & 0xff) << 8 | random.nextInt(256));
			}
		}
		new FileSaver(new ImagePlus("colour", cp)).saveAsPng(file.toString());
	}

	/** The image files of a folder, sorted by name. */
	static List<Path> files(final Path folder) throws Exception {
		try (var s = Files.list(folder)) {
			return new ArrayList<>(s.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList());
		}
	}

	private static ImageProcessor noisy(final int size, final Random random) {
		final FloatProcessor fp = new FloatProcessor(size, size);
		final double cx = size * (0.3 + 0.4 * random.nextDouble());
		final double cy = size * (0.3 + 0.4 * random.nextDouble());
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				final double r = Math.hypot(x - cx, y - cy);
				fp.setf(x, y, (float) (100 + 80 * Math.exp(-r * r / (size * size / 16.0)) + 10 * random.nextGaussian()));
			}
		}
		return fp;
	}
}
