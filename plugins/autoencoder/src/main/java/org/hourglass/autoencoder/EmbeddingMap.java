package org.hourglass.autoencoder;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hourglass.api.analysis.Pca;
import org.hourglass.api.image.Plane;
import org.hourglass.imagej.codes.ScatterPlot;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/**
 * A 2-D map of images from their codes, beside the PCA map of the same images' pixels: the code itself when it
 * has two values, else its first two principal components; the images' first two principal components on the
 * right. Both coloured by label, with a legend, optionally with thumbnails of the images at their points.
 *
 * @param codePoints {@code codePoints[i]} = the code map's {x, y} of image i
 * @param pixelPoints {@code pixelPoints[i]} = the PCA map's {x, y} of image i
 * @param codeAxes the code map's axis names
 * @param codeVariance fraction of the codes' variance the code map shows (1 for a 2-value code)
 * @param pixelVariance fraction of the pixels' variance the PCA map shows
 */
public record EmbeddingMap(float[][] codePoints, float[][] pixelPoints, String[] codeAxes, double codeVariance,
	double pixelVariance)
{

	/** Images larger than this many pixels are scaled down for the pixel PCA (it builds a pixels² matrix). */
	static final int MAX_PCA_PIXELS = 48 * 48;

	/** Size of each of the two plots, in pixels. */
	static final int PLOT_WIDTH = 560;
	static final int PLOT_HEIGHT = 480;
	private static final int TITLE_BAND = 24;

	/**
	 * The maps of images with {@code codes} and pixels {@code images} (as the network sees them: normalised).
	 *
	 * @throws IllegalArgumentException if there are fewer than two images, or codes and images differ in number
	 */
	public static EmbeddingMap of(final List<float[]> codes, final List<Plane> images) {
		if (codes.size() < 2 || codes.size() != images.size()) {
			throw new IllegalArgumentException("a map needs codes and pixels of at least two images, got " + codes
				.size() + " and " + images.size());
		}
		final int d = codes.get(0).length;
		final float[][] codePoints;
		final String[] axes;
		final double codeVariance;
		if (d <= 2) {
			codePoints = new float[codes.size()][];
			for (int i = 0; i < codes.size(); i++) codePoints[i] = new float[] { codes.get(i)[0], d == 2 ? codes.get(
				i)[1] : 0 };
			axes = d == 2 ? new String[] { "z0", "z1" } : new String[] { "z0", "" };
			codeVariance = 1;
		}
		else {
			final Pca pca = Pca.fit(codes, 2);
			codePoints = project(pca, codes);
			axes = new String[] { "code PC1", "code PC2" };
			codeVariance = explained(pca, codes);
		}
		final List<float[]> pixels = pixelVectors(images);
		final Pca pixelPca = Pca.fit(pixels, 2);
		return new EmbeddingMap(codePoints, project(pixelPca, pixels), axes, codeVariance, explained(pixelPca,
			pixels));
	}

	/**
	 * The two maps side by side as one RGB figure.
	 *
	 * @param title the figure's title
	 * @param codeTitle the code map's title, e.g. the model's name
	 * @param labels the label of each image, or {@code null} for one colour
	 * @param thumbnails the images to draw at their points, or {@code null}
	 * @param maxThumbnails at most this many thumbnails, spread over the images
	 */
	public ImagePlus figure(final String title, final String codeTitle, final List<String> labels,
		final List<ImageProcessor> thumbnails, final int maxThumbnails)
	{
		final Plot code = ScatterPlot.plot(codeTitle, codeAxes[0], codeAxes[1], codePoints, labels);
		final Plot pca = ScatterPlot.plot(String.format(Locale.ROOT, "PCA of the pixels (%.0f %% of their variance)",
			100 * pixelVariance), "PC1", "PC2", pixelPoints, labels);
		return ScatterPlot.sideBySide(title, render(code, codePoints, thumbnails, maxThumbnails), render(pca,
			pixelPoints, thumbnails, maxThumbnails));
	}

	private static ImagePlus render(final Plot plot, final float[][] points, final List<ImageProcessor> thumbnails,
		final int max)
	{
		plot.setSize(PLOT_WIDTH, PLOT_HEIGHT);
		final ImagePlus image = thumbnails != null && max > 0 ? ScatterPlot.withThumbnails(plot, points, thumbnails,
			thumbSize(points.length, max), max) : new ImagePlus(plot.getTitle(), plot.getProcessor());
		return titled(image, plot.getTitle());
	}

	/** {@code image} with {@code title} written in a band above it. */
	private static ImagePlus titled(final ImagePlus image, final String title) {
		final ImageProcessor ip = image.getProcessor().convertToRGB();
		final ColorProcessor out = new ColorProcessor(ip.getWidth(), ip.getHeight() + TITLE_BAND);
		out.setColor(Color.WHITE);
		out.fill();
		out.insert(ip, 0, TITLE_BAND);
		out.setColor(Color.BLACK);
		out.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
		out.setAntialiasedText(true);
		out.setJustification(ImageProcessor.CENTER_JUSTIFY);
		out.drawString(title, ip.getWidth() / 2, TITLE_BAND - 6);
		return new ImagePlus(title, out);
	}

	/** Thumbnails shrink as more are drawn, from 28 to 14 pixels. */
	private static int thumbSize(final int points, final int max) {
		return Math.min(points, max) > 200 ? 14 : Math.min(points, max) > 60 ? 20 : 28;
	}

	private static float[][] project(final Pca pca, final List<float[]> vectors) {
		final float[][] out = new float[vectors.size()][];
		for (int i = 0; i < vectors.size(); i++) out[i] = pca.project(vectors.get(i));
		return out;
	}

	/** The fraction of the total variance of {@code vectors} along {@code pca}'s components. */
	private static double explained(final Pca pca, final List<float[]> vectors) {
		final int d = vectors.get(0).length;
		final double[] mean = new double[d];
		for (final float[] v : vectors) for (int i = 0; i < d; i++) mean[i] += v[i];
		for (int i = 0; i < d; i++) mean[i] /= vectors.size();
		double total = 0;
		for (final float[] v : vectors) for (int i = 0; i < d; i++) total += (v[i] - mean[i]) * (v[i] - mean[i]);
		total /= vectors.size() - 1;
		double shown = 0;
		for (final double var : pca.variances()) shown += var;
		return total > 0 ? Math.min(1, shown / total) : 0;
	}

	/** The images' pixels as vectors, scaled down to at most {@link #MAX_PCA_PIXELS} pixels. */
	static List<float[]> pixelVectors(final List<Plane> images) {
		final List<float[]> out = new ArrayList<>(images.size());
		for (final Plane p : images) {
			if (p.pixels() <= MAX_PCA_PIXELS) {
				out.add(p.data());
				continue;
			}
			final double f = Math.sqrt(MAX_PCA_PIXELS / (double) p.pixels());
			final int w = Math.max(1, (int) (p.width() * f));
			final int h = Math.max(1, (int) (p.height() * f));
			final FloatProcessor fp = new FloatProcessor(p.width(), p.height(), p.data().clone());
			fp.setInterpolationMethod(ImageProcessor.BILINEAR);
			out.add((float[]) fp.resize(w, h, true).getPixels());
		}
		return out;
	}
}
