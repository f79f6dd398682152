package org.hourglass.spark;

import org.apache.spark.TaskContext;
import org.hourglass.engine.EngineThreads;

/**
 * Gives ND4J the cores Spark gives each task ({@code spark.task.cpus}), once per JVM and before the first model
 * is used in a task: an executor of N cores runs N / task.cpus tasks at once, each with that many threads.
 */
final class ExecutorThreads {

	private static volatile boolean set;

	private ExecutorThreads() {}

	/** From within a task. */
	static void configure() {
		if (set) return;
		synchronized (ExecutorThreads.class) {
			if (set) return;
			final TaskContext task = TaskContext.get();
			EngineThreads.set(task == null ? 1 : Math.max(1, task.cpus()));
			set = true;
		}
	}
}
