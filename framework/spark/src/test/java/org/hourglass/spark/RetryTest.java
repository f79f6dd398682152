package org.hourglass.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.hourglass.api.PredictOptions;
import org.hourglass.imagej.OutputFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that fails once, after writing its part file and before renaming it (the test hook of {@link FailOnce}),
 * is retried by Spark ({@code local[2,2]}: two attempts per task), and the output is complete and correct.
 */
class RetryTest {

	@TempDir
	static Path dir;

	private static JavaSparkContext spark;

	@BeforeAll
	static void start() {
		spark = LocalSpark.start("local[2,2]", FailOnce.KEY, dir.resolve("failed-once").toString());
	}

	@AfterAll
	static void stop() {
		if (spark != null) spark.stop();
	}

	@Test
	void aFailedTaskIsRetriedAndTheOutputIsComplete() throws Exception {
		final Path model = TestData.denoiseModel(dir);
		final Path in = TestData.images(dir.resolve("in"), 4, 48);
		final Path out = dir.resolve("out");
		final String[] printed = new String[1];
		assertEquals(Main.OK, FolderJobTest.run(spark, printed, "denoise", "--model", model.toString(), "--input", in
			.toString(), "--output", out.toString()), printed[0]);
		assertTrue(Files.exists(dir.resolve("failed-once")), "a task failed");
		assertTrue(printed[0].contains("4 image(s), 4 written"), printed[0]);
		final List<Path> inputs = TestData.files(in);
		try (var all = Files.list(out)) {
			assertEquals(inputs.size(), all.count(), "the results and nothing else: no part file is left");
		}
		for (final Path f : inputs) {
			SingleMachine.assertSame(SingleMachine.result(Variant.DENOISE, model, f, PredictOptions.defaults()), out
				.resolve(OutputFolder.tiffName(f)));
		}
	}
}
