package org.hourglass.benchmark.engine;

/**
 * Memory of the process at one point of a run.
 *
 * @param phase what ran ({@code training} or {@code inference})
 * @param step steps (or batches) done so far in that phase
 * @param seconds since the phase started
 */
public record MemorySample(String phase, long step, double seconds, double rssMb, double heapUsedMb,
	double heapCommittedMb)
{

	/** A sample taken now. */
	public static MemorySample now(final String phase, final long step, final long startNanos) {
		return new MemorySample(phase, step, (System.nanoTime() - startNanos) / 1e9, ResidentMemory.rssMegabytes(),
			ResidentMemory.heapUsedMegabytes(), ResidentMemory.heapCommittedMegabytes());
	}
}
