package org.hourglass.benchmark.engine;

import java.util.Locale;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.PredictOptions;
import org.hourglass.api.Progress;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Tiled prediction through {@link Model#predict} with the default options: speed in megapixels per second
 * on a {@code size}×{@code size} image, and peak memory (resident set size and Java heap in use) on a
 * {@code peakSize}×{@code peakSize} image, for an untrained U-Net (depth 2, 32 filters) and for the
 * reference network.
 */
@Plugin(type = Command.class, name = "benchmark-tiled", headless = true,
	description = "Throughput and peak memory of tiled prediction of large images.")
public class BenchmarkTiledCommand implements Command {

	private static final Logger LOG = LogManager.getLogger();

	@Parameter
	private ModelService models;

	@Parameter(label = "Image side for speed", min = "64")
	private int size = 4096;

	@Parameter(label = "Image side for peak memory", min = "64")
	private int peakSize = 8192;

	@Parameter(label = "Timed predictions", min = "1")
	private int repeats = 1;

	@Parameter(label = "Tile size (0 = automatic)", min = "0")
	private int tile = 0;

	@Parameter(label = "Tiles per batch", min = "1")
	private int tileBatch = PredictOptions.defaults().batchSize();

	@Parameter(type = ItemIO.OUTPUT)
	private double unetMegapixelsPerSecond;

	@Parameter(type = ItemIO.OUTPUT)
	private double referenceMegapixelsPerSecond;

	@Parameter(type = ItemIO.OUTPUT)
	private String unet;

	@Parameter(type = ItemIO.OUTPUT)
	private String reference;

	@Parameter(type = ItemIO.OUTPUT)
	private String engine;

	@Override
	public void run() {
		final PredictOptions options = PredictOptions.defaults().withTileSize(tile).withBatchSize(tileBatch);
		final double[] u = measure("U-Net depth 2, 32 filters", NetworkSpec.unet(2, 32, false), options);
		unetMegapixelsPerSecond = u[0];
		unet = text(u);
		final double[] r = measure("reference network", ReferenceNetwork.network(), options);
		referenceMegapixelsPerSecond = r[0];
		reference = text(r);
		engine = EngineInfo.describe(models);
	}

	/** Megapixels/s, baseline RSS, peak RSS, baseline heap, peak heap. */
	private double[] measure(final String label, final NetworkSpec net, final PredictOptions options) {
		final ModelSpec spec = new ModelSpec("benchmark", 1, net, Loss.of(LossTerm.Kind.MSE), Normalization.percentile(),
			null);
		try (Model model = models.create(spec)) {
			model.predict(pattern(512), options, Progress.NONE);
			final double[] seconds = new double[repeats];
			Plane input = pattern(size);
			for (int i = 0; i < repeats; i++) {
				final long t0 = System.nanoTime();
				model.predict(input, options, Progress.NONE);
				seconds[i] = (System.nanoTime() - t0) / 1e9;
			}
			final double mps = (double) size * size / 1e6 / Stats.median(seconds);
			LOG.info("{}: {}x{} in {} s ({} megapixels/s)", label, size, size, Stats.median(seconds), mps);
			input = null;
			final Plane big = pattern(peakSize);
			System.gc();
			final double baseRss = ResidentMemory.rssMegabytes();
			final double baseHeap = ResidentMemory.heapUsedMegabytes();
			final PeakMemory peak = new PeakMemory(20);
			final long t0 = System.nanoTime();
			try (peak) {
				model.predict(big, options, Progress.NONE);
			}
			LOG.info("{}: {}x{} in {} s, peak RSS {} MB", label, peakSize, peakSize, (System.nanoTime() - t0) / 1e9,
				peak.peakRssMb());
			return new double[] { Math.round(mps * 100) / 100.0, baseRss, peak.peakRssMb(), baseHeap,
				peak.peakHeapMb(), Stats.median(seconds), (System.nanoTime() - t0) / 1e9 };
		}
	}

	private String text(final double[] m) {
		return String.format(Locale.ROOT, "%dx%d: %.2f megapixels/s (%.1f s); %dx%d: RSS %.0f MB before " +
			"(input image allocated), %.0f MB at peak; Java heap in use %.0f MB before, %.0f MB at peak",
			size, size, m[0], m[5], peakSize, peakSize, m[1], m[2], m[3], m[4]);
	}

	/** A smooth pattern with fine detail, values 0–1000. */
	static Plane pattern(final int side) {
		final float[] v = new float[Math.multiplyExact(side, side)];
		for (int y = 0; y < side; y++) {
			final double fy = (double) y / side;
			for (int x = 0; x < side; x++) {
				final double fx = (double) x / side;
				v[y * side + x] = (float) (500 + 300 * Math.sin(60 * fx) * Math.cos(90 * fy) + 150 * Math.sin(170 * fx *
					fy));
			}
		}
		return new Plane(side, side, v);
	}
}
