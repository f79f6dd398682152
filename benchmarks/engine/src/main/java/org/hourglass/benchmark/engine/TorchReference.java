package org.hourglass.benchmark.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.InvalidInputException;

/** Runs {@code torch_reference.py} in a separate process and reads its one JSON line. */
final class TorchReference {

	private static final Logger LOG = LogManager.getLogger();
	private static final long TIMEOUT_MINUTES = 20;

	/** The script's figures. */
	record Result(String engine, double trainPatchesPerSecond, double inferPatchesPerSecond,
		long forwardFlopPerPatch, long trainFlopPerPatch) {}

	private final String python;
	private final Path script;

	TorchReference(final String python, final Path script) {
		if (!Files.isRegularFile(script)) {
			throw new InvalidInputException("the PyTorch reference script " + script + " does not exist");
		}
		this.python = python;
		this.script = script.toAbsolutePath();
	}

	Result run(final int batch, final int patch, final int iters, final int threads) {
		final List<String> command = new ArrayList<>(List.of(python, script.toString(), "--batch", "" + batch,
			"--patch", "" + patch, "--iters", "" + iters, "--threads", "" + threads));
		try {
			final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
			p.getOutputStream().close();
			final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
				p.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not finish in " + TIMEOUT_MINUTES +
					" minutes");
			}
			if (p.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): " +
					out.strip());
			}
			final String line = lastLine(out);
			LOG.info("PyTorch: {}", line);
			return parse(line);
		}
		catch (final IOException e) {
			throw new IllegalStateException("cannot run " + python + ": " + e.getMessage(), e);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while PyTorch was running", e);
		}
	}

	private static String lastLine(final String out) {
		final String[] lines = out.strip().split("\n");
		for (int i = lines.length - 1; i >= 0; i--) {
			if (lines[i].strip().startsWith("{")) return lines[i].strip();
		}
		throw new IllegalStateException("the reference printed no JSON line: " + out.strip());
	}

	/** Reads the script's flat JSON line. */
	static Result parse(final String json) {
		return new Result(text(json, "engine"), number(json, "train_patches_per_s"), number(json,
			"infer_patches_per_s"), (long) number(json, "forward_flop_per_patch"), (long) number(json,
				"train_flop_per_patch"));
	}

	private static double number(final String json, final String key) {
		final Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(-?[0-9.eE+-]+)").matcher(json);
		if (!m.find()) throw new IllegalStateException("the reference output has no " + key + ": " + json);
		return Double.parseDouble(m.group(1));
	}

	private static String text(final String json, final String key) {
		final Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
		return m.find() ? m.group(1) : "?";
	}
}
