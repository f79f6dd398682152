package org.hourglass.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

/**
 * ImageJ macros find a parameter by its lower-case name: no two parameters of a command may share one, and
 * every command of the bundle has its menu path and name.
 */
class ParameterNamesTest {

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
	void everyCommandsParametersDifferInLowerCase() {
		final List<CommandInfo> ours = context.service(CommandService.class).getCommands().stream().filter(c -> c
			.getClassName().startsWith("org.hourglass.autoencoder.")).toList();
		assertEquals(Set.of("autoencoder-train", "encode", "reconstruct", "embedding-map", "nearest-images",
			"import-idx"), Set.copyOf(ours.stream().map(CommandInfo::getName).toList()));
		for (final CommandInfo c : ours) {
			assertTrue(c.getMenuPath().getMenuString().startsWith("Plugins > Hourglass > Autoencoder > "), c
				.getMenuPath().getMenuString());
			final Set<String> seen = new HashSet<>();
			for (final ModuleItem<?> item : c.inputs()) {
				assertTrue(seen.add(item.getName().toLowerCase(Locale.ROOT)), c.getName() + ": " + item.getName() +
					" shares its lower-case name");
			}
			for (final ModuleItem<?> item : c.outputs()) {
				if (!item.isInput()) assertTrue(seen.add(item.getName().toLowerCase(Locale.ROOT)), c.getName() + ": " +
					item.getName() + " shares its lower-case name");
			}
		}
	}
}
