package org.hourglass.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

/**
 * Fiji's macro bridge finds a parameter by its name in lower case: no two parameters of a command may share
 * one, and every command sits in the variant's menu with its documented name.
 */
class ParameterNamesTest {

	static final Map<Class<? extends Command>, String> COMMANDS = Map.of(VaeTrainCommand.class, "vae-train",
		GenerateCommand.class, "generate", LatentGridCommand.class, "latent-grid", VaeEncodeCommand.class,
		"vae-encode", LatentMapCommand.class, "latent-map");

	@Test
	void namesAreDistinctInLowerCaseAndCommandsAreInTheMenu() {
		final Context context = new Context(CommandService.class);
		try {
			for (final Map.Entry<Class<? extends Command>, String> c : COMMANDS.entrySet()) {
				final CommandInfo info = context.service(CommandService.class).getCommand(c.getKey());
				assertNotNull(info, c.getKey().getName());
				assertEquals(c.getValue(), info.getName());
				assertTrue(info.getMenuPath().getMenuString().startsWith("Plugins > Hourglass > Variational autoencoder > "),
					info.getMenuPath().getMenuString());
				final Map<String, String> seen = new HashMap<>();
				for (final List<? extends ModuleItem<?>> items : List.of(toList(info.inputs()), toList(info.outputs()))) {
					for (final ModuleItem<?> item : items) {
						final String previous = seen.put(item.getName().toLowerCase(Locale.ROOT), item.getName());
						assertTrue(previous == null || previous.equals(item.getName()), info.getName() + ": " + previous +
							" and " + item.getName());
					}
				}
			}
		}
		finally {
			context.dispose();
		}
	}

	private static List<ModuleItem<?>> toList(final Iterable<ModuleItem<?>> items) {
		final java.util.ArrayList<ModuleItem<?>> out = new java.util.ArrayList<>();
		items.forEach(out::add);
		return out;
	}
}
