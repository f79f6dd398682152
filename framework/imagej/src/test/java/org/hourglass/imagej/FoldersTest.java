package org.hourglass.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.hourglass.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;

class FoldersTest {

	@TempDir
	Path dir;

	private Path image(final Path folder, final String name) throws IOException {
		Files.createDirectories(folder);
		final ImagePlus imp = IJ.createImage(name, "8-bit ramp", 6, 5, 1);
		final Path f = folder.resolve(name);
		if (name.endsWith(".png")) new FileSaver(imp).saveAsPng(f.toString());
		else new FileSaver(imp).saveAsTiff(f.toString());
		return f;
	}

	@Test
	void listsOnlyImagesSortedByName() throws IOException {
		final Path in = dir.resolve("in");
		image(in, "b.tif");
		image(in, "a.png");
		Files.writeString(in.resolve("notes.txt"), "x");
		Files.writeString(in.resolve(".hidden.tif"), "x");
		Files.createDirectories(in.resolve("sub.tif"));
		assertEquals(List.of("a.png", "b.tif"), ImageFolder.list(in).stream().map(p -> p.getFileName().toString())
			.toList());
		assertEquals(6, ImageFolder.open(in.resolve("a.png")).getWidth());
	}

	@Test
	void emptyFolderAndMissingFolderAreRefused() throws IOException {
		final Path empty = Files.createDirectories(dir.resolve("empty"));
		Files.writeString(empty.resolve("readme.md"), "x");
		final String m = assertThrows(InvalidInputException.class, () -> ImageFolder.list(empty)).getMessage();
		assertTrue(m.contains("contains no images"), m);
		assertTrue(m.contains("1 other file"), m);
		assertTrue(assertThrows(InvalidInputException.class, () -> ImageFolder.list(dir.resolve("nope")))
			.getMessage().contains("not there"));
	}

	@Test
	void pairsMatchByBaseName() throws IOException {
		final Path noisy = dir.resolve("noisy");
		final Path clean = dir.resolve("clean");
		image(noisy, "x1.tif");
		image(noisy, "x2.tif");
		image(clean, "x2.png");
		image(clean, "x1.tif");
		final List<ImageFolder.FilePair> pairs = ImageFolder.match(noisy, clean);
		assertEquals(2, pairs.size());
		assertEquals("x2.png", pairs.get(1).second().getFileName().toString());
		image(noisy, "x3.tif");
		final String m = assertThrows(InvalidInputException.class, () -> ImageFolder.match(noisy, clean))
			.getMessage();
		assertTrue(m.contains("x3 have no image of the same name in " + clean), m);
	}

	@Test
	void outputFolderIsNeverTheInputAndWritesAtomically() throws IOException {
		final Path in = dir.resolve("in");
		image(in, "a.tif");
		assertThrows(InvalidInputException.class, () -> new OutputFolder(in, List.of(in)));
		assertThrows(InvalidInputException.class, () -> new OutputFolder(in.resolve("..").resolve("in"), List.of(
			in)));
		final Path outDir = dir.resolve("out");
		final OutputFolder out = new OutputFolder(outDir, List.of(in));
		assertFalse(Files.exists(outDir), "created only when writing");
		final ImagePlus stack = IJ.createImage("s", "32-bit ramp", 6, 5, 3);
		final Path written = out.writeTiff(stack, "a.tif");
		try (Stream<Path> files = Files.list(outDir)) {
			assertEquals(List.of(written), files.toList(), "no temporary file left");
		}
		assertEquals(3, IJ.openImage(written.toString()).getStackSize());
		assertThrows(InvalidInputException.class, () -> out.writeTiff(stack, "a.tif"));
		assertThrows(InvalidInputException.class, () -> out.requireFree(List.of("b.tif", "a.tif")));
		assertThrows(InvalidInputException.class, () -> out.requireFree(List.of("c.tif", "c.tif")));
		out.requireFree(List.of("b.tif", "c.tif"));
	}

	@Test
	void anOutputFolderReplacesFilesOnlyWhenAskedTo() throws IOException {
		final Path in = dir.resolve("in");
		image(in, "a.tif");
		final Path outDir = Files.createDirectories(dir.resolve("out"));
		final Path taken = Files.writeString(outDir.resolve("a.tif"), "an older result");
		final InvalidInputException refused = assertThrows(InvalidInputException.class, () -> new OutputFolder(outDir,
			List.of(in)).requireFree(List.of("a.tif")));
		assertTrue(refused.getMessage().contains("overwrite=true"), refused.getMessage());
		assertEquals("an older result", Files.readString(taken));
		final OutputFolder replacing = new OutputFolder(outDir, List.of(in), true);
		replacing.requireFree(List.of("a.tif"));
		assertThrows(InvalidInputException.class, () -> replacing.requireFree(List.of("b.tif", "b.tif")),
			"two results of one name are refused even so");
		replacing.writeTiff(IJ.createImage("s", "32-bit ramp", 6, 5, 1), "a.tif");
		assertEquals(6, IJ.openImage(taken.toString()).getWidth());
		assertThrows(InvalidInputException.class, () -> new OutputFolder(in, List.of(in), true));
	}

	@Test
	void aCutOffTiffIsRefusedRatherThanReadWithZeros() throws IOException {
		final Path in = Files.createDirectories(dir.resolve("cut"));
		final Path a = in.resolve("a.tif");
		new FileSaver(IJ.createImage("a", "32-bit ramp", 64, 64, 1)).saveAsTiff(a.toString());
		final byte[] b = Files.readAllBytes(a);
		Files.write(a, java.util.Arrays.copyOf(b, b.length - 200));
		final InvalidInputException e = assertThrows(InvalidInputException.class, () -> ImageFolder.open(a));
		assertTrue(e.getMessage().startsWith(a + " is cut off: its header declares"), e.getMessage());
	}
}
