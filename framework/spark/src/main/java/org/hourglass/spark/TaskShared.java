package org.hourglass.spark;

import java.io.IOException;
import java.io.Serializable;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.broadcast.Broadcast;

/**
 * What every task of a job shares: the job's arguments, the broadcast model file and Hadoop configuration, the
 * Spark application id (which names part files) and the test marker of {@link FailOnce} ({@code null} unless a test
 * sets it).
 */
record TaskShared(Arguments args, Broadcast<ModelBytes> model, Broadcast<HadoopConf> conf, String application,
	String failOnce) implements Serializable
{

	/** A model of the job's file lent to this task ({@link ModelCache}); close it when the task is done with it. */
	ModelCache.Lease lease() {
		return ModelCache.lease(model.value(), args.variant().id);
	}

	/** The file system of {@code path}, with the job's Hadoop configuration. */
	FileSystem fileSystem(final Path path) throws IOException {
		return Locations.fileSystem(path, conf.value().get());
	}

	/** The running task's attempt id (0 outside a task), which names its part files with the application id. */
	static long attempt() {
		final org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
		return task == null ? 0 : task.taskAttemptId();
	}
}
