package org.hourglass.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Bundles that others need are kept unless forced; what is missing is named; a bundle installed under any file
 * name is there at the next start; a command of an uninstalled bundle says where it came from. In a private copy
 * of the workbench, run as processes.
 */
class BundlesIT {

	@Test
	void aBundleOthersNeedIsKeptUnlessForcedAndWhatIsMissingIsNamed() throws Exception {
		final Hourglass hg = Hourglass.copied(Installation.scratch("bundles"));
		final Path bundles = hg.home.resolve("bundles");
		final List<Path> before = Installation.jars(bundles);
		final Path image = TestImages.noisy(hg.scratch.resolve("noisy.tif"), 32, 32, 1, 5);
		final Path out = hg.scratch.resolve("out.tif");

		final Processes.Result refused = hg.run("bundles", "uninstall", "hourglass-engine");
		assertEquals(3, refused.exitCode(), refused.toString());
		assertTrue(refused.err().contains("hourglass-engine is needed by ") && refused.err().contains("hourglass-denoise") &&
			refused.err().contains("--force"), refused.toString());
		assertEquals(before, Installation.jars(bundles));

		final Processes.Result forced = hg.run("bundles", "uninstall", "hourglass-engine", "--force");
		assertEquals(0, forced.exitCode(), forced.toString());
		assertTrue(forced.out().contains("stopped ") && forced.out().contains("hourglass-denoise"), forced.toString());
		final Path kept = bundles.resolve("uninstalled").resolve("hourglass-engine-0.1.0.jar");
		assertTrue(Files.isRegularFile(kept), forced.toString());

		final Processes.Result listed = hg.run("bundles");
		assertEquals(0, listed.exitCode(), listed.toString());
		final String denoise = listed.out().lines().filter(l -> l.contains(" hourglass-denoise ")).findFirst().orElseThrow(
			() -> new AssertionError(listed.toString()));
		assertTrue(denoise.contains("ModelService: MISSING"), listed.toString());

		final Processes.Result run = hg.run("run", "denoise", "input=" + image, "output=" + out);
		assertEquals(3, run.exitCode(), run.toString());
		assertTrue(run.err().contains("command 'denoise' needs the service org.hourglass.api.ModelService, which no " +
			"active bundle provides"), run.toString());
		assertFalse(Hourglass.hasStackTrace(run.toString()), run.toString());
		assertFalse(Files.exists(out));

		// a file not named .jar is installed for good: the next start loads it
		final Path backup = Files.move(kept, hg.scratch.resolve("engine.jar.bak"));
		final Processes.Result installed = hg.run("bundles", "install", backup.toString());
		assertEquals(0, installed.exitCode(), installed.toString());
		assertTrue(installed.out().contains("as " + bundles.resolve("hourglass-engine.jar")), installed.toString());
		final Processes.Result again = hg.run("bundles");
		assertTrue(again.out().lines().anyMatch(l -> l.contains("ACTIVE") && l.contains(" hourglass-engine ")), again
			.toString());
		assertTrue(again.out().lines().anyMatch(l -> l.contains(" hourglass-denoise ") && l.contains(
			"ModelService from hourglass-engine")), again.toString());

		// a command whose bundle was uninstalled says which bundle it was and how to bring it back
		assertEquals(0, hg.run("bundles", "uninstall", "hourglass-benchmark-denoise").exitCode());
		assertEquals(0, hg.run("bundles", "uninstall", "hourglass-denoise").exitCode());
		final Processes.Result gone = hg.run("run", "denoise", "input=" + image, "output=" + out);
		assertEquals(3, gone.exitCode(), gone.toString());
		assertTrue(gone.err().contains("it came from the bundle hourglass-denoise, which was uninstalled; install it " +
			"again with: hourglass bundles install " + bundles.resolve("uninstalled")), gone.toString());
		assertEquals(List.of(), hg.scratchFolders(), "no run left its scratch folder");
	}
}
