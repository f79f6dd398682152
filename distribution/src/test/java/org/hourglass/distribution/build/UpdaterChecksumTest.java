package org.hourglass.distribution.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdaterChecksumTest {

	@TempDir
	Path dir;

	/** Golden values from imagej-updater's own code on the same files; see {@link UpdaterFixture}. */
	@Test
	void checksumsAreTheUpdaters() throws IOException {
		assertEquals("c6513638996783d4907149d543bd96ce28c9455a", UpdaterChecksum.of("jars/fixture-1.0.jar",
			UpdaterFixture.jar(dir.resolve("fixture.jar"))));
		assertEquals("891c5c20dc2e38d6aa90a824f4ed68bbcc96bb74", UpdaterChecksum.of("models/hourglass/m.zip",
			UpdaterFixture.file(dir.resolve("m.zip"))));
	}

	@Test
	void aJarsChecksumIgnoresItsPathAFilesDoesNot() throws IOException {
		final Path jar = UpdaterFixture.jar(dir.resolve("fixture.jar"));
		assertEquals(UpdaterChecksum.of("jars/a.jar", jar), UpdaterChecksum.of("lib/b.jar", jar));
		final Path file = UpdaterFixture.file(dir.resolve("m.zip"));
		assertEquals(false, UpdaterChecksum.of("models/a.zip", file).equals(UpdaterChecksum.of("models/b.zip", file)));
	}

	@Test
	void commentLinesGoTheUpdatersWay() {
		assertEquals("\n\nversion=1\n", strip("#a\n#b\nversion=1\n"));
		assertEquals("\n#kept\n", strip("\n#kept\n"), "after an empty line no line is expected to start");
		assertEquals("\n#kept\nx\n", strip("#\n#kept\nx\n"), "nor after a comment of # alone");
		assertEquals("k=#v\n  #indented\n", strip("k=#v\n  #indented\n"));
		assertEquals("x\n", strip("x\n#tail without newline"));
	}

	private static String strip(final String s) {
		return new String(UpdaterChecksum.withoutComments(s.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
	}
}
