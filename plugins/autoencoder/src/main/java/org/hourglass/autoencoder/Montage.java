package org.hourglass.autoencoder;

import java.awt.Color;
import java.awt.Font;
import java.util.List;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

/**
 * Images side by side in a grid, each enlarged to one tile size with its own display range and a caption below
 * it; the first one framed (the query of a search).
 */
final class Montage {

	/** Tiles are enlarged to at least this many pixels on their longer side. */
	static final int TILE = 96;
	static final int COLUMNS = 9;
	private static final int CAPTION = 30;
	private static final int GAP = 6;

	private Montage() {}

	/**
	 * @param images the images, grey, all of one size
	 * @param captions one or two lines under each image
	 */
	static ImagePlus of(final String title, final List<ImageProcessor> images, final List<String> captions) {
		final int w = images.get(0).getWidth();
		final int h = images.get(0).getHeight();
		final double zoom = Math.max(1, Math.ceil(TILE / (double) Math.max(w, h)));
		final int tw = (int) (w * zoom);
		final int th = (int) (h * zoom);
		final int columns = Math.min(COLUMNS, images.size());
		final int rows = (images.size() + columns - 1) / columns;
		final int cellW = Math.max(tw, 120) + GAP;
		final int cellH = th + CAPTION + GAP;
		final ColorProcessor out = new ColorProcessor(columns * cellW + GAP, rows * cellH + GAP);
		out.setColor(Color.WHITE);
		out.fill();
		out.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		out.setAntialiasedText(true);
		out.setJustification(ImageProcessor.CENTER_JUSTIFY);
		for (int i = 0; i < images.size(); i++) {
			final int x = GAP + i % columns * cellW + (cellW - GAP - tw) / 2;
			final int y = GAP + i / columns * cellH;
			final ImageProcessor ip = images.get(i).duplicate();
			ip.resetMinAndMax();
			ip.setInterpolationMethod(ImageProcessor.NONE);
			out.insert(ip.resize(tw, th).convertToRGB(), x, y);
			if (i == 0) {
				out.setColor(new Color(0xd62728));
				out.setLineWidth(2);
				out.drawRect(x - 2, y - 2, tw + 4, th + 4);
				out.setLineWidth(1);
			}
			out.setColor(Color.BLACK);
			final String[] lines = captions.get(i).split("\n", 2);
			for (int l = 0; l < lines.length; l++) out.drawString(lines[l], x + tw / 2, y + th + 13 + 12 * l);
		}
		return new ImagePlus(title, out);
	}
}
