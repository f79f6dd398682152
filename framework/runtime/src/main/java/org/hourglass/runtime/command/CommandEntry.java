package org.hourglass.runtime.command;

import org.scijava.MenuPath;
import org.scijava.command.CommandInfo;

/**
 * A command as the command line shows it.
 *
 * @param name the command's {@code @Plugin(name = ...)}, its command-line id (may be empty)
 * @param label its title (label or menu leaf)
 * @param menuPath its menu path, {@code >}-separated (may be empty)
 * @param bundle the symbolic name of the bundle it came from, or {@link #HOST}
 * @param className the command class
 * @param description what it does, in a line (may be empty)
 */
public record CommandEntry(String name, String label, String menuPath, String bundle, String className,
	String description)
{

	/** The "bundle" of commands found on the launcher's own class path. */
	public static final String HOST = "(host)";

	public static CommandEntry of(final CommandInfo info, final String bundle) {
		final MenuPath menu = info.getMenuPath();
		final String path = menu == null || menu.isEmpty() ? "" : menu.getMenuString();
		return new CommandEntry(nonNull(info.getName()), nonNull(info.getTitle()), path, bundle, info
			.getClassName(), nonNull(info.getDescription()));
	}

	private static String nonNull(final String s) {
		return s == null ? "" : s;
	}
}
