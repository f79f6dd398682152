package org.hourglass.api.training;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A loss and its terms, as measured: the total (the weighted sum the optimiser minimises, or for validation
 * the sum with full weights) and each term's unweighted value by name, in the loss's order
 * ({@link org.hourglass.api.network.LossTerm#name()}).
 *
 * @param total the weighted total
 * @param terms every term's unweighted value; empty if only the total is known
 */
public record LossValues(double total, Map<String, Double> terms) {

	public LossValues {
		terms = terms == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(terms));
	}

	/** A total without terms. */
	public static LossValues of(final double total) {
		return new LossValues(total, Map.of());
	}

	/** The unweighted value of term {@code name}, or NaN if it was not measured. */
	public double term(final String name) {
		final Double v = terms.get(name);
		return v == null ? Double.NaN : v;
	}
}
