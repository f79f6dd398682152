package org.hourglass.benchmark.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Resident memory and Java heap during a long training run (at least 2,000 steps at batch 32 on 64×64
 * patches by default) and a long inference run (1,000 batches) of the reference network: a CSV of the
 * samples, optionally a PNG chart, and a summary (RSS after warm-up, at the end, largest).
 */
@Plugin(type = Command.class, name = "benchmark-memory", headless = true,
	description = "Resident memory over a long training and inference run.")
public class BenchmarkMemoryCommand implements Command {

	private static final Logger LOG = LogManager.getLogger();

	@Parameter
	private ModelService models;

	@Parameter(label = "CSV file", required = false)
	private String csv;

	@Parameter(label = "PNG chart", required = false)
	private String plot;

	@Parameter(label = "Epochs", min = "1")
	private int epochs = 10;

	@Parameter(label = "Steps per epoch", min = "1")
	private int stepsPerEpoch = 200;

	@Parameter(label = "Inference batches", min = "1")
	private int inferBatches = 1000;

	@Parameter(label = "Sample every (steps)", min = "1")
	private int every = 20;

	@Parameter(label = "Batch size", min = "1")
	private int batch = 32;

	@Parameter(label = "Patch size", min = "4")
	private int patch = 64;

	@Parameter(label = "Warm-up fraction", min = "0", max = "0.9")
	private double warmup = 0.1;

	@Parameter(label = "Overwrite", persist = false, description = "Replace the CSV file and chart if they exist.")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT)
	private String training;

	@Parameter(type = ItemIO.OUTPUT)
	private String inference;

	@Parameter(type = ItemIO.OUTPUT)
	private double trainRssGrowthMb;

	@Parameter(type = ItemIO.OUTPUT)
	private double inferRssGrowthMb;

	@Parameter(type = ItemIO.OUTPUT)
	private String engine;

	@Override
	public void run() {
		// refused before a run of many minutes, not after it
		for (final String f : new String[] { csv, plot }) {
			if (f != null && !f.isBlank() && Files.exists(Path.of(f)) && !overwrite) {
				throw new IllegalArgumentException(f + " exists already; choose another name, or replace it " +
					"(overwrite=true)");
			}
		}
		final MemoryRun run = new MemoryRun();
		try (Model created = models.create(ReferenceNetwork.modelSpec())) {
			run.train(models, created, epochs, stepsPerEpoch, batch, patch, every);
			LOG.info("Training done; inference of {} batches", inferBatches);
			run.infer(created, inferBatches, batch, patch, every);
		}
		final long trainSteps = (long) epochs * stepsPerEpoch;
		final MemoryRun.Summary t = MemoryRun.summarise(run.samples(), MemoryRun.TRAINING,
			Math.round(trainSteps * warmup));
		final MemoryRun.Summary i = MemoryRun.summarise(run.samples(), MemoryRun.INFERENCE,
			Math.round(inferBatches * warmup));
		training = describe(trainSteps, t);
		inference = describe(inferBatches, i);
		trainRssGrowthMb = Math.round(t.endMb() - t.afterWarmupMb());
		inferRssGrowthMb = Math.round(i.endMb() - i.afterWarmupMb());
		engine = EngineInfo.describe(models);
		if (csv != null && !csv.isBlank()) MemoryCsv.write(Path.of(csv), run.samples(), overwrite);
		if (plot != null && !plot.isBlank()) CurvePlot.write(Path.of(plot), run.samples(), overwrite);
	}

	private String describe(final long steps, final MemoryRun.Summary s) {
		return String.format(Locale.ROOT, "%d steps in %.0f s: RSS %.0f MB after warm-up (%.0f%%), %.0f MB at the " +
			"end, %.0f MB at most; Java heap in use at most %.0f MB", steps, s.seconds(), s.afterWarmupMb(),
			warmup * 100, s.endMb(), s.maxMb(), s.heapMaxMb());
	}
}
