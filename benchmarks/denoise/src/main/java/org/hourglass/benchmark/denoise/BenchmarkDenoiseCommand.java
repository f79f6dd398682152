package org.hourglass.benchmark.denoise;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.ModelService;
import org.hourglass.api.PredictOptions;
import org.hourglass.api.image.Plane;
import org.hourglass.denoise.DenoiseVariant;
import org.hourglass.imagej.HourglassCommand;
import org.hourglass.imagej.ImageFolder;
import org.hourglass.imagej.OutputFolder;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Benchmarks denoising on a folder of clean 8-bit grey images: adds Gaussian noise with a fixed seed, and
 * reports the PSNR and SSIM of the noisy input, of the best Gaussian blur and of each model in a Markdown
 * report (see {@link DenoiseBenchmark} and {@link BenchmarkNoise}). Everything is checked before anything is
 * written.
 */
@Plugin(type = Command.class, name = "benchmark-denoise", label = "Hourglass Denoise Benchmark", headless = true,
	description = "Denoising quality on a folder of clean images with synthetic noise, beside the best blur.")
public class BenchmarkDenoiseCommand extends HourglassCommand {

	@Parameter
	private ModelService modelService;

	@Parameter(label = "Clean images", style = "directory",
		description = "A folder of clean 8-bit grey images (e.g. BSD68), read in file-name order.")
	private File clean;

	@Parameter(label = "Noise sigma", description = "Standard deviation of the Gaussian noise, 0-255 scale.")
	private double sigma = 25;

	@Parameter(label = "Seed", description = "Seed of the noise; image i gets its own seed derived from it.")
	private long seed = 0;

	@Parameter(label = "Models", required = false,
		description = "Comma-separated denoise model names or model files; empty = only the baselines.")
	private String models = "";

	@Parameter(label = "Average the 8 flips and rotations",
		description = "Apply each model as Hourglass Denoise does by default (augment=true); off: one prediction.")
	private boolean augment = false;

	@Parameter(label = "Report", style = "save", description = "The Markdown report to write.")
	private File out;

	@Parameter(label = "Replace report", description = "Replace the report file if it exists.")
	private boolean overwrite = false;

	@Parameter(label = "Write noisy images to", style = "directory", required = false,
		description = "Also write the noisy images here as 32-bit TIFFs (never over existing files).")
	private File writeNoisy;

	@Parameter(type = ItemIO.OUTPUT, label = "Noisy input PSNR (dB)")
	private double noisyPsnr;

	@Parameter(type = ItemIO.OUTPUT, label = "Best blur PSNR (dB)")
	private double blurPsnr;

	@Parameter(type = ItemIO.OUTPUT, label = "Best blur sigma")
	private double blurSigma;

	@Parameter(type = ItemIO.OUTPUT, label = "Results")
	private String table;

	private BenchmarkResult result;

	@Override
	protected void execute() {
		if (out == null) throw new InvalidInputException("No report file was given (out=<file.md>).");
		final Path report = out.toPath();
		MarkdownReport.requireWritable(report, overwrite);
		final BenchmarkImages images = BenchmarkImages.load(clean == null ? null : clean.toPath());
		if (images.files().stream().anyMatch(f -> same(f, report))) {
			throw new InvalidInputException("The report " + report + " would replace one of the clean images.");
		}
		final List<Plane> noisy = fromParameters(() -> BenchmarkNoise.add(images.clean(), sigma, seed));
		final OutputFolder noisyFolder = writeNoisy == null ? null : new OutputFolder(writeNoisy.toPath(), List.of(
			clean.toPath()));
		if (noisyFolder != null) noisyFolder.requireFree(BenchmarkNoise.fileNames(images));
		final List<BenchmarkModel> loaded = new ArrayList<>();
		try {
			for (final String name : modelNames(models)) {
				loaded.add(new BenchmarkModel(label(name) + (augment ? " (8 flips averaged)" : ""), modelService.load(name,
					DenoiseVariant.ID)));
			}
			if (noisyFolder != null) BenchmarkNoise.write(noisyFolder, images, noisy);
			result = new DenoiseBenchmark(new BlurBaseline(), PredictOptions.defaults().withAugment(augment)).run(images,
				noisy, sigma, seed, loaded, progress("Benchmark"));
		}
		finally {
			loaded.forEach(m -> m.model().close());
		}
		MarkdownReport.write(report, MarkdownReport.render(result, clean.getName()), overwrite);
		noisyPsnr = result.noisy().meanPsnr();
		blurPsnr = result.blur().meanPsnr();
		blurSigma = result.blurSigma();
		table = MarkdownReport.table(result);
	}

	/** The result of the last run. */
	BenchmarkResult result() {
		return result;
	}

	/** The names in a comma-separated list, trimmed, without empty entries. */
	static List<String> modelNames(final String list) {
		return names(list, "Model", "models");
	}

	/**
	 * The entries of a comma-separated list, trimmed, without empty ones.
	 *
	 * @param what what an entry is, for the message, e.g. {@code Model}
	 * @param key the parameter's key, for the message
	 * @throws InvalidInputException if an entry is listed twice
	 */
	static List<String> names(final String list, final String what, final String key) {
		final Set<String> names = new LinkedHashSet<>();
		if (list == null) return List.of();
		for (final String s : list.split(",")) {
			final String t = s.strip();
			if (t.isEmpty()) continue;
			if (!names.add(t)) throw new InvalidInputException(what + " '" + t + "' is listed twice in " + key + "=" +
				list + ".");
		}
		return List.copyOf(names);
	}

	/** A model's name in the report: the name given, or a file's name without {@code .zip}. */
	private static String label(final String name) {
		final Path p = Path.of(name);
		return Files.isRegularFile(p) ? ImageFolder.baseName(p) : name;
	}

	static boolean same(final Path a, final Path b) {
		return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
	}
}
