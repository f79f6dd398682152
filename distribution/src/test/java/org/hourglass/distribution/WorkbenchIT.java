package org.hourglass.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hourglass.runtime.Workbench;
import org.hourglass.runtime.WorkbenchConfig;
import org.hourglass.runtime.command.CommandEntry;
import org.hourglass.runtime.command.RunResult;
import org.hourglass.runtime.command.UsageException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * The assembled workbench in a real Felix framework: the Image Statistics command of the plugin-template
 * bundle computes through the engine bundle (ND4J), and bundles come and go while the framework runs.
 */
class WorkbenchIT {

	private static final String TEMPLATE = "hourglass-plugin-template";

	private static Workbench workbench;
	private static ReferenceStatistics expected;
	private static Path echoJar;

	@BeforeAll
	static void start() throws Exception {
		final Path scratch = Installation.scratch("workbench");
		echoJar = TestBundles.echoBundle(scratch);
		expected = ReferenceStatistics.of(Installation.sample());
		workbench = Workbench.start(WorkbenchConfig.of(Installation.workbench()));
		workbench.install(echoJar);
	}

	@AfterAll
	static void stop() {
		if (workbench != null) workbench.close();
	}

	@Test
	void launcherClassPathHoldsNoBundleOrNd4jClasses() {
		final ClassLoader host = WorkbenchIT.class.getClassLoader();
		assertThrows(ClassNotFoundException.class, () -> Class.forName("org.nd4j.linalg.factory.Nd4j", false,
			host));
		assertThrows(ClassNotFoundException.class, () -> Class.forName("org.hourglass.template.ImageStatisticsCommand",
			false, host));
		assertThrows(ClassNotFoundException.class, () -> Class.forName("org.hourglass.api.ModelService", false,
			host));
	}

	/** Every bundle is active; the engine's native fragment, which cannot be started, is attached to it. */
	@Test
	void everyBundleIsActiveAndTheNativesAreAttachedToTheEngine() {
		for (final Bundle b : workbench.bundles()) {
			final boolean fragment = b.getHeaders().get("Fragment-Host") != null;
			assertEquals(fragment ? Bundle.RESOLVED : Bundle.ACTIVE, b.getState(), b.getSymbolicName() + " is not " +
				(fragment ? "resolved" : "active"));
		}
		assertNotNull(workbench.bundle("hourglass-engine"));
		assertNotNull(workbench.bundle("hourglass-engine-natives-linux-x86_64"));
	}

	@Test
	void imageStatisticsMatchesAnIndependentComputation() {
		final RunResult r = workbench.runner().run("image-statistics", Map.of("input", Installation.sample()
			.toString(), "lowPercentile", "2", "highPercentile", "99.5"));
		expected.check(r.outputs(), 2, 99.5);
	}

	@Test
	void commandsAreFoundByLabelAndListedWithTheirBundle() {
		final RunResult r = workbench.runner().run("Image Statistics", Map.of("input", Installation.sample()
			.toString()));
		expected.check(r.outputs(), 1, 99);
		final CommandEntry stats = command("image-statistics");
		assertNotNull(stats);
		assertEquals(TEMPLATE, stats.bundle());
		assertEquals("Plugins > Hourglass > Image Statistics", stats.menuPath());
	}

	@Test
	void noValueLeaksFromOneRunIntoTheNext() {
		final Map<String, String> first = Map.of("input", Installation.sample().toString(), "lowPercentile",
			"50", "highPercentile", "60");
		workbench.runner().run("image-statistics", first);
		final RunResult defaults = workbench.runner().run("image-statistics", Map.of("input", Installation
			.sample().toString()));
		expected.check(defaults.outputs(), 1, 99);
	}

	@Test
	void uninstallingABundleRemovesOnlyItsCommandsAndReinstallingBringsThemBack() {
		final Bundle template = workbench.bundle(TEMPLATE);
		final Path templateJar = Path.of(java.net.URI.create(template.getLocation().substring("reference:"
			.length())));
		try {
			workbench.uninstall(TEMPLATE);
			assertNull(command("image-statistics"), "the template's command is gone");
			final UsageException e = assertThrows(UsageException.class, () -> workbench.runner().run(
				"image-statistics", Map.of("input", Installation.sample().toString())));
			assertTrue(e.getMessage().contains("unknown command"), e.getMessage());
			assertEquals("olleh", workbench.runner().run("it-echo", Map.of("text", "hello")).outputs().get(
				"reversed"), "another bundle's command still works");
			assertFalse(workbench.extender().records().stream().anyMatch(r -> r.symbolicName().equals(TEMPLATE)));
		}
		finally {
			if (workbench.bundle(TEMPLATE) == null) workbench.install(templateJar);
		}
		assertEquals(TEMPLATE, command("image-statistics").bundle());
		expected.check(workbench.runner().run("image-statistics", Map.of("input", Installation.sample()
			.toString())).outputs(), 1, 99);
	}

	@Test
	void stoppingABundleRemovesItsCommandsAndStartingItBringsThemBack() throws Exception {
		final Bundle echo = workbench.bundle(TestBundles.ECHO_BUNDLE);
		echo.stop();
		assertNull(command("it-echo"));
		echo.start();
		assertEquals("cba", workbench.runner().run("it-echo", Map.of("text", "abc")).outputs().get("reversed"));
	}

	private static CommandEntry command(final String name) {
		final List<CommandEntry> all = workbench.commands();
		return all.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
	}
}
