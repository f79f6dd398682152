package org.hourglass.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImagePlus;

/**
 * Upscale out of the box: the assembled workbench's {@code bin/hourglass} upscales the bundled sample with the
 * shipped models, found by name, keys written as a Fiji macro writes them (lower case); the Fiji drop-in ships
 * the same models.
 */
class UpscaleCliIT {

	@Test
	void theSampleIsUpscaledTwiceAndFourTimesWithTheShippedModels() throws Exception {
		final Path scratch = Installation.scratch("upscale");
		final Hourglass workbench = Hourglass.installed(scratch);
		final ImagePlus sample = IJ.openImage(Installation.sample().toString());
		for (final int factor : new int[] { 2, 4 }) {
			final String model = "upscale-x" + factor + ".zip";
			assertTrue(Files.isRegularFile(Installation.workbench().resolve("models").resolve(model)), model);
			assertTrue(Files.isRegularFile(Installation.fiji().resolve("models/hourglass").resolve(model)), model);
			final Path out = scratch.resolve("nuclei-x" + factor + ".tif");
			final Processes.Result r = workbench.run("run", "upscale", "model=upscale-x" + factor, "factor=" +
				factor, "input=" + Installation.sample(), "tilesize=0", "batchsize=4", "output=" + out);
			assertEquals(0, r.exitCode(), r.toString());
			assertTrue(Files.isRegularFile(out), r.toString());
			final ImagePlus result = IJ.openImage(out.toString());
			assertArrayEquals(new int[] { factor * sample.getWidth(), factor * sample.getHeight(), 1, 1, 1 }, result
				.getDimensions());
			assertEquals(sample.getCalibration().pixelWidth / factor, result.getCalibration().pixelWidth, 1e-9);
		}
		final Processes.Result wrong = workbench.run("run", "upscale", "model=upscale-x2", "factor=4", "input=" +
			Installation.sample(), "output=" + scratch.resolve("never.tif"));
		assertEquals(1, wrong.exitCode(), wrong.toString());
		assertTrue(wrong.err().contains("upscales x2, but factor=4 was asked for"), wrong.toString());
		assertTrue(!Files.exists(scratch.resolve("never.tif")));
	}
}
