package org.hourglass.api.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old file (or none) or the complete new one: the content goes
 * to a hidden temporary file in the target's folder, which is then moved into place in one atomic step. A
 * failure leaves no temporary file behind. The result has the folder's usual permissions.
 */
public final class AtomicFiles {

	/** Fills the temporary file (which exists and is empty). */
	@FunctionalInterface
	public interface Content {

		void writeTo(Path temporary) throws IOException;
	}

	private AtomicFiles() {}

	/**
	 * Writes {@code target} from {@code content}, creating its folder if needed.
	 *
	 * @param replace whether an existing {@code target} may be replaced; if not and it exists (also if it
	 *          appeared while the content was written), nothing is written
	 * @throws FileAlreadyExistsException if {@code target} exists and {@code replace} is false
	 * @throws IOException if writing or moving fails, including on a file system without atomic moves
	 */
	public static void write(final Path target, final boolean replace, final Content content) throws IOException {
		final Path file = target.toAbsolutePath();
		final Path folder = file.getParent();
		if (folder != null) Files.createDirectories(folder);
		if (!replace && Files.exists(file)) throw new FileAlreadyExistsException(file.toString());
		final Path temp = createTemporary(file);
		try {
			content.writeTo(temp);
			if (replace) Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			else if (Files.exists(file)) throw new FileAlreadyExistsException(file.toString());
			else Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/** A new empty hidden file next to {@code file}; not Files.createTempFile, whose owner-only permissions stay. */
	private static Path createTemporary(final Path file) throws IOException {
		while (true) {
			final Path temp = file.resolveSibling("." + file.getFileName() + "." + Long.toHexString(ThreadLocalRandom
				.current().nextLong() >>> 1) + ".part");
			try {
				return Files.createFile(temp);
			}
			catch (final FileAlreadyExistsException e) {
				// another writer chose the same name: pick another
			}
		}
	}

	/** Writes {@code text} as UTF-8 to {@code target}; see {@link #write(Path, boolean, Content)}. */
	public static void writeString(final Path target, final String text, final boolean replace) throws IOException {
		write(target, replace, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
	}

	/** Writes {@code bytes} to {@code target}; see {@link #write(Path, boolean, Content)}. */
	public static void writeBytes(final Path target, final byte[] bytes, final boolean replace) throws IOException {
		write(target, replace, temp -> Files.write(temp, bytes));
	}
}
