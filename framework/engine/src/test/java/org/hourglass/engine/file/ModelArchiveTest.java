package org.hourglass.engine.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.hourglass.api.ModelFileException;
import org.hourglass.api.ModelInfo;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Plane;
import org.hourglass.api.network.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing and reading model files: round trips, the layout on disk, atomic writes. */
class ModelArchiveTest {

	@TempDir
	Path dir;

	@Test
	void roundTripKeepsEveryField() {
		for (final ArchiveContents original : List.of(TestArchives.unet("denoise"), TestArchives.vae(), TestArchives
			.denseVae()))
		{
			final Path file = dir.resolve(original.info().spec().variant() + original.info().spec().network()
				.isDense() + ".zip");
			ModelArchive.write(file, original);
			final ArchiveContents read = ModelArchive.read(file, original.info().spec().variant());
			assertEquals(original.info(), read.info());
			assertEquals(original.info().spec(), read.info().spec());
			assertEquals(original.info().history(), read.info().history());
			assertEquals(original.weights(), read.weights());
			assertEquals(original.testInput(), read.testInput());
			assertEquals(original.testOutput(), read.testOutput());
			assertEquals(original, read);
		}
	}

	@Test
	void theResidualsUpsamplingIsKeptAndOldFilesReadAsPixelRepetition() throws IOException {
		final ArchiveContents plain = TestArchives.unet("upscale");
		final NetworkSpec bicubic = plain.info().spec().network().withUpscale(2).withResidualUpsampling(
			NetworkSpec.Upsampling.BICUBIC);
		final ModelSpec spec = new ModelSpec("upscale", 1, bicubic, plain.info().spec().loss(), plain.info().spec()
			.normalization(), null);
		final ArchiveContents original = new ArchiveContents(new ModelInfo(spec, null, plain.info().history(), null, 0,
			null), plain.weights(), plain.testInput(), new Plane(16, 12, 1, new float[16 * 12]));
		final Path file = dir.resolve("bicubic.zip");
		ModelArchive.write(file, original);
		assertEquals(NetworkSpec.Upsampling.BICUBIC, ModelArchive.read(file, "upscale").info().spec().network()
			.residualUpsampling());
		final Map<String, byte[]> entries = TestArchives.entries(file);
		final String json = TestArchives.json(entries);
		assertTrue(json.contains("\"residualUpsampling\" : \"BICUBIC\""), json);
		final Path old = TestArchives.write(dir.resolve("old.zip"), TestArchives.rehash(TestArchives.withJson(entries,
			json.replace("\"residualUpsampling\" : \"BICUBIC\",", ""))));
		assertEquals(NetworkSpec.Upsampling.NEAREST, ModelArchive.read(old, "upscale").info().spec().network()
			.residualUpsampling());
	}

	@Test
	void valuesAreBitExact() {
		final ArchiveContents original = TestArchives.unet("denoise");
		final Path file = dir.resolve("m.zip");
		ModelArchive.write(file, original);
		final ArchiveContents read = ModelArchive.read(file, null);
		original.weights().forEach((name, a) -> {
			final float[] back = read.weights().get(name).values();
			for (int i = 0; i < back.length; i++) {
				assertEquals(Float.floatToRawIntBits(a.values()[i]), Float.floatToRawIntBits(back[i]), name + "[" + i + "]");
			}
			assertArrayEquals(a.shape(), read.weights().get(name).shape());
		});
	}

	@Test
	void weightsComeBackSortedByNameAndReadOnly() {
		final Path file = dir.resolve("m.zip");
		ModelArchive.write(file, TestArchives.unet("denoise"));
		final Map<String, StoredArray> weights = ModelArchive.read(file, "denoise").weights();
		final List<String> names = new ArrayList<>(weights.keySet());
		assertEquals(names.stream().sorted().toList(), names);
		assertThrows(UnsupportedOperationException.class, () -> weights.remove("scalar"));
	}

	@Test
	void layoutIsAsDocumented() throws IOException {
		final Path file = dir.resolve("m.zip");
		ModelArchive.write(file, TestArchives.unet("denoise"));
		final Map<String, byte[]> entries = TestArchives.entries(file);
		assertEquals(List.of("hourglass-model.json", "weights/0.f32", "weights/1.f32", "weights/2.f32", "weights/3.f32",
			"weights/4.f32", "weights/5.f32", "test/input.f32", "test/output.f32", "checksums.sha256"),
			new ArrayList<>(entries.keySet()));
		// sorted names: dec1/conv1/W, empty, enc0/conv0/W, enc0/conv0/b, scalar, special
		assertEquals(3 * 3 * 16 * 8 * 4, entries.get("weights/0.f32").length);
		assertEquals(0, entries.get("weights/1.f32").length);
		// little-endian: -0.0f is 0x80000000, stored as 00 00 00 80
		assertArrayEquals(new byte[] { 0, 0, 0, (byte) 0x80 }, entries.get("weights/4.f32"));
		assertEquals(8 * 6 * 4, entries.get("test/input.f32").length);
		final String json = TestArchives.json(entries);
		for (final String field : List.of("\"formatVersion\" : 2", "\"variant\" : \"denoise\"", "\"axes\" : \"CYX\"",
			"\"kind\" : \"MASKED_MSE\",\n      \"reduction\" : \"MEAN\",\n      \"weight\" : 1.0,\n      \"warmupEpochs\" : 0",
			"\"trainingTerms\" : {\n        \"reconstruction\" : \"NaN\"", "\"shape\" : [ 1, 6, 8 ]",
			"\"variantVersion\" : 3", "\"trainingLoss\" : \"NaN\"", "\"validationLoss\" : \"Infinity\"",
			"\"created\" : \"2025-03-01T10:15:30.123456789Z\"", "\"name\" : \"dec1/conv1/W\"", "\"shape\" : [ 3, 3, 16, 8 ]"))
		{
			assertTrue(json.contains(field), field + " in\n" + json);
		}
		// checksums.sha256 is sha256sum's format and covers every other entry
		final List<String> lines = new String(entries.get("checksums.sha256"), StandardCharsets.UTF_8).lines().toList();
		assertEquals(entries.size() - 1, lines.size());
		for (final String line : lines) {
			final String name = line.substring(66);
			assertEquals(TestArchives.sha256(entries.get(name)) + "  " + name, line);
		}
	}

	@Test
	void arraysAreStoredAndMetadataDeflated() throws IOException {
		final Path file = dir.resolve("m.zip");
		ModelArchive.write(file, TestArchives.unet("denoise"));
		try (ZipFile z = new ZipFile(file.toFile())) {
			assertEquals(ZipEntry.STORED, z.getEntry("weights/0.f32").getMethod());
			assertEquals(ZipEntry.DEFLATED, z.getEntry("hourglass-model.json").getMethod());
		}
	}

	@Test
	void equalContentsGiveEqualFiles() throws IOException {
		final Path a = dir.resolve("a.zip");
		final Path b = dir.resolve("b.zip");
		ModelArchive.write(a, TestArchives.unet("denoise"));
		ModelArchive.write(b, TestArchives.unet("denoise"));
		assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
	}

	@Test
	void readInfoReadsOnlyMetadata() throws IOException {
		final Path file = dir.resolve("m.zip");
		final ArchiveContents original = TestArchives.unet("denoise");
		ModelArchive.write(file, original);
		// a damaged weight does not matter for the metadata
		final Map<String, byte[]> entries = TestArchives.entries(file);
		entries.get("weights/0.f32")[0] ^= 1;
		TestArchives.write(file, entries);
		final ModelInfo info = ModelArchive.readInfo(file);
		assertEquals(original.info(), info);
		assertThrows(ModelFileException.class, () -> ModelArchive.read(file, null));
	}

	@Test
	void overwritingReplacesTheFile() {
		final Path file = dir.resolve("m.zip");
		ModelArchive.write(file, TestArchives.unet("denoise"));
		ModelArchive.write(file, TestArchives.vae());
		assertEquals("vae", ModelArchive.read(file, null).info().spec().variant());
		assertEquals(List.of(file), files());
	}

	@Test
	void failedWriteLeavesNoFile() {
		final Path file = dir.resolve("m.zip");
		final ModelFileException e = assertThrows(ModelFileException.class,
			() -> ModelArchive.write(file, TestArchives.unet("denoise"), out -> failingAfter(out, 5000)));
		assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("disk full"), e.getMessage());
		assertEquals(List.of(), files());
	}

	@Test
	void failedWriteKeepsTheExistingFile() throws IOException {
		final Path file = dir.resolve("m.zip");
		ModelArchive.write(file, TestArchives.vae());
		final byte[] before = Files.readAllBytes(file);
		for (final int after : new int[] { 0, 100, 5000 }) {
			assertThrows(ModelFileException.class,
				() -> ModelArchive.write(file, TestArchives.unet("denoise"), out -> failingAfter(out, after)));
			assertArrayEquals(before, Files.readAllBytes(file));
			assertEquals(List.of(file), files());
		}
	}

	@Test
	void invalidContentsAreRefusedBeforeWriting() {
		final Path file = dir.resolve("m.zip");
		final ArchiveContents good = TestArchives.unet("denoise");
		final ArchiveContents badShape = new ArchiveContents(good.info(),
			Map.of("w", new StoredArray(new long[] { 2, 3 }, new float[5])), good.testInput(), good.testOutput());
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> ModelArchive.write(file, badShape));
		assertTrue(e.getMessage().contains("'w' has shape [2, 3] but 5 values"), e.getMessage());
		assertThrows(IllegalArgumentException.class,
			() -> ModelArchive.write(file, new ArchiveContents(good.info(), good.weights(), null, good.testOutput())));
		assertEquals(List.of(), files());
	}

	@Test
	void writingIntoAMissingFolderFails() {
		final Path file = dir.resolve("missing").resolve("m.zip");
		final ModelFileException e = assertThrows(ModelFileException.class,
			() -> ModelArchive.write(file, TestArchives.vae()));
		assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
		assertFalse(Files.exists(file.getParent()));
	}

	// -- Helpers --

	private List<Path> files() {
		try (Stream<Path> s = Files.list(dir)) {
			return s.sorted().toList();
		}
		catch (final IOException e) {
			throw new AssertionError(e);
		}
	}

	/** A stream that fails like a full disk once {@code limit} bytes went through. */
	private static OutputStream failingAfter(final OutputStream out, final long limit) {
		return new FilterOutputStream(out) {

			private long written;

			@Override
			public void write(final int b) throws IOException {
				check(1);
				out.write(b);
			}

			@Override
			public void write(final byte[] b, final int off, final int len) throws IOException {
				check(len);
				out.write(b, off, len);
			}

			private void check(final int n) throws IOException {
				written += n;
				if (written > limit) throw new IOException("disk full");
			}
		};
	}
}
