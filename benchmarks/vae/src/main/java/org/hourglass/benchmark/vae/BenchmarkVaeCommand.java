package org.hourglass.benchmark.vae;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingConfig;
import org.hourglass.api.training.TrainingData;
import org.hourglass.imagej.HourglassCommand;
import org.hourglass.imagej.ModelTraining;
import org.hourglass.imagej.TrainingMonitor;
import org.hourglass.imagej.codes.ImageSet;
import org.hourglass.vae.ImageFrame;
import org.hourglass.vae.VaeTraining;
import org.hourglass.vae.VaeVariant;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Benchmarks the variational autoencoder on MNIST: for each latent dimension, trains a model on the training
 * digits exactly as {@code vae-train} does (same network, loss, normalisation and held-out images), then
 * measures the mean negative ELBO per test digit in nats with its two parts ({@link Elbo}), with the training
 * time, the CPU time and the machine's load; writes a Markdown report and, for a 2-dimensional model, the latent
 * grid and the map of the test digits as PNG images. Everything is checked before training starts.
 */
@Plugin(type = Command.class, name = "benchmark-vae", label = "Hourglass VAE Benchmark", headless = true,
	description = "Negative ELBO of VAEs on the MNIST test digits.")
public class BenchmarkVaeCommand extends HourglassCommand {

	private static final Logger LOG = LogManager.getLogger();

	@Parameter
	private ModelService models;

	@Parameter(label = "Digits folder", style = "directory",
		description = "A folder with MNIST in IDX format: train-first10k-* (or train-*) and t10k-*.")
	private File data = new File("../shared/data/digits");

	@Parameter(label = "Latent dimensions", description = "Comma-separated latent dimensions, one model each.")
	private String latents = "2,16";

	@Parameter(label = "Network", choices = { "convolutional", "dense" }, description = "The network, as in vae-train.")
	private String network = "convolutional";

	@Parameter(label = "Filters", min = "1", description = "Convolutional network: filters of the first level.")
	private int filters = VaeVariant.DEFAULT_FILTERS;

	@Parameter(label = "Hidden units", min = "1", description = "Dense network: hidden units.")
	private int hidden = VaeVariant.DEFAULT_HIDDEN;

	@Parameter(label = "Training digits", min = "0", description = "Use the first this many training digits; 0 = all.")
	private int trainImages = 0;

	@Parameter(label = "Test digits", min = "0", description = "Measure on the first this many test digits; 0 = all.")
	private int testImages = 0;

	@Parameter(label = "Epochs", min = "1", description = "At most this many epochs per model.")
	private int epochs = 30;

	@Parameter(label = "Steps per epoch", min = "0",
		description = "Steps per epoch; 0 = one pass over the training digits.")
	private int stepsPerEpoch = 0;

	@Parameter(label = "Batch size", min = "1", description = "Digits per step.")
	private int batchSize = 64;

	@Parameter(label = "Learning rate", description = "Adam's initial learning rate.")
	private double learningRate = 1e-3;

	@Parameter(label = "KL warm-up (epochs)", min = "0", description = "As in vae-train.")
	private int warmup = 0;

	@Parameter(label = "Time budget (minutes)", min = "0",
		description = "Stop each model's training after this many minutes (keeping its best epoch); 0 = none.")
	private double minutes = 60;

	@Parameter(label = "Seed", description = "Seed of training and of the ELBO's draws.")
	private long seed = 42;

	@Parameter(label = "Samples per digit", min = "1",
		description = "Draws of z per test digit for the reconstruction term.")
	private int samples = 1;

	@Parameter(label = "Models folder", style = "directory",
		description = "Where the trained models are written, as vae-digits-d<d>.zip.")
	private File modelFolder;

	@Parameter(label = "Evaluate only",
		description = "Do not train: measure the models already in the models folder.")
	private boolean evaluateOnly = false;

	@Parameter(label = "Report", style = "save", description = "The Markdown report to write.")
	private File report;

	@Parameter(label = "Latent grid", style = "save", required = false,
		description = "PNG of the 2-dimensional model's latent grid (15 x 15 at the normal's 5 %-95 % quantiles).")
	private File grid;

	@Parameter(label = "Latent map", style = "save", required = false,
		description = "PNG of the test digits' z_mean under the 2-dimensional model, coloured by digit.")
	private File map;

	@Parameter(label = "Replace files", persist = false,
		description = "Replace the report, the images and the models if they exist.")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Summary")
	private String summary;

	@Override
	protected void execute() {
		final List<Integer> dims = dimensions(latents);
		final VaeVariant.Architecture architecture = VaeVariant.Architecture.of(network);
		if (modelFolder == null || !Files.isDirectory(modelFolder.toPath())) {
			throw new InvalidInputException("The models folder " + modelFolder + " does not exist: create it first.");
		}
		final List<Path> outputs = new ArrayList<>();
		outputs.add(report.toPath());
		if (grid != null) outputs.add(grid.toPath());
		if (map != null) outputs.add(map.toPath());
		for (final Path p : outputs) Figures.requireWritable(p, overwrite);
		final List<Path> modelFiles = new ArrayList<>();
		for (final int d : dims) {
			final Path f = modelFolder.toPath().resolve("vae-digits-d" + d + ".zip");
			if (evaluateOnly && !Files.isRegularFile(f)) {
				throw new InvalidInputException("Evaluate only, but there is no model " + f + ": train it first.");
			}
			modelFiles.add(evaluateOnly ? f : ModelTraining.modelFile(f.toFile(), overwrite, false));
		}
		final ImagePlus trainStack = Digits.training(data.toPath(), trainImages);
		final ImagePlus testStack = Digits.test(data.toPath(), testImages);
		final List<ImageSet.Item> train = Digits.items(trainStack);
		final List<ImageSet.Item> test = Digits.items(testStack);
		final List<Plane> testPlanes = test.stream().map(ImageSet.Item::plane).toList();
		final Normalization norm = VaeTraining.normalization(VaeVariant.NORM_AUTO, train, true);
		final int w = train.get(0).plane().width();
		final int h = train.get(0).plane().height();
		final ImageFrame frame = new ImageFrame(w, h, VaeVariant.side(architecture, w, h), (float) VaeTraining.padValue(
			norm));
		final TrainingData trainingData = VaeTraining.data(train, List.of(), frame, 0.1, 42, train.size() +
			" MNIST training digits (" + trainStack.getTitle() + ")");
		final int steps = stepsPerEpoch > 0 ? stepsPerEpoch : (trainingData.training().size() + batchSize - 1) /
			batchSize;

		final List<BenchmarkRun> runs = new ArrayList<>();
		for (int k = 0; k < dims.size(); k++) {
			final int d = dims.get(k);
			final Path file = modelFiles.get(k);
			final double load0 = Machine.load();
			final double cpu0 = Machine.cpuSeconds();
			final long t0 = System.nanoTime();
			if (!evaluateOnly) {
				final ModelSpec spec = VaeVariant.spec(architecture, w, h, frame.side(), d, architecture ==
					VaeVariant.Architecture.DENSE ? hidden : filters, VaeVariant.loss(VaeVariant.reconstruction("bce"), 1,
						warmup), norm, frame.padValue());
				final TrainingConfig config = VaeTraining.configure(fromParameters(() -> TrainingConfig.defaults()
					.withPatchSize(frame.side()).withBatchSize(batchSize).withEpochs(epochs).withStepsPerEpoch(steps)
					.withLearningRate(learningRate).withTimeBudget(minutes).withSeed(seed)), trainingData, false);
				final TrainingMonitor monitor = new TrainingMonitor(status(), file.getFileName().toString(),
					this::isCanceled, false);
				ModelTraining.train(models, spec, trainingData, PairMaker.IDENTITY, config, file, monitor);
			}
			final double trainSeconds = (System.nanoTime() - t0) / 1e9;
			final double trainCpu = Machine.cpuSeconds() - cpu0;
			final double load1 = Machine.load();
			try (Model m = models.load(file, VaeVariant.ID)) {
				final long e0 = System.nanoTime();
				final Elbo.Result r = Elbo.of(m, ImageFrame.of(m.info().spec()), testPlanes, samples, seed);
				final double evalSeconds = (System.nanoTime() - e0) / 1e9;
				final BenchmarkRun run = BenchmarkRun.of(d, file, m.info(), r, evaluateOnly ? Double.NaN : trainSeconds,
					evaluateOnly ? Double.NaN : trainCpu, load0, load1, evalSeconds);
				LOG.info("VAE d={}: test -ELBO {} = {} + {} nats ({} test digits)", d, r.negativeElbo(), r
					.reconstruction(), r.kl(), r.images());
				runs.add(run);
				if (d == 2) Figures.write(m, test, testStack, grid, map, overwrite);
			}
		}
		final String text = Report.markdown(runs, command(), Instant.now(), Machine.cores());
		Figures.writeText(report.toPath(), text, overwrite);
		summary = Report.summary(runs);
	}

	/** The command line that reproduces this run. */
	private String command() {
		return String.format(Locale.ROOT, "hourglass run benchmark-vae data=%s latents=%s network=%s filters=%d " +
			"hidden=%d trainimages=%d testimages=%d epochs=%d stepsperepoch=%d batchsize=%d learningrate=%s warmup=%d " +
			"minutes=%s seed=%d samples=%d modelfolder=%s evaluateonly=%s report=%s%s%s", data, latents, network,
			filters, hidden, trainImages, testImages, epochs, stepsPerEpoch, batchSize, learningRate, warmup, minutes,
			seed, samples, modelFolder, evaluateOnly, report, grid == null ? "" : " grid=" + grid, map == null ? ""
				: " map=" + map);
	}

	/** The latent dimensions, distinct, in order. */
	static List<Integer> dimensions(final String text) {
		final Set<Integer> out = new LinkedHashSet<>();
		for (final String part : (text == null ? "" : text).split(",")) {
			if (part.isBlank()) continue;
			try {
				final int d = Integer.parseInt(part.strip());
				if (d < 1 || d > VaeVariant.MAX_LATENT) throw new NumberFormatException();
				out.add(d);
			}
			catch (final NumberFormatException e) {
				throw new InvalidInputException("Latent dimensions are integers from 1 to " + VaeVariant.MAX_LATENT +
					" separated by commas, e.g. 2,16; got '" + text + "'.");
			}
		}
		if (out.isEmpty()) throw new InvalidInputException("No latent dimension was given, e.g. latents=2,16.");
		return new ArrayList<>(out);
	}
}
