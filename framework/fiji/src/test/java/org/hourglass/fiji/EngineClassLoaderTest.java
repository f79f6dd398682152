package org.hourglass.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.apache.logging.log4j.LogManager;
import org.hourglass.api.ModelService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

/** The engine's class loader over a real jar, with this test's class path as the host. */
class EngineClassLoaderTest {

	private static final String OWN_CLASS = EngineFolder.class.getName();
	private static final String OWN_RESOURCE = "META-INF/services/org.example.Only";

	@TempDir
	static Path dir;

	private static EngineClassLoader loader;

	/** A jar with a second copy of one of this module's classes and a resource of its own. */
	@BeforeAll
	static void jar() throws IOException {
		final Path jar = dir.resolve("engine.jar");
		final String classFile = OWN_CLASS.replace('.', '/') + ".class";
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out);
			InputStream in = EngineClassLoaderTest.class.getClassLoader().getResourceAsStream(classFile))
		{
			jos.putNextEntry(new JarEntry(classFile));
			in.transferTo(jos);
			jos.putNextEntry(new JarEntry(OWN_RESOURCE));
			jos.write("engine".getBytes(StandardCharsets.UTF_8));
		}
		loader = new EngineClassLoader(List.of(jar.toUri().toURL()), EngineClassLoaderTest.class.getClassLoader());
	}

	@Test
	void theEnginesOwnCopyWinsOverTheHosts() throws Exception {
		final Class<?> c = loader.loadClass(OWN_CLASS);
		assertNotSame(EngineFolder.class, c);
		assertSame(loader, c.getClassLoader());
		assertSame(c, loader.loadClass(OWN_CLASS), "loaded once");
	}

	@Test
	void sharedPackagesComeFromTheHost() throws Exception {
		assertSame(ModelService.class, loader.loadClass(ModelService.class.getName()));
		assertSame(Context.class, loader.loadClass(Context.class.getName()));
		assertSame(LogManager.class, loader.loadClass(LogManager.class.getName()));
		assertNotNull(loader.getResource("org/scijava/Context.class"));
	}

	@Test
	void nothingElseOfTheHostIsVisible() {
		assertThrows(ClassNotFoundException.class, () -> loader.loadClass(Test.class.getName()));
		assertNull(loader.getResource(Test.class.getName().replace('.', '/') + ".class"));
	}

	@Test
	void theJdkIsTheJdks() throws Exception {
		assertSame(List.class, loader.loadClass("java.util.List"));
		assertNotNull(loader.loadClass("java.sql.Connection"));
	}

	@Test
	void resourcesAreTheEnginesOwn() throws IOException {
		assertNotNull(loader.getResource(OWN_RESOURCE));
		assertEquals(1, Collections.list(loader.getResources(OWN_RESOURCE)).size());
		assertNull(EngineClassLoaderTest.class.getClassLoader().getResource(OWN_RESOURCE), "the host has none");
		assertTrue(Collections.list(loader.getResources("META-INF/json/org.scijava.plugin.Plugin")).isEmpty(),
			"no plugin index of the host is visible");
	}

	@Test
	void sharedIsDecidedByPackagePrefix() {
		assertTrue(EngineClassLoader.isShared("org.hourglass.api.image.Plane"));
		assertTrue(EngineClassLoader.isShared("org/slf4j/Logger.class"));
		assertTrue(EngineClassLoader.isShared("ij.ImagePlus"));
		assertFalse(EngineClassLoader.isShared("org.hourglass.engine.Nd4jModelService"));
		assertFalse(EngineClassLoader.isShared("ijx.Other"));
		assertFalse(EngineClassLoader.isShared("org.bytedeco.javacpp.Loader"));
	}
}
