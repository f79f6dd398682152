package org.hourglass.spark;

import org.apache.spark.TaskContext;
import org.hourglass.engine.EngineThreads;

/**
 * Gives ND4J the cores Spark gives each task ({@code spark.task.cpus}) before the task uses the model: an executor
 * of N cores runs N / task.cpus tasks at once, each with that many threads. Set in every task (it is cheap), since
 * OpenMP's setting belongs to the thread that makes it; {@link Main} sets {@code OMP_NUM_THREADS} on the executors
 * too, which reaches every thread and OpenBLAS.
 */
final class ExecutorThreads {

	private ExecutorThreads() {}

	/** From within a task. */
	static void configure() {
		final TaskContext task = TaskContext.get();
		EngineThreads.set(task == null ? 1 : Math.max(1, task.cpus()));
	}
}
