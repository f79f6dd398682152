package org.hourglass.vae;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hourglass.api.Encoding;
import org.hourglass.api.Model;
import org.hourglass.api.image.Plane;
import org.hourglass.imagej.codes.CodeTable;
import org.hourglass.imagej.codes.ImageSet;

/** The latent codes of images under a VAE, as rows of {@code z_mean} and {@code z_log_sigma} for a code table. */
public final class Encodings {

	/** Column group of the means. */
	public static final String Z_MEAN = "z_mean";
	/** Column group of the log standard deviations. */
	public static final String Z_LOG_SIGMA = "z_log_sigma";

	private Encodings() {}

	/**
	 * The code of every item, in order; every item is checked against the model's image size before anything is
	 * encoded.
	 *
	 * @throws org.hourglass.api.InvalidInputException if an item has another size than the model's images
	 */
	public static List<CodeTable.Row> rows(final Model m, final ImageFrame frame, final List<ImageSet.Item> items) {
		final List<Plane> framed = new ArrayList<>(items.size());
		for (final ImageSet.Item it : items) {
			framed.add(frame.toNetwork(it.plane(), "'" + it.name() + "'" + (it.slice() > 0 ? " (slice " + it.slice() +
				")" : "")));
		}
		final List<Encoding> codes = m.encode(framed);
		final List<CodeTable.Row> rows = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			final Map<String, float[]> groups = new LinkedHashMap<>();
			groups.put(Z_MEAN, codes.get(i).mean());
			groups.put(Z_LOG_SIGMA, codes.get(i).logSigma());
			rows.add(new CodeTable.Row(items.get(i).name(), items.get(i).slice(), groups));
		}
		return rows;
	}

	/** The {@code z_mean} of every row. */
	public static List<float[]> means(final List<CodeTable.Row> rows) {
		return rows.stream().map(r -> r.groups().get(Z_MEAN)).toList();
	}
}
