package org.hourglass.superres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

/**
 * Fiji's macros look every parameter up by its name in lower case: no two parameters of a command may share a
 * lower-case form, and every command of this bundle is under Super-resolution with its CLI name.
 */
class ParameterNamesTest {

	private static final List<Class<? extends Command>> COMMANDS = List.of(UpscaleCommand.class,
		UpscaleTrainCommand.class, EvaluateCommand.class, DownscaleCommand.class);

	private static Context context;

	@BeforeAll
	static void setUp() {
		context = new Context(CommandService.class);
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	@Test
	void lowerCaseNamesAreDistinct() {
		for (final Class<? extends Command> c : COMMANDS) {
			final CommandInfo info = context.service(CommandService.class).getCommand(c);
			final Map<String, String> seen = new HashMap<>();
			for (final ModuleItem<?> item : info.inputs()) check(c, seen, item);
			for (final ModuleItem<?> item : info.outputs()) check(c, seen, item);
		}
	}

	private static void check(final Class<?> c, final Map<String, String> seen, final ModuleItem<?> item) {
		final String previous = seen.put(item.getName().toLowerCase(Locale.ROOT), item.getName());
		assertTrue(previous == null || previous.equals(item.getName()), c.getSimpleName() + ": " + previous +
			" and " + item.getName() + " share a lower-case form");
	}

	@Test
	void commandsAreUnderSuperResolution() {
		final Map<Class<? extends Command>, String> names = Map.of(UpscaleCommand.class, "upscale",
			UpscaleTrainCommand.class, "upscale-train", EvaluateCommand.class, "upscale-evaluate", DownscaleCommand.class,
			"downscale");
		for (final Class<? extends Command> c : COMMANDS) {
			final CommandInfo info = context.service(CommandService.class).getCommand(c);
			assertEquals(names.get(c), info.getName());
			assertTrue(info.getMenuPath().getMenuString().startsWith("Plugins > Hourglass > Super-resolution > "), info
				.getMenuPath().getMenuString());
		}
	}
}
