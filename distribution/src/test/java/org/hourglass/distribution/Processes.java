package org.hourglass.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a process to its end and keeps what it printed. */
final class Processes {

	record Result(int exitCode, String out, String err) {

		@Override
		public String toString() {
			return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
		}
	}

	private Processes() {}

	/** @param env variables to set, and to remove where the value is {@code null} */
	static Result run(final List<String> command, final Map<String, String> env, final Path scratch)
		throws IOException, InterruptedException
	{
		final Path out = Files.createTempFile(scratch, "out", ".txt");
		final Path err = Files.createTempFile(scratch, "err", ".txt");
		final ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err
			.toFile()).directory(scratch.toFile());
		env.forEach((k, v) -> {
			if (v == null) pb.environment().remove(k);
			else pb.environment().put(k, v);
		});
		final Process p = pb.start();
		if (!p.waitFor(180, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError("timed out: " + command);
		}
		return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err,
			StandardCharsets.UTF_8));
	}

	/** {@code key = value} lines of standard output. */
	static Map<String, String> keyValues(final String out) {
		final Map<String, String> map = new java.util.LinkedHashMap<>();
		for (final String line : out.split("\\R")) {
			final int eq = line.indexOf(" = ");
			if (eq > 0) map.put(line.substring(0, eq).trim(), line.substring(eq + 3).trim());
		}
		return map;
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}
}
