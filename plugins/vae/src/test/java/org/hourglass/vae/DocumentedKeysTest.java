package org.hourglass.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

import ij.Macro;

/**
 * docs/GENERATE.md cannot go stale: every key in its tables and command lines is a parameter of that command
 * in the lower case Fiji reads, and every key of its macro calls reaches ImageJ's own {@link Macro#getValue}
 * (as Fiji's macro bridge reads each parameter).
 */
class DocumentedKeysTest {

	static final Path GUIDE = Path.of("../../docs/GENERATE.md");

	@Test
	void everyDocumentedKeyIsAParameterInLowerCase() throws IOException {
		final Map<String, Set<String>> keys = keysByCommand();
		final List<String> lines = Files.readAllLines(GUIDE);
		String command = null;
		int rows = 0;
		final Pattern heading = Pattern.compile("^## .* — `([a-z-]+)`");
		final Pattern row = Pattern.compile("^\\| ([^|]*`[^|]*) \\|");
		final Pattern key = Pattern.compile("`([a-z]+)`");
		for (final String line : lines) {
			final Matcher h = heading.matcher(line);
			if (h.find()) command = h.group(1);
			if (line.startsWith("## ") && !h.find(0)) command = null;
			final Matcher r = row.matcher(line);
			if (command == null || !r.find()) continue;
			final Matcher k = key.matcher(r.group(1));
			while (k.find()) {
				assertTrue(keys.get(command).contains(k.group(1)), "docs name '" + k.group(1) + "' for " + command +
					"; its keys: " + keys.get(command));
				rows++;
			}
		}
		assertTrue(rows > 40, "the tables were read: " + rows + " keys");
		// the command lines of the guide
		final Pattern cli = Pattern.compile("\\$H run ([a-z-]+) (.*)");
		for (final String line : lines) {
			final Matcher m = cli.matcher(line);
			if (!m.find()) continue;
			for (final String kv : m.group(2).trim().split("\\s+")) {
				final String name = kv.substring(0, kv.indexOf('='));
				assertTrue(keys.get(m.group(1)).contains(name), line + ": " + name);
			}
		}
	}

	@Test
	void macroCallsReachEveryParameterThroughImageJ() throws IOException {
		final Map<String, Set<String>> keys = keysByCommand();
		final Map<String, String> byLabel = labels();
		final Pattern call = Pattern.compile("run\\(\"([^\"]+)\", \"([^\"]*)\"\\);");
		int calls = 0;
		for (final String line : Files.readAllLines(GUIDE)) {
			final Matcher m = call.matcher(line);
			if (!m.find() || !byLabel.containsKey(m.group(1))) continue;
			calls++;
			final String name = byLabel.get(m.group(1));
			final String options = m.group(2) + " ";
			for (final String kv : m.group(2).split(" ")) {
				final String key = kv.substring(0, kv.indexOf('='));
				assertTrue(keys.get(name).contains(key), m.group(1) + ": " + key);
				assertEquals(kv.substring(kv.indexOf('=') + 1), Macro.getValue(options, key, null), key);
			}
		}
		assertEquals(5, calls, "one macro call per command");
	}

	/** Every command's input and output names in lower case, by command name. */
	private static Map<String, Set<String>> keysByCommand() {
		final Map<String, Set<String>> out = new HashMap<>();
		final Context context = new Context(CommandService.class);
		try {
			for (final Class<? extends Command> c : ParameterNamesTest.COMMANDS.keySet()) {
				final CommandInfo info = context.service(CommandService.class).getCommand(c);
				assertNotNull(info);
				final Set<String> names = new HashSet<>();
				for (final ModuleItem<?> item : info.inputs()) names.add(item.getName().toLowerCase(Locale.ROOT));
				for (final ModuleItem<?> item : info.outputs()) names.add(item.getName().toLowerCase(Locale.ROOT));
				out.put(info.getName(), names);
			}
		}
		finally {
			context.dispose();
		}
		return out;
	}

	private static Map<String, String> labels() {
		final Map<String, String> out = new HashMap<>();
		final Context context = new Context(CommandService.class);
		try {
			for (final Class<? extends Command> c : ParameterNamesTest.COMMANDS.keySet()) {
				final CommandInfo info = context.service(CommandService.class).getCommand(c);
				out.put(info.getLabel(), info.getName());
			}
		}
		finally {
			context.dispose();
		}
		return out;
	}
}
