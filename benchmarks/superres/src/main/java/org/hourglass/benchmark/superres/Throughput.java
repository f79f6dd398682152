package org.hourglass.benchmark.superres;

import org.hourglass.api.Model;
import org.hourglass.api.PredictOptions;
import org.hourglass.api.Progress;
import org.hourglass.api.image.Plane;
import org.hourglass.benchmark.engine.PeakMemory;
import org.hourglass.benchmark.engine.ResidentMemory;

/**
 * The speed and peak memory of upscaling one large plane with {@link Model#predict}, the call Upscale makes
 * for every plane, with Upscale's default options.
 *
 * @param model the model's name
 * @param factor its factor
 * @param inputSide the input's width and height
 * @param seconds wall time of the prediction
 * @param rssBefore resident set size before (MB), with the input allocated
 * @param rssPeak its peak during the prediction (MB)
 * @param heapBefore Java heap in use before (MB)
 * @param heapPeak its peak (MB)
 */
public record Throughput(String model, int factor, int inputSide, double seconds, double rssBefore,
	double rssPeak, double heapBefore, double heapPeak)
{

	/** Samples memory this often while predicting. */
	static final long SAMPLE_MILLIS = 20;

	/** Megapixels of output per second. */
	public double outputMegapixelsPerSecond() {
		final double side = (double) inputSide * factor;
		return side * side / 1e6 / seconds;
	}

	/**
	 * Predicts {@code warmUp} once untimed, then {@code input} timed, sampling memory meanwhile.
	 */
	public static Throughput measure(final String name, final Model model, final Plane warmUp, final Plane input) {
		final PredictOptions options = PredictOptions.defaults();
		model.predict(warmUp, options, Progress.NONE);
		System.gc();
		final double rss = ResidentMemory.rssMegabytes();
		final double heap = ResidentMemory.heapUsedMegabytes();
		final PeakMemory peak = new PeakMemory(SAMPLE_MILLIS);
		final long t0 = System.nanoTime();
		try (peak) {
			model.predict(input, options, Progress.NONE);
		}
		final double seconds = (System.nanoTime() - t0) / 1e9;
		return new Throughput(name, model.info().spec().network().upscale(), input.width(), seconds, rss, peak
			.peakRssMb(), heap, peak.peakHeapMb());
	}
}
