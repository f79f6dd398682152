package org.hourglass.imagej.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.hourglass.imagej.HourglassCommand;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleService;

/**
 * Runs a command as Fiji and the workbench do (through the module service, with its pre- and post-processors),
 * for the tests of every variant: the finished module comes back, cancelled with the reason if the command
 * refused its input.
 */
public final class CommandRuns {

	private CommandRuns() {}

	/** Runs {@code command} with inputs given as key, value, key, value, … */
	public static HourglassCommand run(final Context context, final Class<? extends Command> command,
		final Object... keyValues)
	{
		if (keyValues.length % 2 != 0) throw new IllegalArgumentException("inputs must come as key, value pairs");
		final Map<String, Object> inputs = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) inputs.put((String) keyValues[i], keyValues[i + 1]);
		return run(context, command, inputs);
	}

	/** Runs {@code command} with {@code inputs}. */
	public static HourglassCommand run(final Context context, final Class<? extends Command> command,
		final Map<String, Object> inputs)
	{
		try {
			return (HourglassCommand) context.service(ModuleService.class).run(context.service(CommandService.class)
				.getCommand(command), false, inputs).get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
		catch (final ExecutionException e) {
			throw new AssertionError(e);
		}
	}
}
