package org.hourglass.runtime.ij;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hourglass.runtime.command.CommandRunner;
import org.hourglass.runtime.command.UsageException;
import org.scijava.Context;

import ij.Executer;
import ij.Macro;
import ij.Menus;
import ij.macro.Interpreter;

/**
 * Runs an ImageJ macro file with ImageJ's own interpreter, in batch mode (images are not shown in windows, as
 * with ImageJ's {@code -batch}), with the Hourglass commands reachable by {@code run("<label>", "options")}
 * through a {@link CommandBridge}, and ImageJ's own commands as they are.
 * <p>
 * Needs a display (a real one, or a virtual one such as {@code xvfb-run}): without one, ImageJ's commands that
 * open a dialog would silently ignore their macro options.
 */
public final class MacroRunner {

	private MacroRunner() {}

	/**
	 * @param arg the macro's argument ({@code getArgument()}), or {@code null}
	 * @return the macro's error message (an error of the interpreter or of a command, or the message of the
	 *         macro's own {@code exit("...")}), or {@code null} if it ran to its end or left by a plain
	 *         {@code exit()}
	 * @throws UsageException if there is no display or the file cannot be read
	 */
	public static String run(final Context context, final CommandRunner runner, final Path macro, final String arg) {
		if (GraphicsEnvironment.isHeadless()) {
			throw new UsageException("running a macro needs a display, as ImageJ does; on a server start it under a " +
				"virtual one: xvfb-run -a hourglass macro " + macro);
		}
		final String code;
		try {
			code = Files.readString(macro, StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			throw new UsageException("cannot read the macro " + macro + ": " + e.getMessage());
		}
		ImageJFrame.commands();
		final CommandBridge bridge = new CommandBridge(context, runner, null);
		register(bridge);
		Executer.addCommandListener(bridge);
		final boolean batch = Interpreter.batchMode;
		final PrintStream out = System.out;
		final ExitMessage exitMessage = new ExitMessage(out);
		final Interpreter interp = new Interpreter();
		try {
			Interpreter.batchMode = true;
			System.setOut(exitMessage);
			interp.setIgnoreErrors(true);
			interp.run(code, arg);
			return interp.getErrorMessage();
		}
		catch (final RuntimeException e) {
			// exit() ends a macro by throwing this; exit("message") shows the message first
			if (!Macro.MACRO_CANCELED.equals(e.getMessage())) throw e;
			return interp.getErrorMessage() != null ? interp.getErrorMessage() : exitMessage.shown;
		}
		finally {
			System.setOut(out);
			Executer.removeCommandListener(bridge);
			Interpreter.batchMode = batch;
		}
	}

	/**
	 * Standard output that remembers the last line ImageJ's {@code showMessage} printed: with no ImageJ window,
	 * that is where a macro's {@code exit("message")} goes.
	 */
	private static final class ExitMessage extends PrintStream {

		private String shown;

		ExitMessage(final PrintStream out) {
			super(out, true);
		}

		@Override
		public void println(final String line) {
			final boolean message = StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getClassName()
				.equals("ij.IJ") && f.getMethodName().equals("showMessage")));
			if (message) shown = line;
			super.println(line);
		}
	}

	/**
	 * Tells ImageJ the labels, as if they were its own commands: some of its macro functions look commands up.
	 * The class named is never run: the bridge answers the labels before ImageJ looks at it.
	 */
	static void register(final CommandBridge bridge) {
		for (final String label : bridge.labels()) Menus.getCommands().putIfAbsent(label, CommandBridge.class.getName());
	}

}
