package org.hourglass.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImagePlus;

/**
 * The variational autoencoder out of the box in the assembled workbench: the shipped {@code vae-digits} model
 * is found by name and the commands run on the shipped digits, with keys written in lower case as in a macro.
 */
class VaeCliIT {

	private static Path scratch;

	@BeforeAll
	static void scratch() throws IOException {
		scratch = Installation.scratch("vae-cli");
	}

	@Test
	void generateGridAndMapWithTheShippedModel() throws Exception {
		final Path digits = Installation.workbench().resolve("samples/images/digits-test-1000.tif");
		final Processes.Result generate = hourglass("run", "generate", "count=6", "seed=7", "generated=new.tif");
		assertEquals(0, generate.exitCode(), generate.toString());
		final ImagePlus generated = IJ.openImage(scratch.resolve("new.tif").toString());
		assertEquals(6, generated.getStackSize());
		assertEquals(28, generated.getWidth());

		final Processes.Result grid = hourglass("run", "latent-grid", "steps=5", "montage=grid.png");
		assertEquals(0, grid.exitCode(), grid.toString());
		assertEquals(140, IJ.openImage(scratch.resolve("grid.png").toString()).getWidth());

		final Processes.Result map = hourglass("run", "latent-map", "input=" + digits, "map=map.png");
		assertEquals(0, map.exitCode(), map.toString());
		assertTrue(Files.size(scratch.resolve("map.png")) > 1000);

		final Processes.Result encode = hourglass("run", "vae-encode", "input=" + digits, "csv=codes.csv");
		assertEquals(0, encode.exitCode(), encode.toString());
		assertEquals(1001, Files.readAllLines(scratch.resolve("codes.csv")).size());
		final Processes.Result again = hourglass("run", "vae-encode", "input=" + digits, "csv=codes.csv");
		assertEquals(1, again.exitCode(), again.toString());
		assertTrue(again.err().contains("exists already"), again.toString());
	}

	@Test
	void aGridDimensionTheModelDoesNotHaveIsOneClearMessage() throws Exception {
		final Processes.Result r = hourglass("run", "latent-grid", "dimy=5", "montage=never.png");
		assertEquals(1, r.exitCode(), r.toString());
		assertTrue(r.err().contains("has 2 dimension(s)"), r.toString());
		assertFalse(r.err().contains("Exception"), r.toString());
		assertFalse(Files.exists(scratch.resolve("never.png")));
	}

	private static Processes.Result hourglass(final String... args) throws Exception {
		return Hourglass.installed(scratch).run(args);
	}
}
