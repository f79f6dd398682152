package org.hourglass.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ij.IJ;

/**
 * What the command line refuses before anything runs, each with one message and exit code 2, nothing written or
 * changed: an output that exists (unless overwrite=true), a value out of its range, a model file in a folder that
 * does not exist.
 */
class OverwriteIT {

	private static Hourglass hg;
	private static Path image;

	@BeforeAll
	static void scratch() throws Exception {
		hg = Hourglass.installed(Installation.scratch("overwrite"));
		image = TestImages.noisy(hg.scratch.resolve("noisy.tif"), 48, 40, 1, 3);
	}

	@Test
	void anExistingOutputIsRefusedAndReplacedOnlyWithOverwrite() throws Exception {
		final Path existing = Files.writeString(hg.scratch.resolve("existing.tif"), "an unrelated file");
		final Processes.Result refused = hg.run("run", "denoise", "input=" + image, "output=" + existing);
		assertEquals(2, refused.exitCode(), refused.toString());
		assertTrue(refused.err().contains("output: " + existing + " exists already; choose another name, or replace it " +
			"(overwrite=true)"), refused.toString());
		assertEquals("an unrelated file", Files.readString(existing));
		assertFalse(Hourglass.hasStackTrace(refused.toString()), refused.toString());

		final Processes.Result replaced = hg.run("run", "denoise", "input=" + image, "output=" + existing,
			"overwrite=true");
		assertEquals(0, replaced.exitCode(), replaced.toString());
		assertEquals(48, IJ.openImage(existing.toString()).getWidth());
		assertEquals(0, hg.scratchFolders().size(), "each run removed its scratch folder");
	}

	@Test
	void aValueOutOfItsRangeIsRefusedAsTheHelpSays() throws Exception {
		final Processes.Result r = hg.run("run", "denoise-evaluate", "input=" + image, "groundtruth=" + image,
			"datarange=-5");
		assertEquals(2, r.exitCode(), r.toString());
		assertEquals("hourglass: dataRange: must be at least 0, got -5", r.err().strip(), r.toString());
		assertEquals("", r.out());
	}

	@Test
	void aModelFileInAFolderThatDoesNotExistIsRefusedBeforeTraining() throws Exception {
		final Path model = hg.scratch.resolve("no-such-folder").resolve("m.zip");
		final Processes.Result r = hg.run("run", "denoise-train-n2v", "input=" + image, "modelfile=" + model,
			"patchsize=16", "epochs=1", "stepsperepoch=1", "depth=1", "filters=2");
		assertEquals(2, r.exitCode(), r.toString());
		assertTrue(r.err().contains("modelFile: the folder of " + model + " does not exist"), r.toString());
		assertFalse(Files.exists(model.getParent()));
		assertFalse(Files.exists(hg.logs.resolve("hourglass.log")) && Files.readString(hg.logs.resolve("hourglass.log"))
			.contains("m.zip: epoch 1"), "no epoch ran");
	}

	@Test
	void aConstantImageIsRefusedBeforeTraining() throws Exception {
		final Path flat = hg.scratch.resolve("flat.tif");
		final ij.ImagePlus imp = IJ.createImage("flat", "32-bit black", 64, 64, 1);
		imp.getProcessor().add(12);
		new ij.io.FileSaver(imp).saveAsTiff(flat.toString());
		final Path model = hg.scratch.resolve("flat-model.zip");
		final Processes.Result r = hg.run("run", "denoise-train-n2v", "input=" + flat, "modelfile=" + model,
			"patchsize=16", "epochs=1", "stepsperepoch=1", "depth=1", "filters=2");
		assertEquals(1, r.exitCode(), r.toString());
		assertTrue(r.err().contains("is constant (every pixel of flat.tif is 12.0): there is nothing to learn from"), r
			.toString());
		assertFalse(Files.exists(model));
		assertFalse(Hourglass.hasStackTrace(r.toString()), r.toString());
	}
}
