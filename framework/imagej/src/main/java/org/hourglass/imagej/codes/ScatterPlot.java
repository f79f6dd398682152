package org.hourglass.imagej.codes;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

/**
 * 2-D maps of codes: a scatter plot with one colour per label and a legend (labels in natural order: 2 before
 * 10), optionally with small images drawn at their points, and two maps side by side (an autoencoder's map
 * beside PCA's).
 */
public final class ScatterPlot {

	/** Ten distinct colours, then they repeat. */
	static final Color[] PALETTE = { new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(
		0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(
			0xbcbd22), new Color(0x17becf) };

	private ScatterPlot() {}

	/**
	 * @param points {@code points[i]} = {x, y} of image i
	 * @param labels the label of each point, or {@code null} for one colour
	 */
	public static Plot plot(final String title, final String xLabel, final String yLabel, final float[][] points,
		final List<String> labels)
	{
		if (labels != null && labels.size() != points.length) {
			throw new IllegalArgumentException(points.length + " labels expected, got " + labels.size());
		}
		final Plot plot = new Plot(title, xLabel, yLabel);
		final Map<String, List<Integer>> groups = new LinkedHashMap<>();
		for (final String l : labels == null ? List.<String> of("") : sorted(labels)) groups.put(l, new ArrayList<>());
		for (int i = 0; i < points.length; i++) groups.get(labels == null ? "" : labels.get(i)).add(i);
		double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
		double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
		for (final float[] p : points) {
			x0 = Math.min(x0, p[0]);
			x1 = Math.max(x1, p[0]);
			y0 = Math.min(y0, p[1]);
			y1 = Math.max(y1, p[1]);
		}
		final double mx = x1 > x0 ? (x1 - x0) * 0.05 : 1;
		final double my = y1 > y0 ? (y1 - y0) * 0.05 : 1;
		plot.setLimits(x0 - mx, x1 + mx, y0 - my, y1 + my);
		int set = 0;
		for (final Map.Entry<String, List<Integer>> g : groups.entrySet()) {
			final double[] xs = g.getValue().stream().mapToDouble(i -> points[i][0]).toArray();
			final double[] ys = g.getValue().stream().mapToDouble(i -> points[i][1]).toArray();
			plot.addPoints(xs, ys, Plot.DOT);
			final Color c = PALETTE[set % PALETTE.length];
			final String hex = String.format("#%06x", c.getRGB() & 0xffffff);
			plot.setStyle(set++, hex + "," + hex + ",3,dot");
		}
		plot.setColor(Color.BLACK);
		if (labels != null) plot.addLegend(String.join("\n", groups.keySet()));
		return plot;
	}

	/**
	 * The plot as an RGB image with {@code thumbnails.get(i)} (any grey image) drawn, {@code size} pixels wide,
	 * centred at point i; at most {@code max} of them, spread evenly over the points, so the map stays readable.
	 */
	public static ImagePlus withThumbnails(final Plot plot, final float[][] points,
		final List<ImageProcessor> thumbnails, final int size, final int max)
	{
		final ImageProcessor canvas = plot.getProcessor().convertToRGB();
		final int step = Math.max(1, (int) Math.ceil(points.length / (double) Math.max(1, max)));
		for (int i = 0; i < points.length; i += step) {
			final ImageProcessor t = thumbnails.get(i).duplicate();
			t.resetMinAndMax();
			t.setInterpolationMethod(ImageProcessor.BILINEAR);
			final ImageProcessor small = t.resize(size, Math.max(1, size * t.getHeight() / t.getWidth())).convertToRGB();
			final int x = (int) Math.round(plot.scaleXtoPxl(points[i][0])) - small.getWidth() / 2;
			final int y = (int) Math.round(plot.scaleYtoPxl(points[i][1])) - small.getHeight() / 2;
			canvas.insert(small, x, y);
		}
		return new ImagePlus(plot.getTitle(), canvas);
	}

	/** Two images side by side on white, top-aligned, as one RGB image. */
	public static ImagePlus sideBySide(final String title, final ImagePlus left, final ImagePlus right) {
		final ImageProcessor a = left.getProcessor().convertToRGB();
		final ImageProcessor b = right.getProcessor().convertToRGB();
		final ColorProcessor out = new ColorProcessor(a.getWidth() + b.getWidth(), Math.max(a.getHeight(), b
			.getHeight()));
		out.setColor(Color.WHITE);
		out.fill();
		out.insert(a, 0, 0);
		out.insert(b, a.getWidth(), 0);
		return new ImagePlus(title, out);
	}

	/** The distinct labels, numbers by value before other text in alphabetical order. */
	static List<String> sorted(final List<String> labels) {
		final TreeSet<String> set = new TreeSet<>((p, q) -> {
			final boolean np = isNumber(p);
			final boolean nq = isNumber(q);
			if (np && nq) return Double.compare(Double.parseDouble(p), Double.parseDouble(q)) != 0 ? Double.compare(
				Double.parseDouble(p), Double.parseDouble(q)) : p.compareTo(q);
			if (np != nq) return np ? -1 : 1;
			return p.compareTo(q);
		});
		set.addAll(labels);
		return new ArrayList<>(set);
	}

	private static boolean isNumber(final String s) {
		try {
			Double.parseDouble(s);
			return true;
		}
		catch (final NumberFormatException e) {
			return false;
		}
	}
}
