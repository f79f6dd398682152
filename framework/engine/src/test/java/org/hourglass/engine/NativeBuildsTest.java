package org.hourglass.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.bytedeco.javacpp.Loader;
import org.hourglass.api.HourglassException;
import org.junit.jupiter.api.Test;

class NativeBuildsTest {

	private static final NativeBuilds BUILDS = new NativeBuilds(List.of("linux-x86_64-onednn",
		"windows-x86_64-onednn", "macosx-x86_64-onednn", "macosx-arm64"), "1.0.0-M2.1", "1.5.7", "0.3.19-1.5.7");

	@Test
	void eachPlatformGetsItsOwnBuild() {
		assertEquals("linux-x86_64-onednn", BUILDS.classifierFor("linux-x86_64").orElseThrow());
		assertEquals("macosx-arm64", BUILDS.classifierFor("macosx-arm64").orElseThrow());
		assertFalse(BUILDS.classifierFor("linux-arm64").isPresent());
		assertFalse(BUILDS.classifierFor("macosx").isPresent(), "a prefix of a platform is no platform");
		assertEquals(List.of("linux-x86_64", "windows-x86_64", "macosx-x86_64", "macosx-arm64"), BUILDS.platforms());
	}

	@Test
	void libraryNamesFollowEachPlatform() {
		assertEquals("d/libx.so", NativeBuilds.library("d", "linux-x86_64", "x"));
		assertEquals("d/x.dll", NativeBuilds.library("d", "windows-x86_64", "x"));
		assertEquals("d/libx.dylib", NativeBuilds.library("d", "macosx-arm64", "x"));
	}

	@Test
	void aCompleteBuildPasses() {
		final Set<String> present = Set.of(
			"org/nd4j/linalg/cpu/nativecpu/bindings/windows-x86_64-onednn/jnind4jcpu.dll",
			"org/bytedeco/javacpp/windows-x86_64/jnijavacpp.dll", "org/bytedeco/openblas/windows-x86_64/jniopenblas_nolapack.dll");
		assertEquals("windows-x86_64-onednn", BUILDS.check("windows-x86_64", present::contains));
	}

	@Test
	void anUnpackagedPlatformIsNamedWithThePackagedOnes() {
		final HourglassException e = assertThrows(HourglassException.class, () -> BUILDS.check("linux-arm64", r -> true));
		assertEquals("Hourglass has no native build of its engine for this computer (linux-arm64); it is packaged " +
			"for linux-x86_64, windows-x86_64, macosx-x86_64, macosx-arm64.", e.getMessage());
	}

	@Test
	void missingNativeJarsAreNamedWithWhereToGetThem() {
		final Set<String> present = Set.of("org/bytedeco/javacpp/macosx-arm64/libjnijavacpp.dylib");
		final HourglassException e = assertThrows(HourglassException.class, () -> BUILDS.check("macosx-arm64",
			present::contains));
		assertTrue(e.getMessage().startsWith("The native libraries of Hourglass's engine for this computer " +
			"(macosx-arm64) are missing: nd4j-native-1.0.0-M2.1-macosx-arm64.jar, openblas-0.3.19-1.5.7-macosx-arm64.jar."),
			e.getMessage());
		assertTrue(e.getMessage().contains("lib/hourglass/macosx-arm64/"), e.getMessage());
	}

	/** The packaged list and this machine's class path (the Linux build) agree with the real file names. */
	@Test
	void thePackagedBuildOfThisMachineIsFoundOnTheClassPath() {
		final NativeBuilds packaged = Nd4jRuntime.packaged();
		assertEquals(4, packaged.classifiers().size(), packaged.toString());
		final ClassLoader loader = NativeBuildsTest.class.getClassLoader();
		final String platform = Loader.getPlatform();
		assertTrue(packaged.check(platform, r -> loader.getResource(r) != null).startsWith(platform));
	}
}
