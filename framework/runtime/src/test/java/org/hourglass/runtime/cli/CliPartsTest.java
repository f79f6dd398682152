package org.hourglass.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.hourglass.runtime.WorkbenchException;
import org.hourglass.runtime.command.CommandFailedException;
import org.hourglass.runtime.command.CommandUnavailableException;
import org.hourglass.runtime.command.UsageException;
import org.junit.jupiter.api.Test;
import org.scijava.app.event.StatusEvent;

class CliPartsTest {

	@Test
	void keyValueArgumentsKeepTheirOrderAndRefuseRepeatsAndGarbage() {
		assertEquals(Map.of("a", "1", "b", "x=y"), RunCommand.parse(List.of("a=1", "b=x=y")));
		assertEquals(List.of("b", "a"), List.copyOf(RunCommand.parse(List.of("b=1", "a=2")).keySet()));
		assertThrows(UsageException.class, () -> RunCommand.parse(List.of("a")));
		assertThrows(UsageException.class, () -> RunCommand.parse(List.of("=1")));
		assertThrows(UsageException.class, () -> RunCommand.parse(List.of("a=1", "a=2")));
		assertThrows(UsageException.class, () -> RunCommand.parse(List.of("tileSize=1", "tilesize=2")));
	}

	@Test
	void progressLineShowsBarPercentTimesAndStatus() {
		assertTrue(ProgressBar.line(0.5, 61, "epoch 5").startsWith("[###############               ]  50%  1:01, " +
			"1:01 left  epoch 5"), ProgressBar.line(0.5, 61, "epoch 5"));
		assertTrue(ProgressBar.line(-1, 3, "loading").startsWith("loading"));
		assertTrue(ProgressBar.line(1, 4000, null).startsWith("[" + "#".repeat(30) + "] 100%  1:06:40"));
	}

	@Test
	void withoutATerminalOneLinePerTenthAndPerEpoch() {
		final StringWriter sw = new StringWriter();
		final ProgressBar log = new ProgressBar(new PrintWriter(sw), false);
		for (int i = 0; i <= 100; i++) log.onEvent(new StatusEvent(i, 100, "Training m: epoch " + (1 + i / 50) + "/3"));
		log.finish();
		final List<String> lines = sw.toString().lines().toList();
		// 0 %, 10 % … 100 %: 11 lines, the epoch changes at 50 % where a tenth starts anyway
		assertEquals(11, lines.size(), String.join("\n", lines));
		assertTrue(lines.get(5).contains(" 50%") && lines.get(5).endsWith("epoch 2/3"), lines.get(5));
	}

	@Test
	void progressBarDrawsStatusEventsOnOneLine() {
		final StringWriter sw = new StringWriter();
		final ProgressBar bar = new ProgressBar(new PrintWriter(sw), true);
		bar.onEvent(new StatusEvent(1, 4, "working"));
		bar.onEvent(new StatusEvent(4, 4, "done"));
		bar.finish();
		final String s = sw.toString();
		assertTrue(s.startsWith("\r[") && s.contains("\r[" + "#".repeat(30) + "] 100%  0 s  done") && s.endsWith(
			System.lineSeparator()), s);
	}

	@Test
	void errorsMapToTheDocumentedExitCodes() {
		final StringWriter err = new StringWriter();
		final HourglassCli failing = new HourglassCli(() -> {
			throw new WorkbenchException("no framework");
		});
		assertEquals(ExitCodes.WORKBENCH, Main.execute(failing, new String[] { "commands" }, new PrintWriter(
			new StringWriter()), new PrintWriter(err, true)));
		assertTrue(err.toString().contains("no framework"), err.toString());
		assertEquals(ExitCodes.USAGE, Main.execute(failing, new String[] { "run", "x", "novalue" },
			new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
		assertEquals(ExitCodes.USAGE, Main.execute(failing, new String[] { "frobnicate" }, new PrintWriter(
			new StringWriter()), new PrintWriter(new StringWriter())));
		assertEquals(ExitCodes.OK, Main.execute(failing, new String[] { "--version" }, new PrintWriter(
			new StringWriter()), new PrintWriter(new StringWriter())));
	}

	@Test
	void theHelpListsEveryExitCodeAndEverySubcommandHasHelp() {
		final HourglassCli never = new HourglassCli(() -> {
			throw new AssertionError("help needs no workbench");
		});
		final StringWriter out = new StringWriter();
		assertEquals(ExitCodes.OK, Main.execute(never, new String[] { "--help" }, new PrintWriter(out, true),
			new PrintWriter(new StringWriter())));
		final String help = out.toString();
		final String codes = help.substring(help.indexOf("Exit codes:"));
		for (final int code : ExitCodes.ALL) {
			assertTrue(codes.lines().anyMatch(l -> l.trim().startsWith(code + " ")), code + " in:\n" + codes);
		}
		for (final String[] args : new String[][] { { "bundles", "--help" }, { "bundles", "install", "--help" }, {
			"bundles", "uninstall", "--help" }, { "commands", "--help" } })
		{
			final StringWriter o = new StringWriter();
			assertEquals(ExitCodes.OK, Main.execute(never, args, new PrintWriter(o, true), new PrintWriter(
				new StringWriter())), String.join(" ", args));
			assertTrue(o.toString().startsWith("Usage: hourglass " + args[0]), o.toString());
		}
	}

	@Test
	void eachKindOfFailureHasItsExitCode() {
		assertEquals(ExitCodes.USAGE, Main.exitCode(new UsageException("x")));
		assertEquals(ExitCodes.COMMAND_FAILED, Main.exitCode(new CommandFailedException("x", null)));
		assertEquals(ExitCodes.WORKBENCH, Main.exitCode(new CommandUnavailableException("x")));
		assertEquals(ExitCodes.WORKBENCH, Main.exitCode(new WorkbenchException("x")));
		assertEquals(ExitCodes.COMMAND_FAILED, Main.exitCode(new IllegalStateException("x")));
	}
}
