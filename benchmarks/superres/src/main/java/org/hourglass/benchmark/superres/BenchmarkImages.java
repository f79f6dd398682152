package org.hourglass.benchmark.superres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.Plane;

import ij.IJ;
import ij.ImagePlus;

/** A benchmark set: the 8-bit grey or RGB images of a folder (BMP, PNG, TIFF, JPEG), in file-name order. */
public final class BenchmarkImages {

	static final List<String> EXTENSIONS = List.of(".bmp", ".png", ".tif", ".tiff", ".jpg", ".jpeg");

	private BenchmarkImages() {}

	/**
	 * @throws InvalidInputException if the folder is missing, has no image, or an image is not 8-bit grey or RGB
	 */
	public static List<SetImage> load(final Path folder) {
		if (folder == null || !Files.isDirectory(folder)) {
			throw new InvalidInputException("Expected a folder of benchmark images, but " + folder + " is not one.");
		}
		final List<Path> files;
		try (Stream<Path> s = Files.list(folder)) {
			files = s.filter(BenchmarkImages::isImage).sorted().toList();
		}
		catch (final IOException e) {
			throw new UncheckedIOException("cannot list " + folder, e);
		}
		if (files.isEmpty()) {
			throw new InvalidInputException("Folder " + folder + " has no images (expected " + String.join(", ",
				EXTENSIONS) + ").");
		}
		final List<SetImage> images = new ArrayList<>();
		for (final Path f : files) {
			final ImagePlus imp = IJ.openImage(f.toString());
			if (imp == null) throw new InvalidInputException("Cannot read " + f + " as an image.");
			if (imp.getBitDepth() != 8 && imp.getBitDepth() != 24) {
				throw new InvalidInputException("The protocol is for 8-bit images, but " + f.getFileName() + " is " + imp
					.getBitDepth() + "-bit.");
			}
			images.add(new SetImage(f.getFileName().toString(), LiteratureProtocol.luminance(imp)));
		}
		return images;
	}

	/** {@code p} mirrored (edge pixels repeated) to {@code side × side}, for a large real image. */
	public static Plane mirrored(final Plane p, final int side) {
		final float[] v = new float[Math.multiplyExact(side, side)];
		for (int y = 0; y < side; y++) {
			final int sy = mirror(y, p.height());
			for (int x = 0; x < side; x++) v[y * side + x] = p.get(mirror(x, p.width()), sy);
		}
		return new Plane(side, side, v);
	}

	private static int mirror(final int i, final int n) {
		final int m = Math.floorMod(i, 2 * n);
		return m < n ? m : 2 * n - 1 - m;
	}

	private static boolean isImage(final Path f) {
		final String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
		return Files.isRegularFile(f) && !name.startsWith(".") && EXTENSIONS.stream().anyMatch(name::endsWith);
	}
}
