package org.hourglass.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hourglass.runtime.command.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code hourglass spark}: what it needs, said plainly, and the spark-submit command it runs. */
class SparkCommandTest {

	@TempDir
	Path dir;

	private static SparkCommand parsed(final Map<String, String> env, final String... args) {
		final SparkCommand c = new SparkCommand(env);
		new CommandLine(c).parseArgs(args);
		return c;
	}

	@Test
	void withoutSparkHomeItSaysWhatToInstall() {
		final String m = assertThrows(UsageException.class, () -> parsed(Map.of(), "denoise", "--model", "m.zip")
			.commandLine()).getMessage();
		assertTrue(m.contains("needs Apache Spark 3.5 for Scala 2.13") && m.contains("set SPARK_HOME"), m);
		final String wrong = assertThrows(UsageException.class, () -> parsed(Map.of("SPARK_HOME", dir.toString()),
			"denoise").commandLine()).getMessage();
		assertTrue(wrong.contains("spark-submit is not there"), wrong);
	}

	@Test
	void itRunsSparkSubmitInLocalModeWithTheJarAndTheJobsArguments() throws Exception {
		final Path submit = Files.createDirectories(dir.resolve("spark/bin")).resolve("spark-submit");
		Files.writeString(submit, "");
		final Path jar = Files.writeString(dir.resolve("hourglass-spark.jar"), "");
		final Map<String, String> env = Map.of("SPARK_HOME", dir.resolve("spark").toString());
		assertEquals(List.of(submit.toString(), "--master", "local[*]", "--class", "org.hourglass.spark.Main", jar
			.toString(), "denoise", "--model", "m.zip", "--input", "in", "--output", "out", "--tile", "64"), parsed(env,
				"--jar", jar.toString(), "denoise", "--model", "m.zip", "--input", "in", "--output", "out", "--tile", "64")
					.commandLine());
		assertEquals("local[2]", parsed(env, "--master", "local[2]", "--jar", jar.toString(), "upscale").commandLine()
			.get(2));
		final String noJar = assertThrows(UsageException.class, () -> parsed(env, "--jar", dir.resolve("none.jar")
			.toString(), "denoise").commandLine()).getMessage();
		assertTrue(noJar.contains("none.jar is not there"), noJar);
		final String noJob = assertThrows(UsageException.class, () -> parsed(env, "--jar", jar.toString())
			.commandLine()).getMessage();
		assertTrue(noJob.contains("which job?"), noJob);
	}

	@Test
	void theHelpSaysWhatItNeeds() {
		final StringWriter out = new StringWriter();
		final int code = Main.execute(new HourglassCli(() -> {
			throw new AssertionError("no workbench is needed");
		}), new String[] { "spark", "--help" }, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
		assertEquals(ExitCodes.OK, code);
		assertTrue(out.toString().contains("SPARK_HOME"), out.toString());
	}
}
