package org.hourglass.benchmark.engine;

import java.nio.file.Path;
import java.util.Locale;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.InvalidInputException;
import org.hourglass.api.ModelService;
import org.hourglass.api.network.NetworkSpec;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Training and inference throughput of the network of {@code torch_reference.py} in Hourglass, and with
 * {@code reference} set, of the script itself, run alternately in the same session: medians of
 * {@code repeats} runs each and the Hourglass ÷ PyTorch ratios, plus Markdown table rows.
 */
@Plugin(type = Command.class, name = "benchmark-speed", headless = true,
	description = "Training and inference speed of the reference network beside PyTorch.")
public class BenchmarkSpeedCommand implements Command {

	private static final Logger LOG = LogManager.getLogger();

	@Parameter
	private ModelService models;

	@Parameter(label = "PyTorch reference script", required = false)
	private String reference;

	@Parameter(label = "Python", required = false)
	private String python = "python3";

	@Parameter(label = "Timed steps per repeat", min = "1")
	private int iters = 100;

	@Parameter(label = "Untimed Hourglass training steps first (a quarter as many inference batches)", min = "0")
	private int warmup = 200;

	@Parameter(label = "Alternating runs of each side", min = "1")
	private int repeats = 3;

	@Parameter(label = "Batch size", min = "1")
	private int batch = 32;

	@Parameter(label = "Patch size", min = "4")
	private int patch = 64;

	@Parameter(label = "PyTorch threads", min = "1")
	private int threads = 2;

	@Parameter(type = ItemIO.OUTPUT)
	private double trainPatchesPerSecond;

	@Parameter(type = ItemIO.OUTPUT)
	private double trainGflops;

	@Parameter(type = ItemIO.OUTPUT)
	private double inferPatchesPerSecond;

	@Parameter(type = ItemIO.OUTPUT)
	private double inferGflops;

	@Parameter(type = ItemIO.OUTPUT)
	private double torchTrainPatchesPerSecond = Double.NaN;

	@Parameter(type = ItemIO.OUTPUT)
	private double torchInferPatchesPerSecond = Double.NaN;

	@Parameter(type = ItemIO.OUTPUT)
	private double trainRatio = Double.NaN;

	@Parameter(type = ItemIO.OUTPUT)
	private double inferRatio = Double.NaN;

	@Parameter(type = ItemIO.OUTPUT)
	private String engine;

	@Parameter(type = ItemIO.OUTPUT)
	private String markdown;

	@Override
	public void run() {
		final NetworkSpec net = ReferenceNetwork.network();
		if (patch % net.downsamplingFactor() != 0 || patch > ReferenceNetwork.IMAGE_SIDE / 2) {
			throw new InvalidInputException("the patch size must be a multiple of " + net.downsamplingFactor() +
				" and at most " + ReferenceNetwork.IMAGE_SIDE / 2 + ", got " + patch);
		}
		final TorchReference torch = reference == null || reference.isBlank() ? null
			: new TorchReference(python == null || python.isBlank() ? "python3" : python, Path.of(reference));
		final double[] hgTrain = new double[repeats];
		final double[] hgInfer = new double[repeats];
		final double[] ptTrain = new double[repeats];
		final double[] ptInfer = new double[repeats];
		String torchEngine = "";
		for (int r = 0; r < repeats; r++) {
			LOG.info("Speed run {} of {}", r + 1, repeats);
			final HourglassSpeed.Result hg = HourglassSpeed.measure(models, batch, patch, iters, warmup, 1000L + r);
			hgTrain[r] = hg.trainPatchesPerSecond();
			hgInfer[r] = hg.inferPatchesPerSecond();
			if (torch != null) {
				final TorchReference.Result pt = torch.run(batch, patch, iters, threads);
				if (pt.forwardFlopPerPatch() != Flops.forward(net, patch) ||
					pt.trainFlopPerPatch() != Flops.training(net, patch))
				{
					LOG.warn("The reference counts {} / {} FLOP per patch, Hourglass {} / {}: the networks differ",
						pt.forwardFlopPerPatch(), pt.trainFlopPerPatch(), Flops.forward(net, patch), Flops.training(net,
							patch));
				}
				ptTrain[r] = pt.trainPatchesPerSecond();
				ptInfer[r] = pt.inferPatchesPerSecond();
				torchEngine = pt.engine();
			}
		}
		trainPatchesPerSecond = round(Stats.median(hgTrain), 1);
		inferPatchesPerSecond = round(Stats.median(hgInfer), 1);
		trainGflops = round(Stats.median(hgTrain) * Flops.training(net, patch) / 1e9, 1);
		inferGflops = round(Stats.median(hgInfer) * Flops.forward(net, patch) / 1e9, 1);
		engine = EngineInfo.describe(models);
		if (torch != null) {
			torchTrainPatchesPerSecond = round(Stats.median(ptTrain), 1);
			torchInferPatchesPerSecond = round(Stats.median(ptInfer), 1);
			trainRatio = round(Stats.median(hgTrain) / Stats.median(ptTrain), 3);
			inferRatio = round(Stats.median(hgInfer) / Stats.median(ptInfer), 3);
			engine += "; reference: " + torchEngine;
		}
		markdown = table(hgTrain, hgInfer, torch == null ? null : ptTrain, ptInfer);
	}

	private String table(final double[] hgTrain, final double[] hgInfer, final double[] ptTrain,
		final double[] ptInfer)
	{
		final StringBuilder sb = new StringBuilder();
		sb.append("\n| run | Hourglass training (patches/s) | PyTorch training | ratio | Hourglass inference (patches/s) " +
			"| PyTorch inference | ratio |\n|---|---:|---:|---:|---:|---:|---:|\n");
		for (int r = 0; r < hgTrain.length; r++) {
			sb.append(row(String.valueOf(r + 1), hgTrain[r], ptTrain == null ? Double.NaN : ptTrain[r], hgInfer[r],
				ptTrain == null ? Double.NaN : ptInfer[r]));
		}
		sb.append(row("**median**", Stats.median(hgTrain), ptTrain == null ? Double.NaN : Stats.median(ptTrain),
			Stats.median(hgInfer), ptTrain == null ? Double.NaN : Stats.median(ptInfer)));
		return sb.toString();
	}

	private static String row(final String label, final double ht, final double pt, final double hi,
		final double pi)
	{
		return String.format(Locale.ROOT, "| %s | %.1f | %s | %s | %.1f | %s | %s |%n", label, ht, fmt(pt, 1),
			fmt(ht / pt, 3), hi, fmt(pi, 1), fmt(hi / pi, 3));
	}

	private static String fmt(final double v, final int digits) {
		return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "–";
	}

	private static double round(final double v, final int digits) {
		final double f = Math.pow(10, digits);
		return Math.round(v * f) / f;
	}
}
