package org.hourglass.benchmark.autoencoder;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.ModelService;
import org.hourglass.autoencoder.AutoencoderVariant;
import org.hourglass.autoencoder.EmbeddingMap;
import org.hourglass.imagej.HourglassCommand;
import org.hourglass.imagej.TrainingMonitor;
import org.hourglass.api.io.AtomicFiles;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.io.FileSaver;

/**
 * Benchmarks the autoencoder against PCA on the MNIST digits at each code size ({@link DigitsBenchmark}), and
 * writes a Markdown report and, optionally, the maps of the test digits. Everything is checked before anything
 * is trained or written.
 */
@Plugin(type = Command.class, name = "benchmark-autoencoder", label = "Hourglass Autoencoder Benchmark",
	headless = true,
	description = "The autoencoder against PCA on the MNIST digits: reconstruction error and kNN accuracy.")
public class BenchmarkAutoencoderCommand extends HourglassCommand {

	@Parameter
	private ModelService modelService;

	@Parameter(label = "Digits folder", style = "directory",
		description = "The folder of the MNIST IDX files: train-first10k-* and t10k-* (images and labels).")
	private File digits = new File("../shared/data/digits");

	@Parameter(label = "Code sizes", description = "Comma-separated code sizes d, e.g. 2,16.")
	private String sizes = "2,16";

	@Parameter(label = "Lesson's code too",
		description = "Also train the lesson's network (filters 16,8,8) with its convolutional 8x4x4 code, for its " +
			"binary cross-entropy.")
	private boolean lesson = false;

	@Parameter(label = "Filters", description = "Filters of the convolution-and-pooling levels of the dense-code " +
		"autoencoders, e.g. 16,32,64.")
	private String filters = AutoencoderVariant.DEFAULT_FILTERS;

	@Parameter(label = "Loss", choices = { AutoencoderVariant.LOSS_BCE, AutoencoderVariant.LOSS_MSE })
	private String loss = AutoencoderVariant.LOSS_BCE;

	@Parameter(label = "Epochs", min = "1")
	private int epochs = 40;

	@Parameter(label = "Steps per epoch", min = "1")
	private int stepsPerEpoch = 140;

	@Parameter(label = "Batch size", min = "1")
	private int batchSize = 64;

	@Parameter(label = "Learning rate")
	private double learningRate = 1e-3;

	@Parameter(label = "Time budget per model (minutes)", min = "0")
	private double minutes = 30;

	@Parameter(label = "Seed")
	private long seed = 42;

	@Parameter(label = "Digits per set", min = "0",
		description = "Use only the first this many digits of each set (0 = all): for quick checks.")
	private int limit = 0;

	@Parameter(label = "Report", style = "save", description = "The Markdown report to write.")
	private File report;

	@Parameter(label = "Maps folder", style = "directory", required = false,
		description = "Write the maps of the test digits here, autoencoder-map-d<d>.png for each size.")
	private File figures;

	@Parameter(label = "Models folder", style = "directory", required = false,
		description = "Keep the trained models here, autoencoder-digits-d<d>.zip.")
	private File modelFolder;

	@Parameter(label = "Replace files", description = "Replace the report, maps and models if they exist.")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Results")
	private String table;

	private DigitsBenchmark.Result result;

	@Override
	protected void execute() {
		if (report == null) throw new InvalidInputException("No report file was given (report=<file.md>).");
		final List<DigitsBenchmark.Code> codes = new ArrayList<>();
		for (final int s : sizes(sizes)) codes.add(new DigitsBenchmark.Code(false, s));
		if (lesson) codes.add(new DigitsBenchmark.Code(true, AutoencoderVariant.DEFAULT_CODE_SIZE));
		final List<Path> outputs = new ArrayList<>(List.of(report.toPath()));
		for (final DigitsBenchmark.Code c : codes) {
			if (figures != null && !c.lesson()) outputs.add(figures.toPath().resolve("autoencoder-map-d" + c.size() +
				".png"));
			if (modelFolder != null) outputs.add(modelFolder.toPath().resolve(c.file()));
		}
		for (final Path p : outputs) {
			if (p.getParent() != null && !Files.isDirectory(p.toAbsolutePath().getParent())) {
				throw new InvalidInputException("The folder of " + p + " does not exist.");
			}
			if (Files.exists(p) && !overwrite) {
				throw new InvalidInputException(p + " exists already; choose another place or replace it (overwrite=true).");
			}
		}
		final DigitsBenchmark.Setup setup = fromParameters(() -> new DigitsBenchmark.Setup(AutoencoderVariant.filters(
			filters), AutoencoderVariant.loss(loss), epochs, stepsPerEpoch, batchSize, learningRate, minutes, seed));
		final Digits data = Digits.load(digits == null ? null : digits.toPath(), limit);
		final List<TrainingMonitor> monitors = new ArrayList<>();
		try {
			result = new DigitsBenchmark(modelService, setup, name -> {
				final TrainingMonitor m = new TrainingMonitor(status(), name, this::isCanceled, false);
				monitors.add(m);
				return m;
			}).run(data, codes, modelFolder == null ? null : modelFolder.toPath(), progress("Encoding"));
		}
		finally {
			monitors.forEach(TrainingMonitor::close);
		}
		if (figures != null) {
			for (final Map.Entry<Integer, EmbeddingMap> e : result.maps().entrySet()) {
				final List<String> labels = new ArrayList<>();
				for (final int l : data.testLabels()) labels.add(Integer.toString(l));
				final ImagePlus figure = e.getValue().figure("autoencoder-map-d" + e.getKey(), String.format(Locale.ROOT,
					"Autoencoder, d = %d%s", e.getKey(), e.getKey() > 2 ? String.format(Locale.ROOT,
						" (first 2 PCs, %.0f %% of the code variance)", 100 * e.getValue().codeVariance()) : ""), labels, null,
					0);
				writePng(figure, figures.toPath().resolve("autoencoder-map-d" + e.getKey() + ".png"));
			}
		}
		table = BenchmarkReport.table(result);
		BenchmarkReport.write(report.toPath(), BenchmarkReport.render(result, setup, modelService.about(),
			commandLine()), overwrite);
	}

	/** The result of the last run. */
	DigitsBenchmark.Result result() {
		return result;
	}

	private String commandLine() {
		return String.format(Locale.ROOT, "hourglass run benchmark-autoencoder digits=%s sizes=%s%s filters=%s loss=%s " +
			"epochs=%d stepsperepoch=%d batchsize=%d learningrate=%s minutes=%s seed=%d%s report=%s", digits, sizes,
			lesson ? " lesson=true" : "", filters, loss, epochs, stepsPerEpoch, batchSize, learningRate, minutes, seed,
			limit > 0 ? " limit=" + limit : "", report);
	}

	private void writePng(final ImagePlus image, final Path file) {
		try {
			AtomicFiles.write(file, overwrite, tmp -> {
				if (!new FileSaver(image).saveAsPng(tmp.toString())) throw new IOException("ImageJ could not write " + tmp);
			});
		}
		catch (final IOException e) {
			throw new UncheckedIOException(file + ": " + e.getMessage(), e);
		}
	}

	/** The code sizes of a comma-separated list. */
	static int[] sizes(final String list) {
		final Set<Integer> out = new LinkedHashSet<>();
		for (final String s : (list == null ? "" : list).split(",")) {
			if (s.isBlank()) continue;
			try {
				final int v = Integer.parseInt(s.strip());
				if (v < 1) throw new NumberFormatException();
				if (!out.add(v)) throw new InvalidInputException("Code size " + v + " is listed twice in sizes=" + list + ".");
			}
			catch (final NumberFormatException e) {
				throw new InvalidInputException("Code sizes must be whole numbers of at least 1, e.g. 2,16; got '" + s
					.strip() + "'.");
			}
		}
		if (out.isEmpty()) throw new InvalidInputException("No code size was given (sizes=2,16).");
		return out.stream().mapToInt(Integer::intValue).toArray();
	}
}
