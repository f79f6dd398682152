package org.hourglass.imagej;

import java.awt.Color;
import java.util.List;

import org.hourglass.api.training.EpochResult;

import ij.ImagePlus;
import ij.gui.Plot;

/**
 * The plot of training and validation loss per epoch, with the kept (best) epoch marked. Used live during
 * training and as the final loss-curve image a training command returns.
 */
public final class LossCurve {

	static final Color TRAINING = new Color(0x1f77b4);
	static final Color VALIDATION = new Color(0xd62728);

	private LossCurve() {}

	/** The plot of {@code epochs} (oldest first); the y axis is logarithmic when all losses are positive. */
	public static Plot plot(final String title, final List<EpochResult> epochs) {
		final Plot plot = new Plot(title, "epoch", "loss");
		if (epochs.isEmpty()) {
			plot.setLimits(0, 1, 0, 1);
			plot.addLabel(0.3, 0.5, "no epoch finished");
			return plot;
		}
		final int n = epochs.size();
		final double[] x = new double[n];
		final double[] train = new double[n];
		final double[] val = new double[n];
		boolean positive = true;
		double lo = Double.POSITIVE_INFINITY;
		double hi = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < n; i++) {
			final EpochResult e = epochs.get(i);
			x[i] = e.epoch();
			train[i] = e.trainingLoss();
			val[i] = e.validationLoss();
			for (final double v : new double[] { train[i], val[i] }) {
				if (!Double.isFinite(v)) continue;
				positive &= v > 0;
				lo = Math.min(lo, v);
				hi = Math.max(hi, v);
			}
		}
		if (!(lo <= hi)) {
			lo = 0;
			hi = 1;
		}
		// a margin above and below, so that no point sits on the frame (multiplicative on the log scale)
		if (positive) {
			final double f = Math.max(Math.pow(hi / lo, 0.06), 1.05);
			plot.setLimits(x[0] - 0.5, x[n - 1] + 0.5, lo / f, hi * f);
			plot.setLogScaleY();
		}
		else {
			final double pad = lo == hi ? Math.max(Math.abs(lo) * 0.1, 1e-6) : (hi - lo) * 0.06;
			plot.setLimits(x[0] - 0.5, x[n - 1] + 0.5, lo - pad, hi + pad);
		}
		// explicit styles per data set: Plot.setColor applies to whatever object happens to be current
		plot.addPoints(x, train, Plot.CONNECTED_CIRCLES);
		plot.setStyle(0, style(TRAINING, "connected circle"));
		plot.addPoints(x, val, Plot.CONNECTED_CIRCLES);
		plot.setStyle(1, style(VALIDATION, "connected circle"));
		final EpochResult best = best(epochs);
		if (best != null) {
			plot.addPoints(new double[] { best.epoch() }, new double[] { best.validationLoss() }, Plot.BOX);
			plot.setStyle(2, style(Color.BLACK, "box"));
		}
		plot.setColor(Color.BLACK);
		plot.addLegend("training\nvalidation" + (best != null ? "\nkept (epoch " + best.epoch() + ")" : ""));
		return plot;
	}

	private static String style(final Color c, final String shape) {
		final String hex = String.format("#%06x", c.getRGB() & 0xffffff);
		return hex + "," + hex + ",1.5," + shape;
	}

	/** The plot as an RGB image, e.g. for the command line to save. */
	public static ImagePlus image(final String title, final List<EpochResult> epochs) {
		final ImagePlus image = plot(title, epochs).getImagePlus();
		image.setTitle(title);
		return image;
	}

	/** The epoch marked best last (the one whose weights were kept), or {@code null}. */
	static EpochResult best(final List<EpochResult> epochs) {
		EpochResult best = null;
		for (final EpochResult e : epochs) {
			if (e.best()) best = e;
		}
		return best;
	}
}
