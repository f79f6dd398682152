package org.hourglass.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The Fiji drop-in on a flat class path, as Fiji loads it: its {@code jars/} plus what Fiji provides (the
 * host libraries and Fiji's versions of the jars the drop-in leaves out), no OSGi. SciJava alone must find
 * the command and the engine's service, and ND4J must compute the same statistics.
 */
class FlatClassPathIT {

	@Test
	void theDropInRunsImageStatisticsThroughSciJavaAlone() throws Exception {
		final Path scratch = Installation.scratch("flat");
		final List<Path> cp = new ArrayList<>(Installation.jars(Installation.fiji().resolve("jars")));
		cp.addAll(Installation.jars(Installation.fijiHost()));
		cp.add(Installation.testClasses());
		final List<String> command = List.of(Processes.java(), "-Djava.awt.headless=true",
			"-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir"),
			"-Dscijava.log.level=warn", "-cp", String.join(File.pathSeparator, cp.stream().map(Path::toString)
				.toList()), FlatClassPathMain.class.getName(), Installation.sample().toString(), "2", "99.5");
		final Processes.Result r = Processes.run(command, Map.of(), scratch);
		assertEquals(0, r.exitCode(), r.toString());
		final Map<String, String> outputs = Processes.keyValues(r.out());
		ReferenceStatistics.of(Installation.sample()).check(outputs, 2, 99.5);
		assertEquals("org.hourglass.engine.Nd4jModelService", outputs.get("service"), r.toString());
	}
}
