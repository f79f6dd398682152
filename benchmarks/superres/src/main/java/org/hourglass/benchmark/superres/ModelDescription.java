package org.hourglass.benchmark.superres;

import java.util.Locale;

import org.hourglass.api.ModelInfo;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.superres.SuperResVariant;

/** A one-line description of an upscale model from its metadata: its network and how it was trained. */
final class ModelDescription {

	private ModelDescription() {}

	/** E.g. {@code x2, U-Net depth 2, 32 filters, residual; bicubic downscaling x2; 41 epochs; data: …}. */
	static String of(final ModelInfo info) {
		final ModelSpec spec = info.spec();
		final NetworkSpec net = spec.network();
		final StringBuilder sb = new StringBuilder();
		sb.append(String.format(Locale.ROOT, "x%d, U-Net depth %d, %d filters%s; %s; patches %s; %d epochs",
			net.upscale(), net.encoderFilters().length - 1, net.encoderFilters()[0], net.residual() ? ", residual" : "",
			spec.properties().getOrDefault(SuperResVariant.PROP_PAIRS, "?"), spec.properties().getOrDefault(
				SuperResVariant.PROP_PATCH, "?"), info.history().size()));
		if (info.trainingData() != null && !info.trainingData().isBlank()) {
			sb.append("; data: ").append(info.trainingData().strip());
		}
		return sb.toString();
	}
}
