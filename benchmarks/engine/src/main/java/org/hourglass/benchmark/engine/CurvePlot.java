package org.hourglass.benchmark.engine;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import javax.imageio.ImageIO;
import org.hourglass.api.io.AtomicFiles;

/**
 * A PNG line chart of memory samples against steps: resident set size and Java heap in use, one panel per
 * phase. Drawn with Java 2D (headless), so it needs nothing beyond the JDK.
 */
public final class CurvePlot {

	private static final int W = 760;
	private static final int H = 300;
	private static final int LEFT = 70;
	private static final int RIGHT = 20;
	private static final int TOP = 30;
	private static final int BOTTOM = 45;
	private static final Color RSS = new Color(0xC0392B);
	private static final Color HEAP = new Color(0x2471A3);

	private CurvePlot() {}

	/** Writes the chart of {@code samples} to the new {@code file}; see {@link #write(Path, List, boolean)}. */
	public static void write(final Path file, final List<MemorySample> samples) {
		write(file, samples, false);
	}

	/**
	 * Writes the chart of {@code samples} (panels in the order the phases first appear) to {@code file}.
	 *
	 * @param replace whether an existing {@code file} may be replaced; if not, it is left as it is and this throws
	 */
	public static void write(final Path file, final List<MemorySample> samples, final boolean replace) {
		final List<String> phases = samples.stream().map(MemorySample::phase).distinct().toList();
		final BufferedImage img = new BufferedImage(W, H * phases.size(), BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = img.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, img.getWidth(), img.getHeight());
			for (int i = 0; i < phases.size(); i++) {
				final String phase = phases.get(i);
				panel(g, i * H, phase, samples.stream().filter(s -> s.phase().equals(phase)).toList());
			}
		}
		finally {
			g.dispose();
		}
		try {
			final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			ImageIO.write(img, "png", bytes);
			AtomicFiles.writeBytes(file, bytes.toByteArray(), replace);
		}
		catch (final IOException e) {
			throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
		}
	}

	private static void panel(final Graphics2D g, final int y0, final String phase, final List<MemorySample> s) {
		final double maxX = Math.max(1, s.stream().mapToDouble(MemorySample::step).max().orElse(1));
		final double maxY = niceCeiling(s.stream().mapToDouble(v -> Math.max(v.rssMb(), v.heapUsedMb()))
			.filter(Double::isFinite).max().orElse(1) * 1.1);
		final int pw = W - LEFT - RIGHT;
		final int ph = H - TOP - BOTTOM;
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		g.setColor(Color.LIGHT_GRAY);
		for (int t = 0; t <= 4; t++) {
			final int y = y0 + TOP + ph - t * ph / 4;
			g.drawLine(LEFT, y, LEFT + pw, y);
			g.setColor(Color.DARK_GRAY);
			g.drawString(String.format(Locale.ROOT, "%.0f", maxY * t / 4), 8, y + 4);
			g.setColor(Color.LIGHT_GRAY);
		}
		g.setColor(Color.DARK_GRAY);
		g.drawRect(LEFT, y0 + TOP, pw, ph);
		for (int t = 0; t <= 4; t++) {
			final int x = LEFT + t * pw / 4;
			g.drawString(String.format(Locale.ROOT, "%.0f", maxX * t / 4), x - 10, y0 + TOP + ph + 16);
		}
		g.drawString(phase + " steps", LEFT + pw / 2 - 30, y0 + H - 10);
		g.drawString("MB", 8, y0 + TOP - 10);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
		g.drawString("Memory during " + phase, LEFT, y0 + 18);
		curve(g, s, MemorySample::rssMb, RSS, y0, maxX, maxY);
		curve(g, s, MemorySample::heapUsedMb, HEAP, y0, maxX, maxY);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		legend(g, LEFT + pw - 230, y0 + 18, RSS, "resident set size");
		legend(g, LEFT + pw - 100, y0 + 18, HEAP, "Java heap used");
	}

	private static void curve(final Graphics2D g, final List<MemorySample> s, final ToDoubleFunction<MemorySample> f,
		final Color color, final int y0, final double maxX, final double maxY)
	{
		final int pw = W - LEFT - RIGHT;
		final int ph = H - TOP - BOTTOM;
		g.setColor(color);
		g.setStroke(new BasicStroke(1.8f));
		int px = -1;
		int py = -1;
		for (final MemorySample m : s) {
			final double v = f.applyAsDouble(m);
			if (!Double.isFinite(v)) continue;
			final int x = LEFT + (int) Math.round(m.step() / maxX * pw);
			final int y = y0 + TOP + ph - (int) Math.round(v / maxY * ph);
			if (px >= 0) g.drawLine(px, py, x, y);
			px = x;
			py = y;
		}
		g.setStroke(new BasicStroke(1f));
	}

	private static void legend(final Graphics2D g, final int x, final int y, final Color c, final String label) {
		g.setColor(c);
		g.fillRect(x, y - 9, 14, 4);
		g.setColor(Color.DARK_GRAY);
		g.drawString(label, x + 18, y - 3);
	}

	/** 1, 2 or 5 times a power of ten, at least {@code v}. */
	static double niceCeiling(final double v) {
		if (!(v > 0)) return 1;
		final double p = Math.pow(10, Math.floor(Math.log10(v)));
		for (final double m : new double[] { 1, 2, 5, 10 }) {
			if (m * p >= v) return m * p;
		}
		return 10 * p;
	}
}
