package org.hourglass.benchmark.vae;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.io.AtomicFiles;
import org.hourglass.imagej.codes.ImageSet;
import org.hourglass.imagej.codes.Labels;
import org.hourglass.imagej.codes.ScatterPlot;
import org.hourglass.vae.Decoded;
import org.hourglass.vae.Encodings;
import org.hourglass.vae.ImageFrame;
import org.hourglass.vae.LatentCodes;
import org.hourglass.vae.NormalQuantile;

import ij.ImagePlus;
import ij.gui.Plot;

/**
 * The benchmark's pictures of a 2-dimensional model, as the Latent Grid and Latent Map commands draw them: the
 * 15×15 grid of decoded codes at the normal's 5 %–95 % quantiles, and the test digits' {@code z_mean}
 * coloured by digit. Written as PNG files, atomically.
 */
final class Figures {

	static final int GRID_STEPS = 15;
	static final double GRID_SPREAD = 0.9;

	private Figures() {}

	/** Writes the grid and the map (each if its file is given). */
	static void write(final Model m, final List<ImageSet.Item> test, final ImagePlus testStack, final File grid,
		final File map, final boolean overwrite)
	{
		final ImageFrame frame = ImageFrame.of(m.info().spec());
		if (grid != null) {
			final double[] axis = NormalQuantile.axis(GRID_STEPS, GRID_SPREAD);
			final List<float[]> codes = LatentCodes.grid(new float[2], 0, 1, axis, axis);
			final ImagePlus montage = Decoded.montage("latent grid", Decoded.decode(m, frame, codes), GRID_STEPS);
			montage.setDisplayRange(0, 255);
			writePng(grid.toPath(), montage.getProcessor().convertToByte(true).getBufferedImage(), overwrite);
		}
		if (map != null) {
			final List<float[]> means = Encodings.means(Encodings.rows(m, frame, test));
			final float[][] points = means.toArray(float[][]::new);
			final Plot plot = ScatterPlot.plot("MNIST test digits in the latent space", "z_mean0", "z_mean1", points,
				Labels.fromSliceLabels(testStack));
			writePng(map.toPath(), plot.getImagePlus().getBufferedImage(), overwrite);
		}
	}

	/** @throws InvalidInputException if {@code p} exists and may not be replaced, or its folder is missing */
	static void requireWritable(final Path p, final boolean overwrite) {
		final Path folder = p.toAbsolutePath().getParent();
		if (folder == null || !Files.isDirectory(folder)) {
			throw new InvalidInputException("The folder of " + p + " does not exist: create it first.");
		}
		if (Files.exists(p) && !overwrite) {
			throw new InvalidInputException("The file " + p + " exists already. Choose another name, or replace it " +
				"(overwrite=true).");
		}
	}

	static void writeText(final Path p, final String text, final boolean overwrite) {
		try {
			AtomicFiles.writeString(p, text, overwrite);
		}
		catch (final FileAlreadyExistsException e) {
			throw new InvalidInputException("The file " + p + " exists already (overwrite=true replaces it).");
		}
		catch (final IOException e) {
			throw new UncheckedIOException(p + ": " + e.getMessage(), e);
		}
	}

	private static void writePng(final Path p, final BufferedImage image, final boolean overwrite) {
		try {
			final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			if (!ImageIO.write(image, "png", bytes)) throw new IOException("no PNG writer");
			AtomicFiles.writeBytes(p, bytes.toByteArray(), overwrite);
		}
		catch (final FileAlreadyExistsException e) {
			throw new InvalidInputException("The file " + p + " exists already (overwrite=true replaces it).");
		}
		catch (final IOException e) {
			throw new UncheckedIOException(p + ": " + e.getMessage(), e);
		}
	}
}
