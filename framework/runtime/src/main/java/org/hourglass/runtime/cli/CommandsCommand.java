package org.hourglass.runtime.cli;

import java.util.List;

import org.hourglass.runtime.command.CommandEntry;
import org.hourglass.runtime.command.CommandHelp;
import org.hourglass.runtime.command.CommandRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hourglass commands}: every command with its label, menu path and bundle. */
@Command(name = "commands", mixinStandardHelpOptions = true,
	description = "List the commands: name, menu path, bundle and what each does.")
final class CommandsCommand implements Runnable {

	@ParentCommand
	private HourglassCli cli;

	@Spec
	private CommandSpec spec;

	@Option(names = "--all", description = "Also list the host's own commands (not from a bundle).")
	private boolean all;

	@Option(names = "--reference", description = "Print the help of every command that has a menu entry, in " +
		"Markdown (the reference in docs/MACROS.md).")
	private boolean reference;

	@Override
	public void run() {
		final List<CommandEntry> commands = cli.workbench().commands().stream().filter(c -> all || !c.bundle()
			.equals(CommandEntry.HOST)).toList();
		final var out = spec.commandLine().getOut();
		if (reference) {
			final CommandRunner runner = cli.workbench().runner();
			for (final CommandEntry c : commands) {
				if (c.menuPath().isEmpty() || c.name().isEmpty()) continue;
				out.printf("### %s (`%s`, bundle %s)%n%n```%n%s```%n%n", c.label(), c.name(), c.bundle(), CommandHelp
					.text(runner.module(runner.find(c.name()))));
			}
			out.flush();
			return;
		}
		final int nameWidth = Math.max(4, commands.stream().mapToInt(c -> display(c).length()).max().orElse(0));
		final int menuWidth = Math.max(9, commands.stream().mapToInt(c -> c.menuPath().length()).max().orElse(
			0));
		final int bundleWidth = Math.max(6, commands.stream().mapToInt(c -> c.bundle().length()).max().orElse(0));
		final String format = "%-" + nameWidth + "s  %-" + menuWidth + "s  %-" + bundleWidth + "s  %s%n";
		out.printf(format, "NAME", "MENU PATH", "BUNDLE", "DESCRIPTION");
		for (final CommandEntry c : commands) {
			out.printf(format, display(c), c.menuPath(), c.bundle(), c.description());
		}
		out.flush();
	}

	private static String display(final CommandEntry c) {
		return c.name().isEmpty() ? c.label() : c.name();
	}
}
