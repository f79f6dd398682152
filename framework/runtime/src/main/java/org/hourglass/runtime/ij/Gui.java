package org.hourglass.runtime.ij;

import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.concurrent.CountDownLatch;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.runtime.command.CommandFailedException;
import org.hourglass.runtime.command.CommandRunner;
import org.hourglass.runtime.command.RunResult;
import org.hourglass.runtime.command.UsageException;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.module.Module;

import ij.Executer;
import ij.IJ;
import ij.ImageJ;
import ij.plugin.frame.Recorder;

/**
 * ImageJ's main window with the Hourglass commands in its menus: each asks for its parameters in a
 * {@link ParameterDialog}, runs in a thread of its own (the window stays responsive; a training shows its
 * window, plot and buttons), shows its images and logs its other outputs; the macro Recorder records the call
 * that replays it. Commands are also reachable from macros run in the window, with the keys of the
 * {@link CommandBridge}.
 */
public final class Gui {

	private static final Logger LOG = LogManager.getLogger();

	private final Context context;
	private final CommandRunner runner;
	private final CommandBridge bridge;
	private ImageJ window;

	public Gui(final Context context, final CommandRunner runner) {
		this.context = context;
		this.runner = runner;
		this.bridge = new CommandBridge(context, runner, this::ask);
	}

	/** Opens the window with the commands in its menus; returns how many were added. */
	public int open() {
		window = ImageJFrame.window();
		Executer.addCommandListener(bridge);
		return HourglassMenu.install(bridge, window);
	}

	/** Blocks until the ImageJ window is closed. */
	public void awaitClose() throws InterruptedException {
		final CountDownLatch closed = new CountDownLatch(1);
		window.addWindowListener(new WindowAdapter() {

			@Override
			public void windowClosed(final WindowEvent e) {
				closed.countDown();
			}
		});
		if (!window.isDisplayable()) return;
		closed.await();
		Executer.removeCommandListener(bridge);
	}

	/** A menu command: the dialog, then the command in a thread of its own. */
	private void ask(final CommandInfo info) {
		final Module module;
		final ParameterDialog.Answer answer;
		try {
			module = runner.module(info);
			module.initialize();
			Recorder.suspendRecording();
			try {
				answer = ParameterDialog.show(info.getTitle(), module);
			}
			finally {
				Recorder.resumeRecording();
			}
		}
		catch (final RuntimeException | org.scijava.module.MethodCallException e) {
			LOG.warn("cannot ask for the parameters of {}", info.getTitle(), e);
			IJ.error(info.getTitle(), "Cannot open the dialog: " + e.getMessage());
			return;
		}
		if (answer == null) return;
		if (Recorder.record) Recorder.recordString("run(\"" + info.getTitle() + "\", \"" + answer.options() + "\");\n");
		final Thread t = new Thread(() -> {
			try {
				final RunResult r = runner.run(module, answer.values());
				CommandBridge.deliver(r.outputs());
			}
			catch (final UsageException | CommandFailedException e) {
				IJ.error(info.getTitle(), e.getMessage());
			}
		}, "Hourglass " + info.getTitle());
		t.start();
	}

	/** The bridge, for macros run from this window and for tests. */
	public CommandBridge bridge() {
		return bridge;
	}

	/** The ImageJ window. */
	public ImageJ window() {
		return window;
	}

	Context context() {
		return context;
	}
}
