package org.hourglass.runtime.command;

import java.util.Set;

/**
 * Which SciJava module processors a command-line run leaves out: those that remember parameter values
 * between runs (a key missing on the command line must not silently take the last value) and those that
 * need a user interface.
 */
final class ProcessorFilter {

	private static final Set<String> EXCLUDED = Set.of( //
		"org.scijava.module.process.LoadInputsPreprocessor", //
		"org.scijava.module.process.SaveInputsPreprocessor", //
		"org.scijava.ui.UIPreprocessor", //
		"org.scijava.ui.FilePreprocessor", //
		"org.scijava.ui.FileListPreprocessor", //
		"org.scijava.display.ActiveDisplayPreprocessor", //
		"org.scijava.display.DisplayPostprocessor", //
		"org.scijava.widget.InputHarvester");

	private ProcessorFilter() {}

	static boolean excluded(final Class<?> c) {
		for (Class<?> k = c; k != null; k = k.getSuperclass()) {
			if (EXCLUDED.contains(k.getName())) return true;
			for (final Class<?> i : k.getInterfaces()) {
				if (EXCLUDED.contains(i.getName())) return true;
			}
		}
		return false;
	}
}
