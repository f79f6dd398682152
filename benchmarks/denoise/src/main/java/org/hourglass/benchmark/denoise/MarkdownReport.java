package org.hourglass.benchmark.denoise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hourglass.api.io.AtomicFiles;

/** A benchmark result as Markdown: the summary table, then PSNR per image. */
public final class MarkdownReport {

	private MarkdownReport() {}

	/** The summary table: {@code method | mean PSNR | mean SSIM | notes}, one row per method. */
	public static String table(final BenchmarkResult r) {
		final StringBuilder sb = new StringBuilder();
		sb.append("| method | mean PSNR (dB) | mean SSIM | notes |\n");
		sb.append("|---|---:|---:|---|\n");
		for (final MethodResult m : r.methods()) {
			sb.append("| ").append(cell(m.method())).append(" | ").append(db(m.meanPsnr())).append(" | ").append(
				String.format(Locale.ROOT, "%.4f", m.meanSsim())).append(" | ").append(cell(m.notes())).append(" |\n");
		}
		return sb.toString();
	}

	/** The whole report: what was measured, the summary table, and PSNR per image. */
	public static String render(final BenchmarkResult r, final String setName) {
		final StringBuilder sb = new StringBuilder();
		sb.append("# Denoising benchmark: ").append(setName).append(", sigma ").append(num(r.sigma())).append(
			"\n\n");
		sb.append(String.format(Locale.ROOT, "%d clean 8-bit images (in file-name order) with white Gaussian noise " +
			"of sigma %s on the 0-255 scale, not clipped; noise seed %d, image i (from 0) drawn with " +
			"`SplittableRandom(s_i)`, s_i the (i + 1)-th `nextLong()` of `SplittableRandom(seed)`. PSNR and SSIM " +
			"against the clean image with " +
			"data range 255, mean over the images. Model training times are the wall times recorded in each " +
			"model file.%n%n", r.images().size(), num(r.sigma()), r.seed()));
		sb.append(table(r));
		sb.append("\n## PSNR per image (dB)\n\n| image |");
		final List<MethodResult> methods = r.methods();
		for (final MethodResult m : methods) sb.append(' ').append(cell(m.method())).append(" |");
		sb.append("\n|---|");
		for (int k = 0; k < methods.size(); k++) sb.append("---:|");
		sb.append('\n');
		for (int i = 0; i < r.images().size(); i++) {
			sb.append("| ").append(cell(r.images().get(i))).append(" |");
			for (final MethodResult m : methods) sb.append(' ').append(db(m.psnr()[i])).append(" |");
			sb.append('\n');
		}
		return sb.toString();
	}

	/**
	 * Writes {@code text} to {@code file} atomically: to a temporary file in the same folder, then moved into
	 * place, replacing an existing file only if {@code replace}.
	 */
	public static void write(final Path file, final String text, final boolean replace) {
		try {
			AtomicFiles.writeString(file, text, replace);
		}
		catch (final FileAlreadyExistsException e) {
			throw new UncheckedIOException("cannot write " + file + ": it exists already", e);
		}
		catch (final IOException e) {
			throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
		}
	}

	private static String db(final double v) {
		return String.format(Locale.ROOT, "%.2f", v);
	}

	private static String num(final double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}

	private static String cell(final String s) {
		return s.replace("|", "\\|").replace("\n", " ");
	}
}
