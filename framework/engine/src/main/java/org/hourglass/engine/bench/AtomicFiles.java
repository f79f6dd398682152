package org.hourglass.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file through a temporary file in the same folder and an atomic move. */
final class AtomicFiles {

	private AtomicFiles() {}

	static void write(final Path file, final byte[] bytes) throws IOException {
		final Path target = file.toAbsolutePath();
		final Path folder = target.getParent();
		if (folder != null) Files.createDirectories(folder);
		// not createTempFile: its owner-only permissions would stay on the result
		final Path tmp = Files.createFile(target.resolveSibling("." + target.getFileName() + "." + System.nanoTime() +
			".tmp"));
		try {
			Files.write(tmp, bytes);
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}
}
