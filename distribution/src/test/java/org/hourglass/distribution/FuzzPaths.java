package org.hourglass.distribution;

import java.io.IOException;
import java.nio.file.Path;

/** The installation and scratch folders, for the corpus in its own package. */
public final class FuzzPaths {

	private FuzzPaths() {}

	public static Path workbench() {
		return Installation.workbench();
	}

	public static Path scratch(final String name) throws IOException {
		return Installation.scratch(name);
	}
}
