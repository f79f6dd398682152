package org.hourglass.distribution.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.hourglass.runtime.Workbench;
import org.hourglass.runtime.WorkbenchException;
import org.hourglass.runtime.command.CommandFailedException;
import org.hourglass.runtime.command.CommandUnavailableException;
import org.hourglass.runtime.command.UsageException;

/**
 * Runs cases through a real workbench's command runner, as {@code hourglass run} does, and judges each: what it
 * printed or logged (a stack trace is a failure), the exception it ended with (mapped to the command line's exit
 * code), and what it left in its folder.
 */
final class CorpusRunner implements AutoCloseable {

	private static final long TIMEOUT_SECONDS = 180;

	private final Workbench workbench;
	private final Path work;
	private final boolean keep;
	private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
	private final AbstractAppender appender;
	private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
		final Thread t = new Thread(r, "fuzz-case");
		t.setDaemon(true);
		return t;
	});

	/**
	 * @param work where each case gets its folder
	 * @param keep keep the cases' folders (else each is deleted once judged)
	 */
	CorpusRunner(final Workbench workbench, final Path work, final boolean keep) {
		this.workbench = workbench;
		this.work = work;
		this.keep = keep;
		this.appender = new AbstractAppender("fuzz-traces", null, null, true, Property.EMPTY_ARRAY) {

			@Override
			public void append(final LogEvent e) {
				if (e.getLevel().isMoreSpecificThan(Level.WARN) && e.getThrown() != null) {
					logged.add(e.getLevel() + " " + e.getLoggerName() + ": " + e.getMessage().getFormattedMessage() + ": " + e
						.getThrown());
				}
			}
		};
		appender.start();
		final LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
		ctx.getConfiguration().getRootLogger().addAppender(appender, Level.WARN, null);
		ctx.updateLoggers();
	}

	/** Runs one case in a fresh folder and judges how it ended. */
	Verdict run(final FuzzCase c) throws IOException {
		final Path dir = Files.createDirectories(work.resolve(c.id()));
		final FuzzCase.Invocation inv = c.maker().make(dir);
		final Map<String, String> before = snapshot(dir);
		logged.clear();
		final PrintStream out = System.out;
		final PrintStream err = System.err;
		final ByteArrayOutputStream printed = new ByteArrayOutputStream();
		final PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
		int code;
		String message = "";
		System.setOut(capture);
		System.setErr(capture);
		try {
			final Future<?> f = thread.submit(() -> workbench.runner().run(inv.command(), inv.args()));
			try {
				f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
				code = 0;
			}
			catch (final java.util.concurrent.ExecutionException e) {
				final Throwable t = e.getCause();
				code = codeOf(t);
				message = code < 0 ? String.valueOf(t) : t.getMessage();
			}
			catch (final TimeoutException e) {
				f.cancel(true);
				throw new IllegalStateException(c.id() + " (" + c.what() + ") did not end within " + TIMEOUT_SECONDS + " s");
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
		final List<String> traces = new ArrayList<>(logged);
		final String text = printed.toString(StandardCharsets.UTF_8);
		text.lines().filter(l -> l.startsWith("\tat ") || l.contains("Exception in thread")).findFirst().ifPresent(
			l -> traces.add("printed: " + l.trim()));
		final boolean written = inv.output() != null && Files.exists(inv.output());
		final List<String> changes = code > 0 ? changes(before, snapshot(dir)) : List.of();
		final Verdict v = Verdict.of(c, inv, code, message, traces, changes, written);
		if (!keep) delete(dir);
		return v;
	}

	/** The command line's exit code for how a run ended (see {@code Main.exitCode}); -1 for a crash. */
	static int codeOf(final Throwable t) {
		if (t instanceof UsageException) return 2;
		if (t instanceof CommandFailedException) return 1;
		if (t instanceof CommandUnavailableException || t instanceof WorkbenchException) return 3;
		return -1;
	}

	/** Every file below {@code dir} with its size and SHA-256. */
	static Map<String, String> snapshot(final Path dir) throws IOException {
		final Map<String, String> out = new LinkedHashMap<>();
		try (Stream<Path> s = Files.walk(dir)) {
			for (final Path p : s.sorted().toList()) {
				if (Files.isRegularFile(p)) out.put(dir.relativize(p).toString(), Files.size(p) + " " + Zips.sha256(Files
					.readAllBytes(p)));
				else if (!p.equals(dir)) out.put(dir.relativize(p) + "/", "folder");
			}
		}
		return out;
	}

	static List<String> changes(final Map<String, String> before, final Map<String, String> after) {
		final List<String> out = new ArrayList<>();
		after.forEach((k, v) -> {
			if (!before.containsKey(k)) out.add(k + ": new");
			else if (!before.get(k).equals(v)) out.add(k + ": changed");
		});
		before.keySet().forEach(k -> {
			if (!after.containsKey(k)) out.add(k + ": removed");
		});
		return out;
	}

	private static void delete(final Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			for (final Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
		}
	}

	@Override
	public void close() {
		final LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
		ctx.getConfiguration().getRootLogger().removeAppender(appender.getName());
		ctx.updateLoggers();
		appender.stop();
		thread.shutdownNow();
	}
}
