package org.hourglass.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.apache.spark.api.java.JavaSparkContext;
import org.hourglass.engine.EngineThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ND4J gets the cores of a task: {@code spark.task.cpus}. */
class TaskCpusTest {

	@TempDir
	Path dir;

	@Test
	void ND4JRunsWithTheTasksCores() throws Exception {
		final Path model = TestData.denoiseModel(dir);
		final Path in = TestData.images(dir.resolve("in"), 2, 32);
		for (final int cpus : new int[] { 1, 2 }) {
			final JavaSparkContext spark = LocalSpark.start("local[2]", "spark.task.cpus", Integer.toString(cpus));
			try {
				final String[] printed = new String[1];
				assertEquals(Main.OK, FolderJobTest.run(spark, printed, "denoise", "--model", model.toString(), "--input",
					in.toString(), "--output", dir.resolve("out-" + cpus).toString()), printed[0]);
				assertEquals(cpus, EngineThreads.get(), "ND4J's threads after a task of " + cpus + " cores");
			}
			finally {
				spark.stop();
			}
		}
	}
}
