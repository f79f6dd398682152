package org.hourglass.runtime.ij;

import ij.IJ;
import ij.ImageJ;
import ij.Menus;

/**
 * ImageJ, started once per JVM: its main window for the GUI, or for macros only its menus and commands, without
 * a window (then {@code print()} writes to standard output, as ImageJ's own batch mode does).
 */
final class ImageJFrame {

	private ImageJFrame() {}

	/** ImageJ's main window: the running one, or a new one (closing it closes ImageJ, not the JVM). */
	static synchronized ImageJ window() {
		final ImageJ running = IJ.getInstance();
		return running != null ? running : new ImageJ(ImageJ.EMBEDDED);
	}

	/** ImageJ's commands and menus without a window, unless ImageJ runs already. */
	static synchronized void commands() {
		if (IJ.getInstance() != null || Menus.getCommands() != null) return;
		try {
			// what ImageJ's own -batch mode runs: IJ.init() is package-private
			final java.lang.reflect.Method init = IJ.class.getDeclaredMethod("init");
			init.setAccessible(true);
			init.invoke(null);
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException("cannot start ImageJ's commands: " + e, e);
		}
	}
}
