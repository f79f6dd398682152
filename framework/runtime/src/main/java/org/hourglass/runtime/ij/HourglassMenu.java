package org.hourglass.runtime.ij;

import java.awt.Menu;
import java.awt.MenuItem;
import java.awt.event.ActionListener;

import org.scijava.MenuEntry;
import org.scijava.MenuPath;
import org.scijava.command.CommandInfo;

import ij.Menus;

/**
 * The Hourglass commands in ImageJ's menu bar, each at its menu path (Plugins › Hourglass › …), as in Fiji.
 * Choosing one goes through ImageJ's own command dispatch ({@code listener}: the ImageJ window), so it reaches
 * the {@link CommandBridge} as a menu command would.
 */
final class HourglassMenu {

	private HourglassMenu() {}

	/** Adds the commands' entries; returns the number added. */
	static int install(final CommandBridge bridge, final ActionListener listener) {
		int n = 0;
		for (final CommandInfo info : bridge.commands()) {
			final MenuPath path = info.getMenuPath();
			Menu menu = Menus.getImageJMenu(path.get(0).getName());
			if (menu == null) continue;
			for (int i = 1; i < path.size() - 1; i++) menu = submenu(menu, path.get(i));
			final MenuItem item = new MenuItem(info.getTitle());
			item.addActionListener(listener);
			menu.add(item);
			Menus.getCommands().put(info.getTitle(), CommandBridge.class.getName());
			n++;
		}
		return n;
	}

	private static Menu submenu(final Menu parent, final MenuEntry entry) {
		for (int i = 0; i < parent.getItemCount(); i++) {
			if (parent.getItem(i) instanceof Menu m && m.getLabel().equals(entry.getName())) return m;
		}
		final Menu m = new Menu(entry.getName());
		parent.add(m);
		return m;
	}
}
