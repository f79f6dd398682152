package org.hourglass.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.hourglass.api.PredictOptions;
import org.hourglass.imagej.OutputFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;

/** The Spark job on folders in local mode, each result against the single-machine result of the same image. */
class FolderJobTest {

	@TempDir
	static Path dir;

	private static JavaSparkContext spark;
	private static Path denoise;
	private static Path upscale;

	@BeforeAll
	static void start() {
		spark = LocalSpark.start("local[2]");
		denoise = TestData.denoiseModel(dir);
		upscale = TestData.upscaleModel(dir);
	}

	@AfterAll
	static void stop() {
		if (spark != null) spark.stop();
	}

	/** Runs the job; its exit code, and what it printed in {@code printed[0]} (standard output and errors). */
	static int run(final JavaSparkContext spark, final String[] printed, final String... args) {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		final int code = Main.run(args, spark, out, out);
		printed[0] = bytes.toString(StandardCharsets.UTF_8);
		return code;
	}

	@Test
	void denoisesEveryImageOfAFolderAsOneMachineDoesAndARerunSkipsWhatIsDone() throws Exception {
		final Path in = TestData.images(dir.resolve("noisy"), 8, 64);
		final Path out = dir.resolve("denoised");
		final String[] printed = new String[1];
		final int loads = ModelCache.loads();
		assertEquals(Main.OK, run(spark, printed, "denoise", "--model", denoise.toString(), "--input", in.toString(),
			"--output", out.toString(), "--tile", "32"), printed[0]);
		assertTrue(printed[0].contains("8 image(s), 8 written, 0 complete already, 0 refused"), printed[0]);
		assertTrue(ModelCache.loads() - loads <= 2, "the model is loaded once per task slot (2 here), not once per " +
			"task (8), and kept: " + (ModelCache.loads() - loads) + " loads");
		final List<Path> inputs = TestData.files(in);
		assertEquals(8, inputs.size());
		final List<Path> results = TestData.files(out);
		assertEquals(inputs.stream().map(OutputFolder::tiffName).toList(), results.stream().map(p -> p.getFileName()
			.toString()).toList(), "one TIFF per image, of the same base name, and nothing else");
		final PredictOptions options = new PredictOptions(32, 0, 4, false);
		for (final Path f : inputs) {
			SingleMachine.assertSame(SingleMachine.result(Variant.DENOISE, denoise, f, options), out.resolve(OutputFolder
				.tiffName(f)));
		}
		assertEquals(3, IJ.openImage(out.resolve("image-0.tif").toString()).getStackSize(), "every plane of a stack");

		// a killed job: one result missing, a part file left behind
		final Path lost = out.resolve("image-4.tif");
		Files.delete(lost);
		final Path left = out.resolve(".image-4.tif.local-0000-17.spark.part");
		Files.writeString(left, "cut off");
		final String before = Files.getLastModifiedTime(out.resolve("image-3.tif")).toString();
		assertEquals(Main.OK, run(spark, printed, "denoise", "--model", denoise.toString(), "--input", in.toString(),
			"--output", out.toString(), "--tile", "32"), printed[0]);
		assertTrue(printed[0].contains("8 image(s), 1 written, 7 complete already, 0 refused"), printed[0]);
		assertFalse(Files.exists(left), "the part file of the killed job is removed");
		assertEquals(before, Files.getLastModifiedTime(out.resolve("image-3.tif")).toString(), "complete results stay");
		SingleMachine.assertSame(SingleMachine.result(Variant.DENOISE, denoise, in.resolve("image-4.tif"), options), lost);
	}

	@Test
	void upscalesGreyAndColourImagesAsOneMachineDoes() throws Exception {
		final Path in = TestData.images(dir.resolve("small"), 2, 32);
		TestData.rgb(in.resolve("colour.png"), 32);
		final Path out = dir.resolve("upscaled");
		final String[] printed = new String[1];
		assertEquals(Main.OK, run(spark, printed, "upscale", "--model", upscale.toString(), "--input", in.toString(),
			"--output", out.toUri().toString(), "--factor", "2"), printed[0]);
		for (final Path f : TestData.files(in)) {
			final ImagePlus expected = SingleMachine.result(Variant.UPSCALE, upscale, f, PredictOptions.defaults());
			SingleMachine.assertSame(expected, out.resolve(OutputFolder.tiffName(f)));
		}
		assertEquals(64, IJ.openImage(out.resolve("colour.tif").toString()).getWidth());
		assertEquals(24, IJ.openImage(out.resolve("colour.tif").toString()).getBitDepth(), "colour stays colour");
		assertEquals(0.125, IJ.openImage(out.resolve("image-0.tif").toString()).getCalibration().pixelWidth, 1e-9,
			"the pixel size divided by the factor");
	}

	@Test
	void anImageThatCannotBeProcessedIsNamedAndTheOthersAreDone() throws Exception {
		final Path in = TestData.images(dir.resolve("mixed"), 2, 32);
		new FileSaver(IJ.createImage("tiny", "32-bit ramp", 1, 1, 1)).saveAsTiff(in.resolve("tiny.tif").toString());
		Files.writeString(in.resolve("broken.tif"), "not a TIFF");
		final Path out = dir.resolve("mixed-out");
		final String[] printed = new String[1];
		assertEquals(Main.BAD_INPUT, run(spark, printed, "denoise", "--model", denoise.toString(), "--input", in
			.toString(), "--output", out.toString()), printed[0]);
		assertTrue(printed[0].contains("tiny.tif refused: ") && printed[0].contains("1x1 pixels"), printed[0]);
		assertTrue(printed[0].contains("broken.tif refused: Cannot read file:" + in.resolve("broken.tif")),
			"the input is named, not its local copy: " + printed[0]);
		assertTrue(printed[0].contains("4 image(s), 2 written, 0 complete already, 2 refused"), printed[0]);
		assertEquals(List.of("image-0.tif", "image-1.tif"), TestData.files(out).stream().map(p -> p.getFileName()
			.toString()).toList());
	}
}
