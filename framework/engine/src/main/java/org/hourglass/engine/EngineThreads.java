package org.hourglass.engine;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many threads the engine uses for one operation, for the whole JVM: a host that runs several predictions
 * side by side (a Spark executor running one task per core) gives each its share instead of letting every one
 * use all cores. The default is ND4J's: the {@code OMP_NUM_THREADS} environment variable, or all cores.
 */
public final class EngineThreads {

	private static final Logger LOG = LogManager.getLogger();

	private EngineThreads() {}

	/**
	 * Sets the threads of ND4J's own thread pool and of OpenMP (which the native kernels use), starting ND4J if
	 * needed. Operations started afterwards use them.
	 *
	 * @throws IllegalArgumentException if {@code threads} is less than 1
	 * @throws org.hourglass.api.HourglassException if ND4J cannot start on this computer
	 */
	public static void set(final int threads) {
		if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
		Nd4jRuntime.start();
		Nd4j.getEnvironment().setMaxThreads(threads);
		Nd4j.getEnvironment().setMaxMasterThreads(threads);
		NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
		LOG.info("ND4J uses {} thread(s) per operation", threads);
	}

	/** The threads of ND4J's own thread pool (after {@link #set}, the number set), starting ND4J if needed. */
	public static int get() {
		Nd4jRuntime.start();
		return Nd4j.getEnvironment().maxThreads();
	}
}
