package org.hourglass.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hourglass.api.PredictOptions;
import org.hourglass.imagej.OutputFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar built for spark-submit, run as spark-submit runs it: {@code SparkSubmit} on a class path of Spark and
 * its libraries only, the jar as the application jar (in Spark's own class loader), in {@code local[2]}. Its
 * ND4J, natives and relocated libraries must work beside Spark's; its results are the single machine's, and a
 * refusal is one line with exit code 1.
 */
class ShadedJarIT {

	@TempDir
	Path dir;

	/** spark-submit's options for Java 17 (what bin/spark-submit adds), and the local master. */
	private List<String> submit(final String... job) throws Exception {
		final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString(), "-Xmx1g", "-Djava.awt.headless=true", "--add-opens=java.base/java.lang=ALL-UNNAMED",
			"--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
			"--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
			"--add-opens=java.base/java.util.concurrent=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
			"--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
			"--add-opens=java.base/sun.security.action=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
			"-cp", Files.readString(Path.of(System.getProperty("hourglass.sparkClasspath"))).strip(),
			"org.apache.spark.deploy.SparkSubmit", "--master", "local[2]", "--conf", "spark.ui.enabled=false", "--conf",
			"spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1", "--class",
			"org.hourglass.spark.Main", System.getProperty("hourglass.sparkJar")));
		command.addAll(List.of(job));
		return command;
	}

	private record Run(int code, String out, String err) {}

	private Run run(final List<String> command) throws Exception {
		final File out = dir.resolve("out.txt").toFile();
		final File err = dir.resolve("err.txt").toFile();
		final ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
		pb.environment().put("OMP_NUM_THREADS", "1");
		final Process p = pb.start();
		if (!p.waitFor(4, TimeUnit.MINUTES)) {
			p.destroyForcibly();
			throw new AssertionError("spark-submit did not finish in 4 minutes");
		}
		return new Run(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8), Files.readString(err
			.toPath(), StandardCharsets.UTF_8));
	}

	@Test
	void theJarDenoisesAFolderUnderSparkSubmitAndRefusesBadInputInOneLine() throws Exception {
		final Path model = TestData.denoiseModel(dir);
		final Path in = TestData.images(dir.resolve("in"), 3, 48);
		final Path out = dir.resolve("results");
		final Run ok = run(submit("denoise", "--model", model.toString(), "--input", in.toString(), "--output", out
			.toString()));
		assertEquals(Main.OK, ok.code(), ok.err());
		assertTrue(ok.out().contains("3 image(s), 3 written"), ok.out() + ok.err());
		for (final Path f : TestData.files(in)) {
			SingleMachine.assertSame(SingleMachine.result(Variant.DENOISE, model, f, PredictOptions.defaults()), out
				.resolve(OutputFolder.tiffName(f)));
		}
		final Run refused = run(submit("upscale", "--model", model.toString(), "--input", in.toString(), "--output",
			dir.resolve("up").toString()));
		assertEquals(Main.BAD_INPUT, refused.code(), refused.err());
		assertTrue(refused.err().contains(model + " is a 'denoise' model"), refused.err());
		assertTrue(!refused.err().contains("\tat "), "no stack trace: " + refused.err());
	}
}
