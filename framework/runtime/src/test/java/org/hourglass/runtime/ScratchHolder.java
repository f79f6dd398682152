package org.hourglass.runtime;

import java.nio.file.Path;

/** A process that creates its scratch folder in the folder given, prints it, and waits to be killed. */
public final class ScratchHolder {

	private ScratchHolder() {}

	public static void main(final String[] args) throws Exception {
		final ScratchFolder scratch = ScratchFolder.create(Path.of(args[0]));
		System.out.println(scratch.path());
		System.out.flush();
		Thread.sleep(600_000);
	}
}
