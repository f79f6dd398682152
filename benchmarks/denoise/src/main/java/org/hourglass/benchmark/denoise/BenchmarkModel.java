package org.hourglass.benchmark.denoise;

import org.hourglass.api.Model;

/**
 * A model to benchmark, with the name it is reported under.
 *
 * @param name the model's name as the user gave it, or its file name without {@code .zip}
 * @param model the loaded model; the caller closes it
 */
public record BenchmarkModel(String name, Model model) {}
