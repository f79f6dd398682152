package org.hourglass.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input is refused on the driver before any task runs, with one message (no stack trace) and exit code 1;
 * nothing is written.
 */
class ValidationTest {

	@TempDir
	static Path dir;

	private static JavaSparkContext spark;
	private static Path denoise;
	private static Path images;

	@BeforeAll
	static void start() throws Exception {
		spark = LocalSpark.start("local[2]");
		denoise = TestData.denoiseModel(dir);
		images = TestData.images(dir.resolve("images"), 2, 32);
	}

	@AfterAll
	static void stop() {
		if (spark != null) spark.stop();
	}

	/** Runs a job that must be refused; what it printed. */
	private static String refused(final int code, final String... args) {
		final int jobs = spark.statusTracker().getJobIdsForGroup(null).length;
		final String[] printed = new String[1];
		assertEquals(code, FolderJobTest.run(spark, printed, args), printed[0]);
		assertEquals(jobs, spark.statusTracker().getJobIdsForGroup(null).length, "no Spark job ran");
		assertFalse(printed[0].contains("\tat "), "no stack trace: " + printed[0]);
		assertEquals(code == Main.USAGE ? 2 : 1, printed[0].strip().lines().count(), "one message: " + printed[0]);
		return printed[0];
	}

	@Test
	void aModelOfAnotherVariantIsRefused() {
		final Path out = dir.resolve("up");
		final String m = refused(Main.BAD_INPUT, "upscale", "--model", denoise.toString(), "--input", images.toString(),
			"--output", out.toString());
		assertTrue(m.contains(denoise + " is a 'denoise' model") && m.contains("'upscale'"), m);
		assertFalse(Files.exists(out), "nothing written");
	}

	@Test
	void aMissingInputIsRefused() {
		final Path out = dir.resolve("missing-out");
		final String m = refused(Main.BAD_INPUT, "denoise", "--model", denoise.toString(), "--input", dir.resolve(
			"no-such-folder").toString(), "--output", out.toString());
		assertTrue(m.contains("no-such-folder") && m.contains("is not there"), m);
		assertFalse(Files.exists(out));
	}

	@Test
	void anOutputInsideTheInputOrEqualToItIsRefused() throws Exception {
		final Path inside = images.resolve("results");
		final String m = refused(Main.BAD_INPUT, "denoise", "--model", denoise.toString(), "--input", images.toString(),
			"--output", inside.toString());
		assertTrue(m.contains("is inside the input") && m.contains("never writes over its inputs"), m);
		assertFalse(Files.exists(inside));
		final String same = refused(Main.BAD_INPUT, "denoise", "--model", denoise.toString(), "--input", images
			.toString(), "--output", images.toUri().toString());
		assertTrue(same.contains("is the input folder"), same);
		try (var files = Files.list(images)) {
			assertEquals(2, files.count(), "the input is untouched");
		}
	}

	@Test
	void zarrStoresItCannotReadAreRefusedWithWhatToDo() throws Exception {
		final Path group = Files.createDirectories(dir.resolve("volume"));
		Files.writeString(group.resolve(".zgroup"), "{\"zarr_format\": 2}");
		final Path out = dir.resolve("volume-out");
		final String m = refused(Main.BAD_INPUT, "denoise", "--model", denoise.toString(), "--input", group.toString(),
			"--output", out.toString());
		assertTrue(m.contains("neither an array nor an OME-Zarr image") && m.contains("give the folder of the image"), m);
		final Path v3 = Files.createDirectories(dir.resolve("v3.zarr"));
		Files.writeString(v3.resolve("zarr.json"), "{\"zarr_format\": 3, \"node_type\": \"group\"}");
		final String n = refused(Main.BAD_INPUT, "denoise", "--model", denoise.toString(), "--input", v3.toString(),
			"--output", out.toString());
		assertTrue(n.contains("is Zarr version 3 (OME-Zarr 0.5); Hourglass reads Zarr version 2"), n);
		assertFalse(Files.exists(out), "nothing written");
	}

	@Test
	void aMissingModelAndAWrongFactorAndABadCommandLineAreRefused() {
		final String m = refused(Main.BAD_INPUT, "denoise", "--model", dir.resolve("none.zip").toString(), "--input",
			images.toString(), "--output", dir.resolve("o").toString());
		assertTrue(m.contains("none.zip is not there"), m);
		final String u = refused(Main.USAGE, "denoise", "--model", denoise.toString(), "--input", images.toString());
		assertTrue(u.contains("--output is missing") && u.contains("Usage:"), u);
		final String f = refused(Main.BAD_INPUT, "denoise", "--model", denoise.toString(), "--input", images.toString(),
			"--output", dir.resolve("o").toString(), "--factor", "2");
		assertTrue(f.contains("--factor is for upscale"), f);
	}
}
