package org.hourglass.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code bin/hourglass} of an installation, run as processes in a scratch folder, with its own log folder and
 * temporary folder (where each process keeps its scratch folder), so a test sees exactly what its runs leave.
 */
final class Hourglass {

	final Path home;
	final Path scratch;
	final Path tmp;
	final Path logs;

	Hourglass(final Path home, final Path scratch) throws IOException {
		this.home = home;
		this.scratch = scratch;
		this.tmp = Files.createDirectories(scratch.resolve("tmp"));
		this.logs = scratch.resolve("logs");
	}

	/** The assembled workbench, run in {@code scratch}. */
	static Hourglass installed(final Path scratch) throws IOException {
		return new Hourglass(Installation.workbench(), scratch);
	}

	/**
	 * A private installation for a test that installs and uninstalls bundles: the assembled one's files hard-linked
	 * (copied where links are not possible) into {@code scratch/home}.
	 */
	static Hourglass copied(final Path scratch) throws IOException {
		final Path from = Installation.workbench();
		final Path to = scratch.resolve("home");
		try (Stream<Path> all = Files.walk(from)) {
			for (final Path p : all.toList()) {
				final Path q = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(q);
				else {
					try {
						Files.createLink(q, p);
					}
					catch (final IOException | UnsupportedOperationException e) {
						Files.copy(p, q, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
					}
				}
			}
		}
		return new Hourglass(to, scratch);
	}

	Processes.Result run(final String... args) throws Exception {
		return Processes.run(command(args), environment(), scratch);
	}

	/** Starts {@code hourglass args}, standard output and error to files named after {@code name}. */
	Process start(final String name, final String... args) throws IOException {
		final ProcessBuilder pb = new ProcessBuilder(command(args)).redirectOutput(scratch.resolve(name + "-out.txt")
			.toFile()).redirectError(scratch.resolve(name + "-err.txt").toFile()).directory(scratch.toFile());
		pb.environment().putAll(environment());
		return pb.start();
	}

	/** What a started process printed: standard output, then standard error. */
	String printed(final String name) throws IOException {
		return Files.readString(scratch.resolve(name + "-out.txt")) + Files.readString(scratch.resolve(name +
			"-err.txt"));
	}

	List<String> command(final String... args) {
		final List<String> c = new ArrayList<>();
		c.add(home.resolve("bin/hourglass").toString());
		c.addAll(List.of(args));
		return c;
	}

	Map<String, String> environment() {
		return Map.of("JAVA_HOME", System.getProperty("java.home"), "HOURGLASS_OPTS", "-Dhourglass.logs=" + logs +
			" -Djava.io.tmpdir=" + tmp + " -Dorg.bytedeco.javacpp.cachedir=" + System.getProperty(
				"org.bytedeco.javacpp.cachedir"));
	}

	/** Waits (at most {@code seconds}) until the log has a line containing {@code text}. */
	void awaitLog(final String text, final Process p, final int seconds) throws Exception {
		final Path log = logs.resolve("hourglass.log");
		final long end = System.nanoTime() + seconds * 1_000_000_000L;
		while (System.nanoTime() < end && p.isAlive()) {
			if (Files.exists(log) && Files.readString(log).contains(text)) return;
			Thread.sleep(100);
		}
		throw new AssertionError("no '" + text + "' in " + log + (p.isAlive() ? "" : "; hourglass exited with " + p
			.exitValue()));
	}

	/** The scratch folders that processes left in this installation's temporary folder. */
	List<Path> scratchFolders() throws IOException {
		try (Stream<Path> s = Files.list(tmp)) {
			return s.filter(p -> p.getFileName().toString().startsWith("hourglass-")).sorted().toList();
		}
	}

	/** True if {@code text} holds a Java stack trace. */
	static boolean hasStackTrace(final String text) {
		return text.lines().anyMatch(l -> l.startsWith("\tat ") || l.matches("\\s+at [\\w$.]+\\(.*\\)") || l.contains(
			"Exception in thread"));
	}
}
