package org.hourglass.benchmark.denoise;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.Plane;
import org.hourglass.imagej.HourglassCommand;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Scores denoising results on real noisy/clean pairs ({@link PairsData}: {@code noisy_<field>} and
 * {@code clean_<field>} in one folder) after the least-squares affine fit of each image to its clean image:
 * the noisy input, each field's best Gaussian blur (sigma chosen against the truth) and each results folder,
 * whose files are named as the noisy images (as {@code denoise inputfolder=<pairs> outputfolder=<folder>}
 * writes them). Training and denoising happen elsewhere, so any setting can be scored the same way.
 */
@Plugin(type = Command.class, name = "benchmark-denoise-pairs", label = "Hourglass Denoise Pairs Benchmark",
	headless = true, description = "Denoising results on real noisy/clean pairs after the affine fit, beside the " +
		"noisy input and each field's best blur.")
public class BenchmarkPairsCommand extends HourglassCommand {

	@Parameter(label = "Pairs folder", style = "directory",
		description = "A folder of noisy_<field> and clean_<field> images (e.g. the widefield pairs).")
	private File data;

	@Parameter(label = "Fields", required = false,
		description = "Comma-separated fields to score, e.g. 001,004; empty = every pair in the folder.")
	private String fields = "";

	@Parameter(label = "Results", required = false,
		description = "Comma-separated label=folder entries; each folder holds a result per field, named as its " +
			"noisy image (noisy_<field>.tif). Empty = only the noisy input and the best blur.")
	private String results = "";

	@Parameter(label = "Report", style = "save", required = false,
		description = "The Markdown report to write; empty = none (the summary is an output).")
	private File out;

	@Parameter(label = "Replace report", description = "Replace the report file if it exists.")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Noisy input PSNR (dB)")
	private double noisyPsnr;

	@Parameter(type = ItemIO.OUTPUT, label = "Best blur PSNR (dB)")
	private double blurPsnr;

	@Parameter(type = ItemIO.OUTPUT, label = "Results")
	private String table;

	private PairsResult result;

	@Override
	protected void execute() {
		if (data == null) throw new InvalidInputException("No pairs folder was given (data=<folder>).");
		final Path report = out == null || out.getPath().isBlank() ? null : out.toPath();
		if (report != null) MarkdownReport.requireWritable(report, overwrite);
		final Map<String, Path> folders = folders(results);
		final PairsData pairs = PairsData.load(data.toPath(), BenchmarkDenoiseCommand.names(fields, "Field",
			"fields"));
		final Map<String, List<Plane>> planes = new LinkedHashMap<>();
		final List<Path> read = new ArrayList<>(pairs.files());
		read.add(data.toPath());
		for (final Map.Entry<String, Path> e : folders.entrySet()) {
			planes.put(e.getKey(), pairs.results(e.getValue()));
			read.add(e.getValue());
		}
		final Path into = report == null ? null : report.toAbsolutePath().getParent();
		if (report != null && read.stream().anyMatch(f -> BenchmarkDenoiseCommand.same(f, report) || BenchmarkDenoiseCommand
			.same(f, into)))
		{
			throw new InvalidInputException("The report " + report + " would be written over an input or into an " +
				"input folder; choose another file.");
		}
		result = PairsResult.score(pairs, planes, progress("Pairs benchmark"));
		table = MarkdownReport.pairsTable(result);
		noisyPsnr = result.noisy().meanPsnr();
		blurPsnr = result.blur().meanPsnr();
		if (report != null) MarkdownReport.write(report, MarkdownReport.pairs(result, data.getName()), overwrite);
	}

	/** The result of the last run. */
	PairsResult result() {
		return result;
	}

	/** {@code label=folder} entries, in order. */
	static Map<String, Path> folders(final String list) {
		final Map<String, Path> map = new LinkedHashMap<>();
		for (final String entry : BenchmarkDenoiseCommand.names(list, "Result", "results")) {
			final int eq = entry.indexOf('=');
			if (eq <= 0 || eq == entry.length() - 1) {
				throw new InvalidInputException("Expected results as label=folder, got '" + entry + "'.");
			}
			final String label = entry.substring(0, eq).strip();
			if (map.put(label, Path.of(entry.substring(eq + 1).strip())) != null) {
				throw new InvalidInputException("Result label '" + label + "' is given twice.");
			}
		}
		return map;
	}
}
