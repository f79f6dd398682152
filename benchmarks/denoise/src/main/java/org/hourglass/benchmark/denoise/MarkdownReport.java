package org.hourglass.benchmark.denoise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

import org.hourglass.api.InvalidInputException;
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
		sb.append("\n## PSNR per image (dB)\n\n");
		final List<MethodResult> methods = r.methods();
		final List<double[]> psnr = methods.stream().map(MethodResult::psnr).toList();
		perImage(sb, "image", r.images(), methods, i -> "", (m, i) -> db(psnr.get(m)[i]));
		return sb.toString();
	}

	/**
	 * The report of a pairs benchmark: the summary (each method's means and how it compares with each field's
	 * best blur), then PSNR and SSIM per field.
	 */
	public static String pairs(final PairsResult r, final String setName) {
		final StringBuilder sb = new StringBuilder();
		sb.append("# Denoising on noisy/clean pairs: ").append(setName).append("\n\n");
		sb.append("PSNR and SSIM on the 0-255 scale after the least-squares affine fit (a·x + b) of each image to " +
			"its clean image; the best Gaussian blur takes each field's own sigma, chosen against the truth.\n\n");
		sb.append(pairsTable(r));
		final List<MethodResult> methods = new ArrayList<>();
		methods.add(r.noisy());
		methods.add(r.blur());
		methods.addAll(r.results());
		final double[] blur = r.blur().psnr();
		final double[] sigmas = r.blurSigmas();
		final boolean[] edge = r.blurAtEdge();
		final List<double[]> psnr = methods.stream().map(MethodResult::psnr).toList();
		final List<double[]> ssim = methods.stream().map(MethodResult::ssim).toList();
		sb.append("\n## PSNR per field (dB; in brackets the difference to the field's best blur)\n\n");
		perImage(sb, "field", r.fields(), methods, i -> String.format(Locale.ROOT, " (sigma %.2f%s)", sigmas[i],
			edge[i] ? ", grid edge" : ""), (m, i) -> db(psnr.get(m)[i]) + (m >= 2 ? String.format(Locale.ROOT,
				" (%+.2f)", psnr.get(m)[i] - blur[i]) : ""));
		sb.append("\n## SSIM per field\n\n");
		perImage(sb, "field", r.fields(), methods, i -> "", (m, i) -> String.format(Locale.ROOT, "%.4f", ssim.get(m)[i]));
		return sb.toString();
	}

	/**
	 * The summary of a pairs benchmark: {@code method | mean PSNR | mean SSIM | mean − best blur | worst field −
	 * best blur | fields below the blur}.
	 */
	public static String pairsTable(final PairsResult r) {
		final StringBuilder sb = new StringBuilder();
		sb.append("| method | mean PSNR (dB) | mean SSIM | mean − best blur (dB) | worst field − best blur (dB) | " +
			"fields below the blur |\n|---|---:|---:|---:|---:|---:|\n");
		final double[] blur = r.blur().psnr();
		sb.append(String.format(Locale.ROOT, "| noisy input | %s | %.4f | | | |%n", db(r.noisy().meanPsnr()), r.noisy()
			.meanSsim()));
		sb.append(String.format(Locale.ROOT, "| best Gaussian blur (sigma per field, against the truth) | %s | %.4f " +
			"| 0 | 0 | |%n", db(r.blur().meanPsnr()), r.blur().meanSsim()));
		for (final MethodResult m : r.results()) {
			final double[] p = m.psnr();
			double worst = Double.POSITIVE_INFINITY;
			int below = 0;
			for (int i = 0; i < p.length; i++) {
				worst = Math.min(worst, p[i] - blur[i]);
				if (p[i] < blur[i]) below++;
			}
			sb.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %+.2f | %+.2f | %d |%n", cell(m.method()), db(m
				.meanPsnr()), m.meanSsim(), m.meanPsnr() - r.blur().meanPsnr(), worst, below));
		}
		return sb.toString();
	}

	/**
	 * A table with a row per image and a column per method, each cell {@code value.apply(method index, image
	 * index)}; {@code nameNote.apply(image index)} follows the image's name.
	 */
	private static void perImage(final StringBuilder sb, final String what, final List<String> names,
		final List<MethodResult> methods, final IntFunction<String> nameNote, final BiFunction<Integer, Integer,
			String> value)
	{
		sb.append("| ").append(what).append(" |");
		for (final MethodResult m : methods) sb.append(' ').append(cell(m.method())).append(" |");
		sb.append("\n|---|");
		for (int k = 0; k < methods.size(); k++) sb.append("---:|");
		sb.append('\n');
		for (int i = 0; i < names.size(); i++) {
			sb.append("| ").append(cell(names.get(i))).append(nameNote.apply(i)).append(" |");
			for (int m = 0; m < methods.size(); m++) sb.append(' ').append(value.apply(m, i)).append(" |");
			sb.append('\n');
		}
	}

	/**
	 * Checks, before anything is computed, that a report can go to {@code file}: not a folder, and not an existing
	 * file unless {@code replace}.
	 *
	 * @throws InvalidInputException if it cannot
	 */
	public static void requireWritable(final Path file, final boolean replace) {
		if (Files.isDirectory(file)) {
			throw new InvalidInputException("Expected a report file, but " + file + " is a folder.");
		}
		if (Files.exists(file) && !replace) {
			throw new InvalidInputException("Report " + file + " exists already; choose another file or replace " +
				"it (overwrite=true).");
		}
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
