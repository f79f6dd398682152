package org.hourglass.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImagePlus;

/**
 * The autoencoder's commands out of the box in the assembled workbench: the shipped digit models are found by
 * name and work on the bundled sample digits, with lower-case keys as a macro writes them; an existing output file
 * is not replaced.
 */
class AutoencoderCliIT {

	private static Path scratch;
	private static Path digits;

	@BeforeAll
	static void scratch() throws IOException {
		scratch = Installation.scratch("autoencoder-cli");
		digits = Installation.workbench().resolve("samples/images/digits-test-1000.tif");
	}

	@Test
	void encodeWithTheDefaultShippedModel() throws Exception {
		final Path csv = scratch.resolve("codes.csv");
		final Processes.Result r = hourglass("run", "encode", "input=" + digits, "csv=" + csv);
		assertEquals(0, r.exitCode(), r.toString());
		assertEquals("1000", Processes.keyValues(r.out()).get("images"), r.toString());
		final List<String> lines = Files.readAllLines(csv);
		assertEquals("name,slice,z0,z1", lines.get(0));
		assertEquals(1001, lines.size());
	}

	@Test
	void embeddingMapAndNearestImagesWriteTheirFiguresButNeverOverAFile() throws Exception {
		final Path map = scratch.resolve("map.png");
		final Processes.Result r = hourglass("run", "embedding-map", "input=" + digits, "thumbnails=40", "map=" + map);
		assertEquals(0, r.exitCode(), r.toString());
		final ImagePlus png = IJ.openImage(map.toString());
		assertTrue(png.getWidth() > 1000, r.toString());
		final long size = Files.size(map);
		final Processes.Result again = hourglass("run", "embedding-map", "input=" + digits, "map=" + map);
		assertEquals(2, again.exitCode(), again.toString());
		assertTrue(again.err().contains("exists already") && again.err().contains("overwrite=true"), again.toString());
		assertEquals(size, Files.size(map));

		final Path montage = scratch.resolve("nearest.png");
		final Processes.Result n = hourglass("run", "nearest-images", "query=" + digits, "queryslice=8", "input=" +
			digits, "k=5", "montage=" + montage);
		assertEquals(0, n.exitCode(), n.toString());
		// the query itself comes first, at distance 0 up to rounding (it is encoded alone, the stack in batches)
		final String nearest = Processes.keyValues(n.out()).get("nearest");
		assertTrue(nearest.startsWith("digits-test-1000.tif:8 ("), n.toString());
		final double selfDistance = Double.parseDouble(nearest.substring(nearest.indexOf('(') + 1, nearest.indexOf(')')));
		assertTrue(selfDistance < 1e-3, n.toString());
		assertTrue(Files.size(montage) > 0);
	}

	private static Processes.Result hourglass(final String... args) throws Exception {
		return Hourglass.installed(scratch).run(args);
	}
}
