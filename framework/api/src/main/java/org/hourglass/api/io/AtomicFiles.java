package org.hourglass.api.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers see either the old file (or none) or the complete new one: the content goes
 * to a hidden part file in the target's folder ({@link PartFiles}), which is then moved into place in one atomic
 * step. A failure leaves no part file behind; part files that killed processes left in the folder are removed
 * when it is written to. The result has the folder's usual permissions.
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
		if (folder != null) {
			Files.createDirectories(folder);
			PartFiles.removeStale(folder);
		}
		if (!replace && Files.exists(file)) throw new FileAlreadyExistsException(file.toString());
		final Path temp = PartFiles.create(file);
		try {
			content.writeTo(temp);
			if (replace) Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			else moveToNew(temp, file);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/**
	 * Moves {@code temp} to {@code file}, which must not exist: a hard link fails if it does (nothing can slip in
	 * between a check and the move); where there are no hard links, checked just before an atomic move.
	 */
	private static void moveToNew(final Path temp, final Path file) throws IOException {
		try {
			Files.createLink(file, temp);
			return;
		}
		catch (final FileAlreadyExistsException e) {
			throw new FileAlreadyExistsException(file.toString());
		}
		catch (final IOException | UnsupportedOperationException e) {
			// a file system without hard links (FAT, some network shares)
		}
		if (Files.exists(file)) throw new FileAlreadyExistsException(file.toString());
		Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
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
