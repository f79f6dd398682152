package org.hourglass.benchmark.engine;

/**
 * Samples resident set size and Java heap in use on a background thread while something runs, and keeps
 * the largest values seen.
 */
public final class PeakMemory implements AutoCloseable {

	private final Thread thread;
	private volatile boolean running = true;
	private volatile double peakRss;
	private volatile double peakHeap;

	public PeakMemory(final long periodMillis) {
		sample();
		thread = new Thread(() -> {
			while (running) {
				sample();
				try {
					Thread.sleep(periodMillis);
				}
				catch (final InterruptedException e) {
					return;
				}
			}
		}, "hourglass-peak-memory");
		thread.setDaemon(true);
		thread.start();
	}

	private void sample() {
		final double rss = ResidentMemory.rssMegabytes();
		final double heap = ResidentMemory.heapUsedMegabytes();
		if (rss > peakRss) peakRss = rss;
		if (heap > peakHeap) peakHeap = heap;
	}

	public double peakRssMb() {
		return peakRss;
	}

	public double peakHeapMb() {
		return peakHeap;
	}

	@Override
	public void close() {
		running = false;
		thread.interrupt();
		try {
			thread.join(1000);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		sample();
	}
}
