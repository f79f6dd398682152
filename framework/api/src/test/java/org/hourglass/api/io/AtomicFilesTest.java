package org.hourglass.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

	@TempDir
	Path dir;

	private List<Path> files() throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.sorted().toList();
		}
	}

	@Test
	void writesIntoNewFoldersAndReplacesOnlyWhenAllowed() throws IOException {
		final Path file = dir.resolve("sub").resolve("a.txt");
		AtomicFiles.writeString(file, "one", false);
		assertEquals("one", Files.readString(file));
		assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.writeString(file, "two", false));
		assertEquals("one", Files.readString(file));
		AtomicFiles.writeBytes(file, new byte[] { 't', 'w', 'o' }, true);
		assertEquals("two", Files.readString(file));
		assertEquals(List.of(file), Files.list(file.getParent()).toList());
	}

	@Test
	void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
		final Path file = dir.resolve("b.txt");
		Files.writeString(file, "old");
		final IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, true, temp -> {
			Files.writeString(temp, "half");
			throw new IOException("disk full");
		}));
		assertEquals("disk full", e.getMessage());
		assertEquals("old", Files.readString(file));
		assertEquals(List.of(file), files());
	}

	@Test
	void aFileThatAppearsWhileWritingIsNeverReplaced() throws IOException {
		final Path file = dir.resolve("c.txt");
		assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.write(file, false, temp -> {
			Files.writeString(temp, "mine");
			Files.writeString(file, "someone else's");
		}));
		assertEquals("someone else's", Files.readString(file));
		assertEquals(List.of(file), files());
	}
}
