package org.hourglass.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Fiji on a computer whose natives are not installed: Denoise stops with one message that names the
 * platform and what to install, and nothing else goes wrong (no stack trace, no crash).
 */
class MissingNativesIT {

	@Test
	void anInstallationWithoutThisPlatformsNativesSaysWhatToInstall() throws Exception {
		final Path scratch = Installation.scratch("missing-natives");
		final Path app = FijiProcess.installation(scratch.resolve("Fiji.app"), List.of("windows-x86_64",
			"macosx-arm64"));
		final String reason = denoise(app, scratch, List.of());
		assertEquals("The native libraries of Hourglass's engine for this computer (linux-x86_64) are missing: " +
			"nd4j-native-1.0.0-M2.1-linux-x86_64-onednn.jar, javacpp-1.5.7-linux-x86_64.jar, " +
			"openblas-0.3.19-1.5.7-linux-x86_64.jar. In Fiji, update Hourglass with Help > Update... (Hourglass " +
			"update site), or copy the drop-in's lib/hourglass/linux-x86_64/ folder into Fiji.app/lib/hourglass/; " +
			"for the workbench, install the Hourglass archive made for linux-x86_64.", reason);
	}

	/** JavaCPP told it runs on another platform (its own property), as on a Linux ARM computer. */
	@Test
	void aPlatformWithoutPackagedBuildIsNamedWithThePackagedOnes() throws Exception {
		final Path scratch = Installation.scratch("unpackaged-platform");
		final String reason = denoise(Installation.fiji(), scratch, List.of(
			"-Dorg.bytedeco.javacpp.platform=linux-arm64"));
		assertEquals("Hourglass has no native build of its engine for this computer (linux-arm64); it is packaged for " +
			"linux-x86_64, windows-x86_64, macosx-x86_64, macosx-arm64.", reason);
	}

	/** The workbench on such a computer: the command fails with the same one message. */
	@Test
	void theWorkbenchSaysTheSame() throws Exception {
		final Path scratch = Installation.scratch("unpackaged-platform-workbench");
		final Processes.Result r = Processes.run(List.of(Installation.workbench().resolve("bin/hourglass").toString(),
			"run", "image-statistics", "input=" + Installation.sample()), Map.of("JAVA_HOME", System.getProperty(
				"java.home"), "HOURGLASS_OPTS", "-Dorg.bytedeco.javacpp.platform=linux-arm64 -Dhourglass.logs=" + scratch
					.resolve("logs")), scratch);
		assertEquals(1, r.exitCode(), r.toString());
		final List<String> lines = r.err().lines().toList();
		assertEquals("hourglass: image-statistics: Hourglass has no native build of its engine for this computer " +
			"(linux-arm64); it is packaged for linux-x86_64, windows-x86_64, macosx-x86_64, macosx-arm64.", lines.get(
				lines.size() - 1), r.toString());
		assertFalse(r.err().contains("\tat "), r.toString());
		assertFalse(r.err().contains("Exception"), r.toString());
	}

	@Test
	void anInstallationWithoutEngineSaysWhereItBelongs() throws Exception {
		final Path scratch = Installation.scratch("missing-engine");
		final Path app = scratch.resolve("Fiji.app");
		FijiProcess.installation(app, List.of());
		try (var s = Files.list(app.resolve("lib/hourglass"))) {
			for (final Path p : s.toList()) Files.delete(p);
		}
		final String reason = denoise(app, scratch, List.of());
		assertTrue(reason.startsWith("Hourglass's engine is not installed: expected hourglass-engine-*.jar and ND4J's " +
			"jars in " + app.resolve("lib/hourglass") + "."), reason);
	}

	/** Runs Denoise; returns its reason to stop, after checking that nothing printed or logged a stack trace. */
	private static String denoise(final Path app, final Path scratch, final List<String> jvm) throws Exception {
		final Processes.Result r = FijiProcess.run(app, scratch, jvm, "denoise", Installation.semSample().toString(),
			scratch.resolve("out.tif").toString());
		assertEquals(0, r.exitCode(), r.toString());
		final Map<String, String> out = Processes.keyValues(r.out());
		final String log = Files.readString(scratch.resolve(FijiProcess.LOG));
		for (final String text : List.of(r.out(), r.err(), log)) {
			assertFalse(text.contains("\tat "), "a stack trace:\n" + r + "\n--- log\n" + log);
			assertFalse(text.contains("Exception"), "an exception:\n" + r + "\n--- log\n" + log);
		}
		assertTrue(log.contains("LOGBACK|INFO|org.hourglass.imagej.HourglassCommand|DenoiseCommand: " + out.get(
			"denoise.canceled")), log);
		assertFalse(Files.exists(scratch.resolve("out.tif")));
		return out.get("denoise.canceled");
	}
}
