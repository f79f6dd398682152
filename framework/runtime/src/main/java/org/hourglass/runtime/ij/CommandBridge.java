package org.hourglass.runtime.ij;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.runtime.command.CommandFailedException;
import org.hourglass.runtime.command.CommandRunner;
import org.hourglass.runtime.command.InputConverter;
import org.hourglass.runtime.command.RunResult;
import org.hourglass.runtime.command.UsageException;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;

import ij.CommandListener;
import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.macro.Interpreter;

/**
 * Brings ImageJ's {@code run("Label", "options")} and menu commands to the SciJava commands of the workbench:
 * registered with {@link ij.Executer#addCommandListener}, it answers every label that names a command (its
 * title, e.g. {@code Hourglass Denoise}). From a macro (options set) the command runs with {@link MacroInputs}
 * on the macro's thread; its image outputs are shown (in batch mode: they become the current image) and its
 * other outputs are logged and, where the macro has a variable of that name, set there. From a menu (no
 * options) {@code onMenu} decides (a dialog); without one ({@code null}: macros only) the command runs with its
 * defaults. A label that starts with {@code Hourglass} but names no command stops the macro with the labels there
 * are.
 */
public final class CommandBridge implements CommandListener {

	private static final Logger LOG = LogManager.getLogger();
	private static final String PREFIX = "Hourglass";

	/** What a menu command does: e.g. asks for the parameters and runs the command. */
	@FunctionalInterface
	public interface MenuAction {
		void run(CommandInfo info);
	}

	private final Context context;
	private final CommandRunner runner;
	private final MenuAction onMenu;

	public CommandBridge(final Context context, final CommandRunner runner, final MenuAction onMenu) {
		this.context = context;
		this.runner = runner;
		this.onMenu = onMenu;
	}

	@Override
	public String commandExecuting(final String label) {
		final CommandInfo info = find(label);
		if (info == null) {
			if (label.startsWith(PREFIX)) fail("unknown command '" + label + "'; the Hourglass commands: " + String.join(
				", ", labels()));
			return label;
		}
		final String options = Macro.getOptions();
		if (options == null && onMenu != null) onMenu.run(info);
		else runWith(info, options);
		return null;
	}

	/** Runs the command with the inputs of a macro's {@code options} and delivers its outputs; a failure stops the macro. */
	public void runWith(final CommandInfo info, final String options) {
		try {
			final Module module = runner.module(info);
			final RunResult r = runner.run(module, MacroInputs.of(info, options, new InputConverter(context)));
			deliver(r.outputs());
		}
		catch (final UsageException | CommandFailedException e) {
			fail(e.getMessage());
		}
	}

	/** The titles of the commands this bridge answers, sorted. */
	public List<String> labels() {
		final List<String> out = new ArrayList<>();
		for (final CommandInfo info : commands()) out.add(info.getTitle());
		out.sort(String::compareTo);
		return out;
	}

	/** Every command under Plugins › Hourglass, the ones a menu or macro can name. */
	public List<CommandInfo> commands() {
		final List<CommandInfo> out = new ArrayList<>();
		for (final CommandInfo info : context.service(CommandService.class).getCommands()) {
			if (info.getMenuPath() != null && info.getMenuPath().size() > 2 && "Plugins".equals(info.getMenuPath().get(0)
				.getName()) && PREFIX.equals(info.getMenuPath().get(1).getName())) out.add(info);
		}
		return out;
	}

	/** Images shown, other values logged and set in the macro's variables of the same name. */
	static void deliver(final Map<String, Object> outputs) {
		final Interpreter interp = Interpreter.getInstance();
		outputs.forEach((name, value) -> {
			if (value instanceof ImagePlus imp) {
				imp.show();
				return;
			}
			IJ.log(name + " = " + value);
			if (interp != null && java.util.Arrays.asList(interp.getVariableNames()).contains(name)) {
				if (value instanceof Number n) interp.setVariable(name, n.doubleValue());
				else interp.setVariable(name, String.valueOf(value));
			}
		});
	}

	private CommandInfo find(final String label) {
		for (final CommandInfo info : commands()) {
			if (label.equals(info.getTitle())) return info;
		}
		return null;
	}

	/** Stops the running macro with {@code message}; outside a macro, shows it. */
	private static void fail(final String message) {
		LOG.warn(message);
		final Interpreter interp = Interpreter.getInstance();
		if (interp != null) interp.abort(message);
		else IJ.error("Hourglass", message);
	}
}
