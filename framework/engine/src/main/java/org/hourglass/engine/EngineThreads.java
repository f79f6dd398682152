package org.hourglass.engine;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many threads the engine uses for one operation: a host that runs several predictions side by side (a Spark
 * executor running one task per core) gives each its share instead of letting every one use all cores. The
 * default is ND4J's: the {@code OMP_NUM_THREADS} environment variable, or all cores. ND4J's thread pool is made
 * that large when it starts, and this sets how many of its threads an operation uses (for the whole JVM), and
 * OpenMP's threads for the calling thread; the environment variable, where a host can set it, also reaches
 * OpenMP's other threads and OpenBLAS.
 */
public final class EngineThreads {

	private static final Logger LOG = LogManager.getLogger();

	private EngineThreads() {}

	/**
	 * Sets how many threads one operation uses, at most the size of ND4J's pool; starts ND4J if needed. Operations
	 * started afterwards use them.
	 *
	 * @throws IllegalArgumentException if {@code threads} is less than 1
	 * @throws org.hourglass.api.HourglassException if ND4J cannot start on this computer
	 */
	public static void set(final int threads) {
		if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
		Nd4jRuntime.start();
		Nd4j.getEnvironment().setMaxMasterThreads(threads);
		NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
		LOG.debug("ND4J uses {} thread(s) per operation", threads);
	}

	/** The threads one operation uses (after {@link #set}, the number set), starting ND4J if needed. */
	public static int get() {
		Nd4jRuntime.start();
		return Nd4j.getEnvironment().maxMasterThreads();
	}
}
