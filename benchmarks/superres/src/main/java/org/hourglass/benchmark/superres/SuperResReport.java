package org.hourglass.benchmark.superres;

import java.util.List;
import java.util.Locale;

import org.hourglass.api.PredictOptions;

/**
 * A super-resolution benchmark as Markdown: what was measured and on what machine, the summary table, PSNR per
 * image, and the throughput and peak memory of upscaling a large image.
 *
 * @param set the set's folder name
 * @param images the images' names, in order
 * @param scores factor by factor, bicubic first
 * @param throughput one per model; empty if not measured
 * @param started when the run started (ISO-8601)
 * @param loadBefore {@code /proc/loadavg} when it started
 * @param loadAfter {@code /proc/loadavg} when it ended
 * @param engine the engine's facts
 */
public record SuperResReport(String set, List<String> images, List<Scores> scores, List<Throughput> throughput,
	String started, String loadBefore, String loadAfter, String engine)
{

	/** The summary: one row per method and factor. */
	public String table() {
		final StringBuilder sb = new StringBuilder();
		sb.append("| factor | method | mean PSNR (dB) | over bicubic (dB) | mean SSIM | training time | notes |\n");
		sb.append("|---:|---|---:|---:|---:|---:|---|\n");
		for (final Scores s : scores) {
			final Scores bicubic = bicubic(s.factor());
			sb.append("| x").append(s.factor()).append(" | ").append(cell(s.method())).append(" | ").append(db(s
				.meanPsnr())).append(" | ").append(s == bicubic ? "" : String.format(Locale.ROOT, "%+.2f", s.meanPsnr() -
					bicubic.meanPsnr())).append(" | ").append(String.format(Locale.ROOT, "%.4f", s.meanSsim())).append(
						" | ").append(Double.isNaN(s.trainingMinutes()) ? "" : String.format(Locale.ROOT, "%.1f min", s
							.trainingMinutes())).append(" | ").append(cell(s.notes())).append(" |\n");
		}
		return sb.toString();
	}

	/** Throughput and memory, one row per model. */
	public String throughputTable() {
		final StringBuilder sb = new StringBuilder();
		sb.append("| model | factor | input | output | time | output megapixels/s | RSS before → peak | Java heap " +
			"before → peak |\n");
		sb.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (final Throughput t : throughput) {
			final int out = t.inputSide() * t.factor();
			sb.append(String.format(Locale.ROOT, "| %s | x%d | %d×%d | %d×%d | %.1f s | %.2f | %,.0f → %,.0f MB | " +
				"%,.0f → %,.0f MB |%n", cell(t.model()), t.factor(), t.inputSide(), t.inputSide(), out, out, t.seconds(),
				t.outputMegapixelsPerSecond(), t.rssBefore(), t.rssPeak(), t.heapBefore(), t.heapPeak()));
		}
		return sb.toString();
	}

	/** The whole report. */
	public String render() {
		final StringBuilder sb = new StringBuilder();
		sb.append("# Super-resolution benchmark: ").append(set).append("\n\n");
		sb.append(String.format(Locale.ROOT, "%d images (in file-name order), the literature's protocol (SRCNN's " +
			"evaluation code): the 8-bit luminance Y of each original (MATLAB `rgb2ycbcr`, rounded), cropped to a " +
			"multiple of the factor, downscaled bicubically with antialiasing (MATLAB `imresize`, kept as floats), " +
			"upscaled by each method; results rounded and clipped to 8 bits, `factor` pixels cropped at every edge, " +
			"PSNR (peak 255) and SSIM on Y. Models predict as Upscale does (default tiling). Training times are the " +
			"wall times recorded in each model file.%n%n", images.size()));
		sb.append("Run started ").append(started).append("; load average (1, 5, 15 min) ").append(loadBefore).append(
			" at the start, ").append(loadAfter).append(" at the end. Engine: ").append(engine).append(".\n\n");
		sb.append(table());
		for (final int f : scores.stream().map(Scores::factor).distinct().toList()) {
			final List<Scores> at = scores.stream().filter(s -> s.factor() == f).toList();
			sb.append("\n## PSNR per image, x").append(f).append(" (dB)\n\n| image |");
			for (final Scores s : at) sb.append(' ').append(cell(s.method())).append(" |");
			sb.append("\n|---|");
			for (int k = 0; k < at.size(); k++) sb.append("---:|");
			sb.append('\n');
			for (int i = 0; i < images.size(); i++) {
				sb.append("| ").append(cell(images.get(i))).append(" |");
				for (final Scores s : at) sb.append(' ').append(db(s.psnr()[i])).append(" |");
				sb.append('\n');
			}
		}
		if (!throughput.isEmpty()) {
			sb.append("\n## Throughput and peak memory\n\n`Model.predict` with Upscale's default options (tiles of " +
				"256×256 plus the halo, up to 4 tiles per batch and at most " + String.format(Locale.ROOT, "%,d",
					PredictOptions.BATCH_OUTPUT_PIXELS) + " output pixels per batch: 4 tiles at ×2, 1 at ×4) on one " +
				"large plane (the set's first image, mirrored to size), after one untimed prediction of 512×512; " +
				"resident set size and Java heap sampled every " + Throughput.SAMPLE_MILLIS + " ms. \"Before\" is after allocating the input and a garbage collection.\n\n");
			sb.append(throughputTable());
		}
		return sb.toString();
	}

	private Scores bicubic(final int factor) {
		return scores.stream().filter(s -> s.factor() == factor).findFirst().orElseThrow();
	}

	private static String db(final double v) {
		return String.format(Locale.ROOT, "%.2f", v);
	}

	private static String cell(final String s) {
		return s.replace("|", "\\|").replace("\n", " ");
	}
}
