package org.hourglass.imagej;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.hourglass.api.training.EpochResult;

import ij.ImagePlus;
import ij.gui.Plot;

/**
 * The plot of training and validation loss per epoch, with the kept (best) epoch marked; for a loss of several
 * terms (a VAE's reconstruction and KL) each term's training and validation values too. Used live during
 * training and as the final loss-curve image a training command returns.
 */
public final class LossCurve {

	static final Color TRAINING = new Color(0x1f77b4);
	static final Color VALIDATION = new Color(0xd62728);
	/** Colours of the terms of a loss with several. */
	static final Color[] TERMS = { new Color(0x2ca02c), new Color(0x9467bd), new Color(0x8c564b) };

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
		for (int i = 0; i < n; i++) {
			x[i] = epochs.get(i).epoch();
			train[i] = epochs.get(i).trainingLoss();
			val[i] = epochs.get(i).validationLoss();
		}
		final List<String> terms = termNames(epochs);
		final List<double[]> series = new ArrayList<>(List.of(train, val));
		final List<String> labels = new ArrayList<>(List.of("training", "validation"));
		for (final String t : terms) {
			final double[] tt = new double[n];
			final double[] vt = new double[n];
			for (int i = 0; i < n; i++) {
				tt[i] = epochs.get(i).training().term(t);
				vt[i] = epochs.get(i).validation().term(t);
			}
			series.add(tt);
			series.add(vt);
			labels.add(t + " (training)");
			labels.add(t + " (validation)");
		}
		boolean positive = true;
		double lo = Double.POSITIVE_INFINITY;
		double hi = Double.NEGATIVE_INFINITY;
		for (final double[] s : series) {
			for (final double v : s) {
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
		int index = 0;
		for (int k = 0; k < series.size(); k++) {
			final Color c = k == 0 ? TRAINING : k == 1 ? VALIDATION : TERMS[(k - 2) / 2 % TERMS.length];
			plot.addPoints(x, series.get(k), k < 2 ? Plot.CONNECTED_CIRCLES : Plot.LINE);
			plot.setStyle(index++, style(c, k < 2 ? "connected circle" : k % 2 == 0 ? "dot" : "line"));
		}
		final EpochResult best = best(epochs);
		if (best != null) {
			plot.addPoints(new double[] { best.epoch() }, new double[] { best.validationLoss() }, Plot.BOX);
			// an open box around the point, so the kept epoch's own validation point stays visible
			plot.setStyle(index, "#000000,none,1.5,box");
			labels.add("kept (epoch " + best.epoch() + ")");
		}
		plot.setColor(Color.BLACK);
		plot.addLegend(String.join("\n", labels));
		return plot;
	}

	/** The terms of a loss with several, from the newest epoch; empty for one. */
	static List<String> termNames(final List<EpochResult> epochs) {
		final EpochResult last = epochs.get(epochs.size() - 1);
		return last.validation().terms().size() > 1 ? new ArrayList<>(last.validation().terms().keySet()) : List.of();
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
