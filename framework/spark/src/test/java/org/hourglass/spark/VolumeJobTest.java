package org.hourglass.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.hourglass.api.Model;
import org.hourglass.api.PredictOptions;
import org.hourglass.api.Progress;
import org.hourglass.api.image.Region;
import org.hourglass.spark.zarr.ZarrArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

/**
 * The Spark job on Zarr volumes in {@code local[2,2]} (a failed task is retried once), each written chunk by
 * chunk here as other Zarr writers do, and each result against the single-machine result of the same planes.
 */
class VolumeJobTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	static Path dir;

	private static JavaSparkContext spark;

	@BeforeAll
	static void start() {
		spark = LocalSpark.start("local[2,2]", FailOnce.KEY, dir.resolve("failed-once").toString());
	}

	@AfterAll
	static void stop() {
		if (spark != null) spark.stop();
	}

	@Test
	void denoisesAnOmeZarrVolumeAsOneMachineDoesThroughARetryAndARerunCompletesIt() throws Exception {
		final Path model = TestData.denoiseModel(dir);
		// z, y, x = 3 x 70 x 90 in chunks of 2 x 32 x 40: partial chunks along every dimension
		final short[][] planes = volume(3, 70, 90);
		final Path in = dir.resolve("cells.zarr");
		writeOmeZarr(in, planes, 70, 90, new int[] { 2, 32, 40 });
		final Path out = dir.resolve("denoised.zarr");
		final String[] printed = new String[1];
		assertEquals(Main.OK, FolderJobTest.run(spark, printed, "denoise", "--model", model.toString(), "--input", in
			.toString(), "--output", out.toString(), "--tile", "32"), printed[0]);
		assertTrue(Files.exists(dir.resolve("failed-once")), "a task failed after writing a chunk, and was retried");
		assertTrue(printed[0].contains("2 block(s), 2 written, 0 complete already, 0 refused"), printed[0]);

		final JsonNode array = JSON.readTree(out.resolve("0/.zarray").toFile());
		assertEquals("[3,70,90]", array.get("shape").toString());
		assertEquals("[2,32,40]", array.get("chunks").toString(), "the input's chunking");
		assertEquals("<f4", array.get("dtype").asText());
		assertEquals("zlib", array.get("compressor").get("id").asText());
		final JsonNode multiscales = JSON.readTree(out.resolve(".zattrs").toFile()).get("multiscales").get(0);
		assertEquals("[{\"name\":\"z\",\"type\":\"space\",\"unit\":\"micrometer\"},{\"name\":\"y\",\"type\":\"space\"," +
			"\"unit\":\"micrometer\"},{\"name\":\"x\",\"type\":\"space\",\"unit\":\"micrometer\"}]", multiscales.get("axes")
				.toString());
		assertEquals(1, multiscales.get("datasets").size(), "the full resolution only");
		assertEquals("[2.0,0.25,0.25]", multiscales.get("datasets").get(0).get("coordinateTransformations").get(0).get(
			"scale").toString(), "the pixel size");
		final ImagePlus expected = singleMachine(Variant.DENOISE, model, planes, 70, 90, new PredictOptions(32, 0, 4,
			false));
		assertSameVolume(expected, out.resolve("0"), new int[] { 2, 32, 40 }, ByteOrder.LITTLE_ENDIAN);
		try (var files = Files.walk(out)) {
			assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".part")), "no part file is left");
		}

		// a killed job: a chunk of the second slab missing
		Files.delete(out.resolve("0/1.1.0"));
		assertEquals(Main.OK, FolderJobTest.run(spark, printed, "denoise", "--model", model.toString(), "--input", in
			.toString(), "--output", out.toString(), "--tile", "32"), printed[0]);
		assertTrue(printed[0].contains("2 block(s), 1 written, 1 complete already, 0 refused"), printed[0]);
		assertSameVolume(expected, out.resolve("0"), new int[] { 2, 32, 40 }, ByteOrder.LITTLE_ENDIAN);
	}

	@Test
	void planesSplitIntoBlocksWithAHaloGiveTheSingleMachineResult() throws Exception {
		final Path model = TestData.denoiseModel(dir);
		// blocks of one 32 x 40 chunk: 3 x 3 blocks per slab, each read with the halo its tiles need
		final short[][] planes = volume(3, 70, 90);
		final Path in = dir.resolve("split.zarr");
		writeOmeZarr(in, planes, 70, 90, new int[] { 2, 32, 40 });
		final PredictOptions options = new PredictOptions(16, 0, 4, false);
		final Path out = dir.resolve("split-denoised.zarr");
		final String[] printed = new String[1];
		assertEquals(Main.OK, FolderJobTest.run(spark, printed, "denoise", "--model", model.toString(), "--input", in
			.toString(), "--output", out.toString(), "--tile", "16", "--block", "32"), printed[0]);
		assertTrue(printed[0].contains("18 block(s), 18 written"), printed[0]);
		final ImagePlus expected = singleMachine(Variant.DENOISE, model, planes, 70, 90, options);
		assertSameVolume(expected, out.resolve("0"), new int[] { 2, 32, 40 }, ByteOrder.LITTLE_ENDIAN);

		// a killed job: one chunk of a split plane missing; the rerun normalises its block as its whole plane again
		Files.delete(out.resolve("0/1.1.1"));
		assertEquals(Main.OK, FolderJobTest.run(spark, printed, "denoise", "--model", model.toString(), "--input", in
			.toString(), "--output", out.toString(), "--tile", "16", "--block", "32"), printed[0]);
		assertTrue(printed[0].contains("18 block(s), 1 written, 17 complete already"), printed[0]);
		assertSameVolume(expected, out.resolve("0"), new int[] { 2, 32, 40 }, ByteOrder.LITTLE_ENDIAN);

		// the 8 flips and rotations, whose tiles sit on the grids of the flipped planes
		final Path flipped = dir.resolve("split-augmented.zarr");
		assertEquals(Main.OK, FolderJobTest.run(spark, printed, "denoise", "--model", model.toString(), "--input", in
			.toString(), "--output", flipped.toString(), "--tile", "16", "--block", "32", "--augment"), printed[0]);
		assertSameVolume(singleMachine(Variant.DENOISE, model, planes, 70, 90, options.withAugment(true)), flipped
			.resolve("0"), new int[] { 2, 32, 40 }, ByteOrder.LITTLE_ENDIAN);
	}

	@Test
	void anUpscaledPlaneSplitIntoBlocksGivesTheSingleMachineResult() throws Exception {
		final Path model = TestData.upscaleModel(dir);
		final short[][] planes = volume(1, 60, 75);
		final Path in = dir.resolve("wide");
		Files.createDirectories(in);
		writeArray(in, planes, 60, 75, new int[] { 1, 16, 16 }, null);
		final Path out = dir.resolve("wide-x2");
		final String[] printed = new String[1];
		assertEquals(Main.OK, FolderJobTest.run(spark, printed, "upscale", "--model", model.toString(), "--input", in
			.toString(), "--output", out.toString(), "--tile", "16", "--block", "32"), printed[0]);
		assertTrue(printed[0].contains("6 block(s), 6 written"), printed[0]);
		assertSameVolume(singleMachine(Variant.UPSCALE, model, planes, 60, 75, new PredictOptions(16, 0, 4, false)), out,
			new int[] { 1, 32, 32 }, ByteOrder.LITTLE_ENDIAN);
	}

	@Test
	void theNormalisationStageReadsPlanesInGroupsOfBoundedSize() throws Exception {
		// z, y, x = 5 x 20 x 30 in chunks of 3 x 16 x 16: slabs of 3 and 2 planes
		final short[][] planes = volume(5, 20, 30);
		final Path in = dir.resolve("groups");
		Files.createDirectories(in);
		writeArray(in, planes, 20, 30, new int[] { 3, 16, 16 }, "zlib");
		final FileSystem fs = FileSystem.getLocal(new Configuration());
		final ZarrArray a = ZarrArray.open(fs, new org.apache.hadoop.fs.Path(in.toString()));
		final List<PlaneGroup> groups = PlaneGroup.of(a, 2 * 20 * 30);
		assertEquals("[[0] 0+2, [0] 2+1, [1] 0+2]", groups.stream().map(g -> Arrays.toString(g.slab()) + " " + g
			.first() + "+" + g.count()).toList().toString(), "two planes a group at most, never across slabs");
		final Region whole = Region.whole(30, 20);
		final float[][] all = SlabPixels.read(fs, a, new long[] { 0 }, whole);
		final float[][] last = SlabPixels.read(fs, a, new long[] { 0 }, whole, 2, 1);
		assertArrayEquals(all[2], last[0], "a group's plane is the slab's plane");
		for (int i = 0; i < 20 * 30; i++) assertEquals(planes[2][i] & 0xffff, (int) last[0][i]);
	}

	@Test
	void aSplitPlaneWithNonFiniteValuesRefusesItsSlabAndTheOthersAreDone() throws Exception {
		final Path model = TestData.denoiseModel(dir);
		final Path in = dir.resolve("nan");
		final FileSystem fs = FileSystem.getLocal(new Configuration());
		final ZarrArray a = ZarrArray.of(new org.apache.hadoop.fs.Path(in.toString()), new long[] { 2, 40, 40 },
			new int[] { 1, 16, 16 }, org.hourglass.spark.zarr.ZarrType.FLOAT32, org.hourglass.spark.zarr.ZarrCodec.NONE);
		a.writeMetadata(fs);
		final short[][] planes = volume(2, 48, 48);
		for (int z = 0; z < 2; z++) {
			for (int cy = 0; cy < 3; cy++) {
				for (int cx = 0; cx < 3; cx++) {
					final float[] v = new float[16 * 16];
					for (int i = 0; i < v.length; i++) v[i] = planes[z][(cy * 16 + i / 16) * 48 + cx * 16 + i % 16];
					if (z == 1 && cy == 2 && cx == 2) v[5] = Float.NaN;
					a.writeChunk(fs, new long[] { z, cy, cx }, v, "test");
				}
			}
		}
		final Path out = dir.resolve("nan-denoised");
		final String[] printed = new String[1];
		assertEquals(Main.BAD_INPUT, FolderJobTest.run(spark, printed, "denoise", "--model", model.toString(), "--input",
			in.toString(), "--output", out.toString(), "--tile", "16", "--block", "16"), printed[0]);
		assertTrue(printed[0].contains("block [1] y 0 x 0 refused: the image contains NaN or infinite values"),
			printed[0]);
		assertTrue(printed[0].contains("18 block(s), 9 written, 0 complete already, 9 refused"), printed[0]);
		assertTrue(Files.exists(out.resolve("0.2.2")) && !Files.exists(out.resolve("1.0.0")), "plane 0 done, plane 1 not");
	}

	@Test
	void upscalesABareArrayAsOneMachineDoes() throws Exception {
		final Path model = TestData.upscaleModel(dir);
		final short[][] planes = volume(1, 40, 50);
		final Path in = dir.resolve("plane");
		Files.createDirectories(in);
		writeArray(in, planes, 40, 50, new int[] { 1, 16, 16 }, null);
		final Path out = dir.resolve("plane-x2");
		final String[] printed = new String[1];
		assertEquals(Main.OK, FolderJobTest.run(spark, printed, "upscale", "--model", model.toString(), "--input", in
			.toString(), "--output", out.toString()), printed[0]);
		final JsonNode array = JSON.readTree(out.resolve(".zarray").toFile());
		assertEquals("[1,80,100]", array.get("shape").toString());
		assertEquals("[1,32,32]", array.get("chunks").toString(), "chunks as the input's, each twice as large");
		assertTrue(array.get("compressor").isNull());
		assertSameVolume(singleMachine(Variant.UPSCALE, model, planes, 40, 50, PredictOptions.defaults()), out,
			new int[] { 1, 32, 32 }, ByteOrder.LITTLE_ENDIAN);
	}

	@Test
	void whatCannotBeReadIsRefusedBeforeAnyTaskRuns() throws Exception {
		final Path model = TestData.denoiseModel(dir);
		final Path blosc = dir.resolve("blosc.zarr");
		Files.createDirectories(blosc);
		Files.writeString(blosc.resolve(".zarray"), "{\"zarr_format\":2,\"shape\":[8,8],\"chunks\":[8,8]," +
			"\"dtype\":\"<u2\",\"compressor\":{\"id\":\"blosc\",\"cname\":\"lz4\"},\"fill_value\":0,\"order\":\"C\"," +
			"\"filters\":null}");
		final String[] printed = new String[1];
		final Path out = dir.resolve("never");
		assertEquals(Main.BAD_INPUT, FolderJobTest.run(spark, printed, "denoise", "--model", model.toString(),
			"--input", blosc.toString(), "--output", out.toString()), printed[0]);
		assertTrue(printed[0].contains("is compressed with 'blosc'; Hourglass reads zlib, gzip or uncompressed"),
			printed[0]);
		assertFalse(Files.exists(out), "nothing written");

		final Path in = dir.resolve("inside.zarr");
		writeOmeZarr(in, volume(1, 16, 16), 16, 16, new int[] { 1, 16, 16 });
		assertEquals(Main.BAD_INPUT, FolderJobTest.run(spark, printed, "denoise", "--model", model.toString(),
			"--input", in.toString(), "--output", in.resolve("out").toString()), printed[0]);
		assertTrue(printed[0].contains("is inside the input"), printed[0]);

		final Path other = dir.resolve("other");
		Files.createDirectories(other);
		Files.writeString(other.resolve("notes.txt"), "keep me");
		assertEquals(Main.BAD_INPUT, FolderJobTest.run(spark, printed, "denoise", "--model", model.toString(),
			"--input", in.toString(), "--output", other.toString()), printed[0]);
		assertTrue(printed[0].contains("exists and holds other files"), printed[0]);
		assertEquals("keep me", Files.readString(other.resolve("notes.txt")));
	}

	/** Smooth shapes with noise, 16-bit. */
	private static short[][] volume(final int depth, final int height, final int width) {
		final Random random = new Random(11);
		final short[][] v = new short[depth][height * width];
		for (int z = 0; z < depth; z++) {
			for (int y = 0; y < height; y++) {
				for (int x = 0; x < width; x++) {
					final double r = Math.hypot(x - width * 0.4 - 3 * z, y - height * 0.6);
					v[z][y * width + x] = (short) (500 + 3000 * Math.exp(-r * r / 200.0) + 60 * random.nextGaussian());
				}
			}
		}
		return v;
	}

	private static void writeOmeZarr(final Path root, final short[][] planes, final int height, final int width,
		final int[] chunks) throws Exception
	{
		Files.createDirectories(root.resolve("0"));
		Files.writeString(root.resolve(".zgroup"), "{\"zarr_format\":2}");
		Files.writeString(root.resolve(".zattrs"), "{\"multiscales\":[{\"version\":\"0.4\",\"name\":\"cells\"," +
			"\"axes\":[{\"name\":\"z\",\"type\":\"space\",\"unit\":\"micrometer\"},{\"name\":\"y\",\"type\":\"space\"," +
			"\"unit\":\"micrometer\"},{\"name\":\"x\",\"type\":\"space\",\"unit\":\"micrometer\"}],\"datasets\":[" +
			"{\"path\":\"0\",\"coordinateTransformations\":[{\"type\":\"scale\",\"scale\":[2.0,0.25,0.25]}]}," +
			"{\"path\":\"1\",\"coordinateTransformations\":[{\"type\":\"scale\",\"scale\":[2.0,0.5,0.5]}]}]}]}");
		writeArray(root.resolve("0"), planes, height, width, chunks, "zlib");
	}

	/** A z, y, x array of little-endian 16-bit values in C order, full-size chunks, as Zarr v2 stores them. */
	private static void writeArray(final Path folder, final short[][] planes, final int height, final int width,
		final int[] chunks, final String compressor) throws Exception
	{
		Files.writeString(folder.resolve(".zarray"), "{\"zarr_format\":2,\"shape\":[" + planes.length + "," + height +
			"," + width + "],\"chunks\":[" + chunks[0] + "," + chunks[1] + "," + chunks[2] + "],\"dtype\":\"<u2\"," +
			"\"compressor\":" + (compressor == null ? "null" : "{\"id\":\"" + compressor + "\",\"level\":1}") +
			",\"fill_value\":0,\"order\":\"C\",\"filters\":null}", StandardCharsets.UTF_8);
		for (int cz = 0; cz * chunks[0] < planes.length; cz++) {
			for (int cy = 0; cy * chunks[1] < height; cy++) {
				for (int cx = 0; cx * chunks[2] < width; cx++) {
					final ByteBuffer b = ByteBuffer.allocate(chunks[0] * chunks[1] * chunks[2] * 2).order(
						ByteOrder.LITTLE_ENDIAN);
					for (int z = 0; z < chunks[0]; z++) {
						for (int y = 0; y < chunks[1]; y++) {
							for (int x = 0; x < chunks[2]; x++) {
								final int gz = cz * chunks[0] + z, gy = cy * chunks[1] + y, gx = cx * chunks[2] + x;
								final short v = gz < planes.length && gy < height && gx < width ? planes[gz][gy * width + gx] : 0;
								b.putShort(((z * chunks[1] + y) * chunks[2] + x) * 2, v);
							}
						}
					}
					byte[] bytes = b.array();
					if (compressor != null) {
						final ByteArrayOutputStream z = new ByteArrayOutputStream();
						try (DeflaterOutputStream d = new DeflaterOutputStream(z)) {
							d.write(bytes);
						}
						bytes = z.toByteArray();
					}
					Files.write(folder.resolve(cz + "." + cy + "." + cx), bytes);
				}
			}
		}
	}

	/** The planes through a model loaded on its own, as the single-machine command gives them. */
	private static ImagePlus singleMachine(final Variant variant, final Path model, final short[][] planes,
		final int height, final int width, final PredictOptions options)
	{
		final ImageStack stack = new ImageStack(width, height);
		for (final short[] p : planes) stack.addSlice(new ShortProcessor(width, height, p, null));
		try (Model m = TestData.MODELS.load(model, variant.id)) {
			return variant.application(m, options, false).apply(new ImagePlus("volume", stack), Progress.NONE);
		}
	}

	/** Reads the float chunks of a z, y, x array and compares every value with {@code expected}'s planes. */
	private static void assertSameVolume(final ImagePlus expected, final Path array, final int[] chunks,
		final ByteOrder order) throws Exception
	{
		final int w = expected.getWidth();
		final int h = expected.getHeight();
		double worst = 0;
		final java.util.Map<Path, ByteBuffer> read = new java.util.HashMap<>();
		for (int z = 0; z < expected.getStackSize(); z++) {
			final FloatProcessor e = expected.getStack().getProcessor(z + 1).convertToFloatProcessor();
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					final Path chunk = array.resolve(z / chunks[0] + "." + y / chunks[1] + "." + x / chunks[2]);
					final ByteBuffer b = read.computeIfAbsent(chunk, c -> ByteBuffer.wrap(inflate(c, array)).order(order));
					final float a = b.getFloat((((z % chunks[0]) * chunks[1] + y % chunks[1]) * chunks[2] + x % chunks[2]) * 4);
					worst = Math.max(worst, Math.abs(a - e.getf(x, y)));
				}
			}
		}
		assertTrue(worst <= SingleMachine.TOLERANCE, array + " differs from the single-machine result by " + worst);
	}

	private static byte[] inflate(final Path chunk, final Path array) {
		try {
			final byte[] stored = Files.readAllBytes(chunk);
			if (JSON.readTree(array.resolve(".zarray").toFile()).get("compressor").isNull()) return stored;
			try (var in = new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(stored))) {
				return in.readAllBytes();
			}
		}
		catch (final java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
