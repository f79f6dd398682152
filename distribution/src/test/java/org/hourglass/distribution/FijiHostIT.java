package org.hourglass.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImagePlus;

/**
 * The Fiji drop-in in the Fiji-faithful host, as Fiji loads it: a flat class path of Fiji's jars (with no
 * Log4j 2, with logback, and with another update site's JavaCPP 1.5.10 and TensorFlow protocol buffers first)
 * plus the drop-in's {@code jars/}; the engine from {@code lib/hourglass/} in its own class loader. No OSGi.
 * One process runs every step; the tests read what it printed and wrote.
 */
class FijiHostIT {

	private static Path scratch;
	private static Processes.Result fiji;
	private static Map<String, String> out;
	private static Path fijiDenoised;
	private static Path workbenchDenoised;
	private static Path trained;

	@BeforeAll
	static void runBoth() throws Exception {
		scratch = Installation.scratch("fiji-host");
		fijiDenoised = scratch.resolve("fiji-denoised.tif");
		workbenchDenoised = scratch.resolve("workbench-denoised.tif");
		trained = scratch.resolve("trained.zip");
		fiji = FijiProcess.run(Installation.fiji(), scratch, List.of(), "service", "commands", "denoise", Installation
			.semSample().toString(), fijiDenoised.toString(), "train", Installation.sample().toString(), trained
				.toString(), "classes");
		assertEquals(0, fiji.exitCode(), fiji.toString());
		out = Processes.keyValues(fiji.out());
		final Processes.Result wb = Processes.run(List.of(Installation.workbench().resolve("bin/hourglass").toString(),
			"run", "denoise", "input=" + Installation.semSample(), "output=" + workbenchDenoised), Map.of("JAVA_HOME",
				System.getProperty("java.home"), "HOURGLASS_OPTS", "-Dhourglass.logs=" + scratch.resolve("logs") +
					" -Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir")), scratch);
		assertEquals(0, wb.exitCode(), wb.toString());
	}

	@Test
	void theServiceIsTheEngineLoadersAndTheEngineHasItsOwnClassLoader() {
		assertEquals("org.hourglass.fiji.FijiModelService", out.get("service"), fiji.toString());
		assertEquals("hourglass-engine", out.get("engine.loader"), fiji.toString());
	}

	/** Every command in the plugin indexes of the drop-in's jars, found by SciJava and instantiated. */
	@Test
	void everyHourglassCommandIsDiscoveredAndLoads() throws IOException {
		final Set<String> indexed = indexedCommands(Installation.fiji().resolve("jars"));
		assertTrue(indexed.size() >= 5, indexed.toString());
		final Set<String> found = out.keySet().stream().filter(k -> k.startsWith("command.")).map(k -> k.substring(
			"command.".length())).collect(Collectors.toCollection(TreeSet::new));
		assertEquals(indexed, found, fiji.toString());
		assertFalse(out.keySet().stream().anyMatch(k -> k.startsWith("command-error.")), fiji.toString());
		assertEquals("denoise", out.get("command.org.hourglass.denoise.DenoiseCommand"));
	}

	@Test
	void denoiseGivesTheWorkbenchsResult() {
		assertEquals("no", out.get("denoise.canceled"), fiji.toString());
		final float[] a = pixels(fijiDenoised);
		final float[] b = pixels(workbenchDenoised);
		assertEquals(b.length, a.length);
		double maxDiff = 0;
		double range = 0;
		for (int i = 0; i < a.length; i++) {
			maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
			range = Math.max(range, Math.abs(b[i]));
		}
		assertTrue(range > 0, "the workbench's result is not blank");
		assertTrue(maxDiff <= 1e-6 * range, "largest difference " + maxDiff + " of " + range);
		assertFalse(java.util.Arrays.equals(a, pixels(Installation.semSample())), "the image was denoised");
	}

	@Test
	void aShortTrainingSavesAModelThatLoads() {
		assertEquals("no", out.get("train.canceled"), fiji.toString());
		assertEquals(trained.toString(), out.get("train.modelPath"), fiji.toString());
		assertEquals("denoise", out.get("trained.variant"), fiji.toString());
		assertEquals("1", out.get("trained.epochs"), fiji.toString());
	}

	/** Another update site's JavaCPP, TensorFlow and protobuf stay theirs, and both JavaCPPs load their natives. */
	@Test
	void theHostsJavacppTensorflowAndProtobufAreUntouched() {
		assertEquals("javacpp-1.5.7.jar", out.get("engine.javacpp"), fiji.toString());
		assertEquals("nd4j-api-1.0.0-M2.1.jar", out.get("engine.tensorflow"), fiji.toString());
		assertEquals("javacpp-1.5.10.jar", out.get("host.javacpp"), fiji.toString());
		assertEquals("proto-1.12.0.jar", out.get("host.tensorflow"), fiji.toString());
		assertEquals("protobuf-java-4.32.0.jar", out.get("host.protobuf"), fiji.toString());
		assertTrue(Integer.parseInt(out.get("engine.javacpp.cores")) > 0, fiji.toString());
		assertTrue(Integer.parseInt(out.get("host.javacpp.cores")) > 0, fiji.toString());
	}

	/** The Log4j API reaches Fiji's Logback: the engine's, the commands' and ND4J's own (slf4j) messages. */
	@Test
	void messagesReachFijisLogging() throws IOException {
		final String log = Files.readString(scratch.resolve(FijiProcess.LOG));
		assertTrue(log.contains("LOGBACK|INFO|org.hourglass.fiji.Engine|Hourglass engine loaded from"), log);
		assertTrue(log.contains("LOGBACK|INFO|org.hourglass.engine.Nd4jRuntime|ND4J CpuBackend backend started"), log);
		assertTrue(log.contains("LOGBACK|INFO|org.nd4j."), "ND4J's slf4j messages\n" + log);
		assertFalse(fiji.err().contains("could not find a logging provider"), fiji.toString());
		assertFalse(fiji.err().contains("SLF4J(W)"), fiji.toString());
	}

	/** Class names of the commands in the SciJava plugin indexes of the jars in {@code dir}. */
	static Set<String> indexedCommands(final Path dir) throws IOException {
		final Pattern plugin = Pattern.compile("\\{\"class\":\"([^\"]+)\",\"values\":\\{([^}]*)\\}\\}");
		final Set<String> commands = new TreeSet<>();
		for (final Path jar : Installation.jars(dir)) {
			try (JarFile j = new JarFile(jar.toFile())) {
				final var entry = j.getEntry("META-INF/json/org.scijava.plugin.Plugin");
				if (entry == null) continue;
				try (InputStream in = j.getInputStream(entry)) {
					final Matcher m = plugin.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
					while (m.find()) {
						if (m.group(2).contains("\"type\":\"org.scijava.command.Command\"")) commands.add(m.group(1));
					}
				}
			}
		}
		return commands;
	}

	private static float[] pixels(final Path tif) {
		final ImagePlus imp = IJ.openImage(tif.toString());
		final int n = imp.getStackSize();
		final int size = imp.getWidth() * imp.getHeight();
		final float[] all = new float[n * size];
		for (int s = 1; s <= n; s++) {
			final float[] plane = (float[]) imp.getStack().getProcessor(s).convertToFloat().getPixels();
			System.arraycopy(plane, 0, all, (s - 1) * size, size);
		}
		return all;
	}
}
