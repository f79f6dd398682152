package org.hourglass.runtime.cli;

import java.util.List;

import org.hourglass.runtime.command.CommandEntry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hourglass commands}: every command with its label, menu path and bundle. */
@Command(name = "commands", mixinStandardHelpOptions = true,
	description = "List the commands: name, menu path, bundle.")
final class CommandsCommand implements Runnable {

	@ParentCommand
	private HourglassCli cli;

	@Spec
	private CommandSpec spec;

	@Option(names = "--all", description = "Also list the host's own commands (not from a bundle).")
	private boolean all;

	@Override
	public void run() {
		final List<CommandEntry> commands = cli.workbench().commands().stream().filter(c -> all || !c.bundle()
			.equals(CommandEntry.HOST)).toList();
		final var out = spec.commandLine().getOut();
		final int nameWidth = Math.max(4, commands.stream().mapToInt(c -> display(c).length()).max().orElse(0));
		final int menuWidth = Math.max(9, commands.stream().mapToInt(c -> c.menuPath().length()).max().orElse(
			0));
		final String format = "%-" + nameWidth + "s  %-" + menuWidth + "s  %s%n";
		out.printf(format, "NAME", "MENU PATH", "BUNDLE");
		for (final CommandEntry c : commands) {
			out.printf(format, display(c), c.menuPath(), c.bundle());
		}
		out.flush();
	}

	private static String display(final CommandEntry c) {
		return c.name().isEmpty() ? c.label() : c.name();
	}
}
