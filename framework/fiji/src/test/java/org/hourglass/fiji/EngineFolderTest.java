package org.hourglass.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hourglass.api.HourglassException;
import org.hourglass.api.ModelService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

class EngineFolderTest {

	@TempDir
	Path dir;

	@Test
	void theFoldersJarsComeFirstThenEachPlatformsInOrder() throws IOException {
		touch("hourglass-engine-0.1.0.jar", "nd4j-api-1.0.0-M2.1.jar", "README.txt", "windows-x86_64/b.jar",
			"linux-x86_64/a.jar", "linux-x86_64/z.jar");
		final List<String> names = new EngineFolder(dir).jars().stream().map(u -> dir.toUri().relativize(
			java.net.URI.create(u.toString())).toString()).toList();
		assertEquals(List.of("hourglass-engine-0.1.0.jar", "nd4j-api-1.0.0-M2.1.jar", "linux-x86_64/a.jar",
			"linux-x86_64/z.jar", "windows-x86_64/b.jar"), names);
	}

	@Test
	void aMissingEngineSaysWhereItWasExpected() throws IOException {
		touch("nd4j-api-1.0.0-M2.1.jar");
		final Path missing = dir.resolve("nothing-here");
		for (final Path folder : List.of(dir, missing)) {
			final HourglassException e = assertThrows(HourglassException.class, () -> new EngineFolder(folder).jars());
			assertTrue(e.getMessage().startsWith("Hourglass's engine is not installed: expected hourglass-engine-" +
				"*.jar and ND4J's jars in " + folder + "."), e.getMessage());
		}
	}

	/** Fiji's service with no engine installed: every call fails with the same message, none with a crash. */
	@Test
	void theServiceOfAnInstallationWithoutEngineRefusesEveryCallClearly() {
		final String previous = System.setProperty(EngineFolder.PROPERTY, dir.resolve("absent").toString());
		final Context context = new Context(ModelService.class);
		try {
			final ModelService service = context.service(ModelService.class);
			assertEquals(FijiModelService.class, service.getClass());
			for (int i = 0; i < 2; i++) {
				final HourglassException e = assertThrows(HourglassException.class, () -> service.models(null));
				assertTrue(e.getMessage().startsWith("Hourglass's engine is not installed"), e.getMessage());
			}
		}
		finally {
			context.dispose();
			if (previous == null) System.clearProperty(EngineFolder.PROPERTY);
			else System.setProperty(EngineFolder.PROPERTY, previous);
		}
	}

	private void touch(final String... names) throws IOException {
		for (final String n : names) {
			final Path p = dir.resolve(n);
			Files.createDirectories(p.getParent());
			Files.writeString(p, "");
		}
	}
}
