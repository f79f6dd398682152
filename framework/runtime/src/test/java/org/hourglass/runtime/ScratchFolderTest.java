package org.hourglass.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process's scratch folder goes when it closes or exits, and when it was killed, at the next start. */
class ScratchFolderTest {

	@TempDir
	Path tmp;

	@Test
	void closingRemovesTheFolderAndALiveFolderIsNeverTakenForStale() throws Exception {
		final ScratchFolder scratch = ScratchFolder.create(tmp);
		final Path p = scratch.path();
		assertTrue(p.getFileName().toString().startsWith("hourglass-run-" + ProcessHandle.current().pid() + "-"), p
			.toString());
		Files.writeString(p.resolve("cache.bin"), "x");
		assertEquals(0, ScratchFolder.removeStale(tmp), "this process's own folder is in use");
		assertTrue(Files.isDirectory(p));
		scratch.close();
		assertFalse(Files.exists(p));
	}

	@Test
	void aKilledProcesssFolderIsRemovedByTheNextStartAndOnlyThen() throws Exception {
		final Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-cp", System.getProperty("java.class.path"), ScratchHolder.class.getName(), tmp.toString()).redirectError(
				ProcessBuilder.Redirect.INHERIT).start();
		final Path folder;
		try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
			StandardCharsets.UTF_8)))
		{
			folder = Path.of(out.readLine());
			assertTrue(Files.isDirectory(folder));
			assertEquals(0, ScratchFolder.removeStale(tmp), "its process is alive and holds the lock");
			assertTrue(Files.isDirectory(folder));
		}
		finally {
			holder.destroyForcibly();
			assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
		}
		assertTrue(Files.isDirectory(folder), "SIGKILL leaves it behind");
		// other things in the temporary folder, including an earlier version's cache, which names no owner
		final Path felix = Files.createDirectories(tmp.resolve("hourglass-felix-123456"));
		final Path lookalike = Files.createDirectories(tmp.resolve("hourglass-run-notes"));
		assertEquals(1, ScratchFolder.removeStale(tmp));
		assertFalse(Files.exists(folder));
		assertTrue(Files.isDirectory(felix) && Files.isDirectory(lookalike));
	}
}
