package org.hourglass.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Part files left by killed writers are removed when their folder is next written to; nothing else is. */
class PartFilesTest {

	/** Above every Linux pid_max: no process has it. */
	private static final long DEAD = 999_999_999L;

	@TempDir
	Path dir;

	@Test
	void partFilesAreNamedForTheirTargetProcessAndHost() throws IOException {
		final Path part = PartFiles.create(dir.resolve("model.zip"));
		final String name = part.getFileName().toString();
		assertTrue(name.startsWith(".model.zip." + ProcessHandle.current().pid() + "-" + PartFiles.Host.ID + "-"), name);
		assertTrue(name.endsWith(".part"), name);
		assertEquals("model.zip", PartFiles.targetName(part));
		assertFalse(PartFiles.isStale(part), "this process is alive");
		assertNull(PartFiles.targetName(dir.resolve("model.zip")));
	}

	@Test
	void theNextWriteIntoTheFolderRemovesWhatDeadWritersLeftAndNothingElse() throws IOException {
		final Path deadSame = touch(".out.tif." + DEAD + "-" + PartFiles.Host.ID + "-1a2b.part");
		final Path deadOther = touch(".other.zip." + DEAD + "-" + PartFiles.Host.ID + "-ff.part");
		final Path alive = touch(".out.tif." + ProcessHandle.current().pid() + "-" + PartFiles.Host.ID + "-7.part");
		final Path otherHostFresh = touch(".out.tif." + DEAD + "-" + otherHost() + "-3.part");
		final Path otherHostOld = touch(".out.tif." + DEAD + "-" + otherHost() + "-4.part");
		Files.setLastModifiedTime(otherHostOld, FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));
		final List<Path> users = List.of(touch(".notes.part"), touch("draft.part"), touch(".out.tif.12-34.part"),
			touch(".out.tif." + DEAD + "-" + PartFiles.Host.ID + "-1a2b.partial"));

		AtomicFiles.writeString(dir.resolve("out.tif"), "new", false);

		assertFalse(Files.exists(deadSame), "a dead writer's part of the same target");
		assertFalse(Files.exists(deadOther), "a dead writer's part of another target in the folder");
		assertFalse(Files.exists(otherHostOld), "another host's part untouched for a day");
		assertTrue(Files.exists(alive), "a part this process is writing");
		assertTrue(Files.exists(otherHostFresh), "another host's part may be in use");
		for (final Path u : users) assertTrue(Files.exists(u), "a user's file: " + u);
		assertEquals("new", Files.readString(dir.resolve("out.tif")));
		try (Stream<Path> s = Files.list(dir)) {
			assertEquals(7, s.count(), "out.tif, the 2 parts kept and the 4 user files");
		}
	}

	@Test
	void aPartOfAProcessThatEndedIsStale() throws Exception {
		final Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-version").redirectErrorStream(true).start();
		p.getInputStream().readAllBytes();
		p.waitFor();
		final Path part = touch(".x.tif." + p.pid() + "-" + PartFiles.Host.ID + "-1.part");
		assertTrue(PartFiles.isStale(part));
	}

	private Path touch(final String name) throws IOException {
		return Files.writeString(dir.resolve(name), "x");
	}

	private static String otherHost() {
		return PartFiles.Host.ID.equals("00000001") ? "00000002" : "00000001";
	}
}
