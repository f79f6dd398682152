package org.hourglass.imagej.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hourglass.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Plot;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

class CodesTest {

	@TempDir
	Path dir;

	@Test
	void csvHasAHeaderTheShapeAndOneRowPerImage() throws IOException {
		final Map<String, float[]> g = new LinkedHashMap<>();
		g.put("z_mean", new float[] { 1.5f, -2 });
		g.put("z_log_sigma", new float[] { 0, 0.25f });
		final List<CodeTable.Row> rows = List.of(new CodeTable.Row("a, b.tif", 3, g), CodeTable.Row.of("c", 0,
			new float[] { 1, 2 }));
		final String csv = CodeTable.toCsv(rows.subList(0, 1), new int[] { 2 });
		assertEquals("name,slice,z_mean0,z_mean1,z_log_sigma0,z_log_sigma1\n\"a, b.tif\",3,1.5,-2.0,0.0,0.25\n", csv);
		assertTrue(CodeTable.toCsv(List.of(rows.get(1)), new int[] { 2, 1, 1 }).startsWith("# code shape 2x1x1"));
		final Path file = dir.resolve("codes.csv");
		CodeTable.write(file, rows.subList(0, 1), new int[] { 2 }, false);
		assertEquals(csv, Files.readString(file));
		final InvalidInputException e = assertThrows(InvalidInputException.class, () -> CodeTable.write(file, rows
			.subList(1, 2), null, false));
		assertTrue(e.getMessage().contains("overwrite=true"), e.getMessage());
		assertEquals(csv, Files.readString(file));
		assertEquals(-2, CodeTable.toResults(rows.subList(0, 1)).getValue("z_mean1", 0), 1e-6);
	}

	@Test
	void labelsFromSlicesAndFromAFile() throws IOException {
		final ImageStack s = new ImageStack(4, 4);
		s.addSlice("7", new ByteProcessor(4, 4));
		s.addSlice("2\nmore", new ByteProcessor(4, 4));
		assertEquals(List.of("7", "2"), Labels.fromSliceLabels(new ImagePlus("s", s)));
		s.setSliceLabel(null, 1);
		assertNull(Labels.fromSliceLabels(new ImagePlus("s", s)));
		final Path csv = dir.resolve("labels.csv");
		Files.writeString(csv, "name,label\na.tif,cat\nb,dog\n");
		assertEquals(List.of("dog", "cat"), Labels.fromCsv(csv, List.of("b.png", "a.tif")));
		final InvalidInputException e = assertThrows(InvalidInputException.class, () -> Labels.fromCsv(csv, List.of(
			"a.tif", "c.tif")));
		assertTrue(e.getMessage().contains("1 image(s) have no label (e.g. 'c.tif')") && e.getMessage().contains(
			"not among the images (e.g. 'b')"), e.getMessage());
	}

	@Test
	void mapsAreColouredByLabelInNaturalOrder() {
		assertEquals(List.of("2", "10", "cat"), ScatterPlot.sorted(List.of("cat", "10", "2", "10")));
		final float[][] points = { { 0, 0 }, { 1, 1 }, { 2, 0.5f } };
		final Plot plot = ScatterPlot.plot("map", "z0", "z1", points, List.of("a", "b", "a"));
		final ImagePlus img = plot.getImagePlus();
		assertTrue(count(img.getProcessor(), ScatterPlot.PALETTE[0]) > 0);
		assertTrue(count(img.getProcessor(), ScatterPlot.PALETTE[1]) > 0);
		final ImagePlus thumbs = ScatterPlot.withThumbnails(plot, points, List.of(new ByteProcessor(8, 8),
			new ByteProcessor(8, 8), new ByteProcessor(8, 8)), 12, 10);
		assertEquals(img.getWidth(), thumbs.getWidth());
		final ImagePlus both = ScatterPlot.sideBySide("both", img, thumbs);
		assertEquals(2 * img.getWidth(), both.getWidth());
	}

	private static int count(final ImageProcessor ip, final java.awt.Color c) {
		final ImageProcessor rgb = ip.convertToRGB();
		int n = 0;
		for (int i = 0; i < rgb.getPixelCount(); i++) if ((rgb.get(i) & 0xffffff) == (c.getRGB() & 0xffffff)) n++;
		return n;
	}

	@Test
	void imageSetsOfOneSize() {
		final ImageStack s = new ImageStack(6, 4);
		s.addSlice("a", new ByteProcessor(6, 4));
		s.addSlice("b", new ByteProcessor(6, 4));
		final List<ImageSet.Item> items = new java.util.ArrayList<>(ImageSet.of(new ImagePlus("s.tif", s)));
		assertEquals(2, items.get(1).slice());
		items.add(new ImageSet.Item("big.tif", 0, new org.hourglass.api.image.Plane(8, 8)));
		final InvalidInputException e = assertThrows(InvalidInputException.class, () -> ImageSet.sameSize(items,
			ImageSet.Resize.NONE));
		assertTrue(e.getMessage().contains("must all be 6x4 (the size of 's.tif' (slice 1), the first), but " +
			"'big.tif' is 8x8; choose resize=crop or resize=scale"), e.getMessage());
		assertEquals(6, ImageSet.sameSize(items, ImageSet.Resize.CROP).get(2).plane().width());
		assertEquals(4, ImageSet.sameSize(items, ImageSet.Resize.SCALE).get(2).plane().height());
		final InvalidInputException model = assertThrows(InvalidInputException.class, () -> ImageSet.toSize(items, 5,
			5, ImageSet.Resize.NONE, "the size the model was trained on"));
		assertTrue(model.getMessage().contains("must all be 5x5 (the size the model was trained on), but 's.tif' " +
			"(slice 1) is 6x4"), model.getMessage());
		assertTrue(ImageSet.toSize(items, 5, 3, ImageSet.Resize.SCALE, "5x3").stream().allMatch(it -> it.plane()
			.width() == 5 && it.plane().height() == 3));
		assertThrows(InvalidInputException.class, () -> ImageSet.toSize(items, 7, 3, ImageSet.Resize.CROP, "7x3"),
			"a 6x4 image cannot be cropped to 7x3");
		final org.hourglass.api.image.Plane p = new org.hourglass.api.image.Plane(2, 1, new float[] { 3, 4 });
		final org.hourglass.api.image.Plane padded = ImageSet.pad(p, 4, 3, -1);
		assertEquals(3f, padded.get(1, 1));
		assertEquals(-1f, padded.get(0, 0));
		assertEquals(p, ImageSet.unpad(padded, 2, 1));
	}
}
