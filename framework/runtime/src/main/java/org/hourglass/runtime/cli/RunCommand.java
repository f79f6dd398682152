package org.hourglass.runtime.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hourglass.runtime.Workbench;
import org.hourglass.runtime.command.CommandHelp;
import org.hourglass.runtime.command.CommandRunner;
import org.hourglass.runtime.command.RunResult;
import org.hourglass.runtime.command.UsageException;
import org.scijava.event.EventService;
import org.scijava.event.EventSubscriber;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hourglass run <command> key=value ...}. */
@Command(name = "run", description = "Run a command headless with key=value inputs.", footer = {
	"%nKeys name the command's inputs, in any case (tilesize=0 as in a Fiji macro); an image input is a file path.",
	"An image output key takes",
	"the file to write (PNG if it ends in .png, else TIFF; never an input file). Other outputs are printed as 'key = value'." })
final class RunCommand implements Callable<Integer> {

	@ParentCommand
	private HourglassCli cli;

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", paramLabel = "<command>", description = "The command's name or label.")
	private String command;

	@Option(names = { "-h", "--help" }, description = "Show the command's parameters: type, default, allowed values " +
		"and meaning (without a command: this help).")
	private boolean help;

	@Parameters(index = "1..*", paramLabel = "key=value", description = "Inputs and output files; --help lists them " +
		"with their types, defaults and meanings.")
	private List<String> arguments = List.of();

	@Override
	public Integer call() {
		if (help && command == null) {
			spec.commandLine().usage(spec.commandLine().getOut());
			return ExitCodes.OK;
		}
		if (command == null) throw new UsageException("which command? (list them with: hourglass commands)");
		if (help || arguments.contains("--help") || arguments.contains("-h")) {
			final Workbench wb = cli.workbench();
			final CommandRunner runner = wb.runner();
			spec.commandLine().getOut().print(CommandHelp.text(runner.module(runner.find(command))));
			spec.commandLine().getOut().flush();
			return ExitCodes.OK;
		}
		final Map<String, String> args = parse(arguments);
		final Workbench wb = cli.workbench();
		final EventService events = wb.context().service(EventService.class);
		final ProgressBar bar = new ProgressBar(new PrintWriter(System.err, true), ProgressBar.enabled());
		final List<EventSubscriber<?>> subscription = events.subscribe(bar);
		final RunResult result;
		final PrintWriter err = spec.commandLine().getErr();
		final CommandRunner runner = wb.runner();
		final StopSignals signals = new StopSignals(runner::interrupt, err);
		try (signals) {
			result = runner.run(command, args);
		}
		finally {
			events.unsubscribe(subscription);
			bar.finish();
		}
		final PrintWriter out = spec.commandLine().getOut();
		result.outputs().forEach((k, v) -> out.println(k + " = " + v));
		result.written().forEach((k, v) -> out.println(k + " -> " + v));
		out.flush();
		if (result.interrupted()) {
			err.println("hourglass: " + command + " was interrupted and stopped early");
			return signals.exitCode();
		}
		if (signals.received()) {
			err.println("hourglass: " + command + " had already done its work when the signal came: it completed");
		}
		return ExitCodes.OK;
	}

	/**
	 * {@code key=value} pairs in order.
	 *
	 * @throws UsageException for an argument without {@code =}, an empty key, or a repeated key
	 */
	static Map<String, String> parse(final List<String> arguments) {
		final Map<String, String> args = new LinkedHashMap<>();
		final java.util.Set<String> seen = new java.util.HashSet<>();
		for (final String a : arguments) {
			final int eq = a.indexOf('=');
			if (eq <= 0) throw new UsageException("expected key=value, got '" + a + "'");
			final String key = a.substring(0, eq).trim();
			// keys are read in any case, so tileSize and tilesize are the same key
			if (!seen.add(key.toLowerCase(java.util.Locale.ROOT))) {
				throw new UsageException("key '" + key + "' given twice");
			}
			args.put(key, a.substring(eq + 1));
		}
		return args;
	}
}
