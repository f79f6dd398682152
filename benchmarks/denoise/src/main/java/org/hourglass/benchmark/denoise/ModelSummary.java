package org.hourglass.benchmark.denoise;

import java.util.Locale;

import org.hourglass.api.ModelInfo;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.denoise.DenoiseVariant;

/** A one-line description of a denoise model from its metadata: how and how long it was trained. */
public final class ModelSummary {

	private ModelSummary() {}

	/** Training minutes as recorded in the model (the training's wall time). */
	public static double trainingMinutes(final ModelInfo info) {
		return info.trainingSeconds() / 60;
	}

	/**
	 * E.g. {@code trained 14.8 min, 15 epochs; supervised, gaussian sigma=25.0; U-Net depth 2, 32 filters,
	 * residual; normalisation 0-255; data: 400 images}.
	 */
	public static String describe(final ModelInfo info) {
		final ModelSpec spec = info.spec();
		final NetworkSpec net = spec.network();
		final StringBuilder sb = new StringBuilder();
		if (info.isTrained()) {
			sb.append(String.format(Locale.ROOT, "trained %.1f min, %d epoch%s", trainingMinutes(info), info.history()
				.size(), info.history().size() == 1 ? "" : "s"));
		}
		else {
			sb.append("untrained");
		}
		final String training = spec.properties().get(DenoiseVariant.PROP_TRAINING);
		final String pairs = spec.properties().get(DenoiseVariant.PROP_PAIRS);
		if (training != null || pairs != null) {
			sb.append("; ").append(training != null ? training : "").append(training != null && pairs != null ? ", "
				: "").append(pairs != null ? pairs : "");
		}
		sb.append("; ").append(net.skipConnections() ? "U-Net" : "network").append(" depth ").append(net
			.encoderFilters().length - 1).append(", ").append(net.encoderFilters()[0]).append(" filters");
		if (net.residual()) sb.append(", residual");
		sb.append("; normalisation ").append(normalization(spec.normalization()));
		if (info.trainingData() != null && !info.trainingData().isBlank()) {
			sb.append("; data: ").append(info.trainingData().strip());
		}
		return sb.toString();
	}

	private static String normalization(final Normalization n) {
		return switch (n.mode()) {
			case FIXED -> String.format(Locale.ROOT, "fixed %s-%s", num(n.low()), num(n.high()));
			case PERCENTILE -> String.format(Locale.ROOT, "percentile %s-%s %%", num(n.low()), num(n.high()));
			case MEAN_STD -> "mean-std";
			case NONE -> "none";
		};
	}

	private static String num(final double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}
}
