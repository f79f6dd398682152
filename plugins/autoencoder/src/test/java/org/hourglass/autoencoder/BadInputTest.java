package org.hourglass.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hourglass.imagej.HourglassCommand;
import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.imagej.testing.CommandRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.Command;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ColorProcessor;

/**
 * Every mistake a user can make with the autoencoder's commands ends in one message that says what was expected
 * and what was found, and nothing is written.
 */
class BadInputTest {

	@TempDir
	static Path dir;

	private static Context context;
	private static Path model;
	private static Path otherVariant;
	private static ImagePlus stack;

	@BeforeAll
	static void setUp() {
		context = new Context();
		stack = Images.blobs("blobs.tif", 14, 14, 10, 2);
		model = dir.resolve("ae.zip");
		final HourglassCommand m = run(TrainAutoencoderCommand.class, CommandsTest.tiny(model, "input", stack, "epochs",
			1));
		assertFalse(m.isCanceled(), m.getCancelReason());
		otherVariant = dir.resolve("denoise.zip");
		final ModelSpec spec = new ModelSpec("denoise", 1, NetworkSpec.unet(1, 4, false), Loss.of(LossTerm.Kind.MSE),
			Normalization.percentile(), Map.of());
		try (Model other = context.service(ModelService.class).create(spec)) {
			other.save(otherVariant);
		}
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	private static HourglassCommand run(final Class<? extends Command> command, final Object... keyValues) {
		return CommandRuns.run(context, command, keyValues);
	}

	/** Runs the command in a fresh folder, checks the refusal and that the folder stays empty. */
	private static void refused(final Class<? extends Command> command, final String folder, final Object[] args,
		final String... parts) throws IOException
	{
		final Path out = Files.createDirectories(dir.resolve(folder));
		final HourglassCommand m = run(command, args);
		CommandsTest.assertRefused(m, parts);
		try (Stream<Path> files = Files.list(out)) {
			assertEquals(List.of(), files.toList(), "nothing written");
		}
	}

	private static Object[] encodeInto(final String folder, final Object... more) {
		final Object[] base = { "model", model.toString(), "csv", dir.resolve(folder).resolve("codes.csv").toFile() };
		final Object[] all = new Object[base.length + more.length];
		System.arraycopy(base, 0, all, 0, base.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}

	@Test
	void imagesOfDifferentSizesWithoutAResizeChoice() throws IOException {
		final Path mixed = Files.createDirectories(dir.resolve("mixed"));
		new FileSaver(Images.blobs("a", 14, 14, 1, 1)).saveAsTiff(mixed.resolve("a.tif").toString());
		new FileSaver(Images.blobs("b", 18, 16, 1, 2)).saveAsTiff(mixed.resolve("b.tif").toString());
		refused(TrainAutoencoderCommand.class, "t1", CommandsTest.tiny(dir.resolve("t1/m.zip"), "inputFolder", mixed
			.toFile()), "must all be 14x14 (the size of 'a.tif', the first), but 'b.tif' is 18x16",
			"resize=crop or resize=scale");
		refused(EncodeCommand.class, "e1", encodeInto("e1", "input", Images.blobs("big", 18, 18, 3, 1)),
			"must all be 14x14 (the size the model was trained on), but 'big' (slice 1) is 18x18",
			"resize=crop or resize=scale");
		final HourglassCommand scaled = run(EncodeCommand.class, "model", model.toString(), "inputFolder", mixed.toFile(),
			"resize", "scale");
		assertFalse(scaled.isCanceled(), scaled.getCancelReason());
		assertEquals(2, scaled.getOutput("images"));
	}

	@Test
	void anRgbImage() throws IOException {
		final ImageStack rgbStack = new ImageStack(14, 14);
		rgbStack.addSlice(new ColorProcessor(14, 14));
		rgbStack.addSlice(new ColorProcessor(14, 14));
		final ImagePlus rgb = new ImagePlus("colour.tif", rgbStack);
		refused(TrainAutoencoderCommand.class, "t2", CommandsTest.tiny(dir.resolve("t2/m.zip"), "input", rgb),
			"Expected a grey-scale image", "'colour.tif' is an RGB colour image");
		refused(EmbeddingMapCommand.class, "e2", encodeInto("e2", "input", rgb), "Expected a grey-scale image");
	}

	@Test
	void anEmptyFolderOrNoImagesAtAll() throws IOException {
		final Path empty = Files.createDirectories(dir.resolve("empty"));
		Files.writeString(empty.resolve("notes.txt"), "not an image");
		refused(TrainAutoencoderCommand.class, "t3", CommandsTest.tiny(dir.resolve("t3/m.zip"), "inputFolder", empty
			.toFile()), "contains no images", "found 1 other file");
		refused(EncodeCommand.class, "e3", encodeInto("e3", "inputFolder", empty.toFile()), "contains no images");
		refused(EncodeCommand.class, "e3", encodeInto("e3"), "No images were given");
		refused(TrainAutoencoderCommand.class, "t3", CommandsTest.tiny(dir.resolve("t3/m.zip"), "input", Images.blobs(
			"one", 14, 14, 1, 1)), "at least 2 images", "only 1 was given");
	}

	@Test
	void aLabelFileThatNamesMissingImagesOrMissesSome() throws IOException {
		final Path labels = dir.resolve("labels.csv");
		final StringBuilder sb = new StringBuilder("name,label\n");
		for (int i = 1; i <= 9; i++) sb.append(i).append(",x\n");
		Files.writeString(labels, sb + "11,x\n12,x\n");
		refused(EmbeddingMapCommand.class, "m1", encodeInto("m1", "input", stack, "labelFile", labels.toFile()),
			"must name every image once", "1 image(s) have no label (e.g. '10')", "2 name(s) are not among the images");
		Files.writeString(labels, "name,label\n1,a\n1,b\n");
		refused(EmbeddingMapCommand.class, "m1", encodeInto("m1", "input", stack, "labelFile", labels.toFile()),
			"names '1' twice");
	}

	@Test
	void aModelOfAnotherVariant() throws IOException {
		refused(EncodeCommand.class, "v1", new Object[] { "model", otherVariant.toString(), "input", stack, "csv", dir
			.resolve("v1/codes.csv").toFile() }, "is a 'denoise' model", "needs a 'autoencoder' model");
		refused(TrainAutoencoderCommand.class, "v2", CommandsTest.tiny(dir.resolve("v2/m.zip"), "input", stack,
			"initialModel", otherVariant.toString()), "is a 'denoise' model");
		refused(NearestImagesCommand.class, "v3", new Object[] { "model", "no-such-model", "query", stack, "input",
			stack }, "no-such-model");
	}

	@Test
	void aCodeSizeOfZeroAndOtherNetworkChoices() throws IOException {
		refused(TrainAutoencoderCommand.class, "c1", CommandsTest.tiny(dir.resolve("c1/m.zip"), "input", stack,
			"codeSize", 0), "code size must be at least 1", "got 0");
		refused(TrainAutoencoderCommand.class, "c2", CommandsTest.tiny(dir.resolve("c2/m.zip"), "input", stack,
			"filters", "8,,8"), "Filters must be whole numbers");
		refused(TrainAutoencoderCommand.class, "c3", CommandsTest.tiny(dir.resolve("c3/m.zip"), "input", Images.blobs(
			"deep", 14, 14, 4, 1, 16), "loss", "bce"), "choose loss=mse");
		refused(TrainAutoencoderCommand.class, "c4", CommandsTest.tiny(dir.resolve("c4/m.zip"), "input", Images.blobs(
			"deep", 14, 14, 4, 1, 16), "normalization", "0-255"), "meant for 8-bit images", "16-bit");
	}

	@Test
	void existingFilesAreNotReplaced() throws IOException {
		final Path taken = Files.createDirectories(dir.resolve("taken"));
		final Path file = taken.resolve("m.zip");
		Files.writeString(file, "someone's file");
		final HourglassCommand m = run(TrainAutoencoderCommand.class, CommandsTest.tiny(file, "input", stack));
		CommandsTest.assertRefused(m, "exists already", "overwrite=true");
		assertEquals("someone's file", Files.readString(file));
		final Path csv = taken.resolve("codes.csv");
		Files.writeString(csv, "keep me");
		CommandsTest.assertRefused(run(ReconstructCommand.class, "model", model.toString(), "input", stack, "csv", csv
			.toFile()), "exists already");
		CommandsTest.assertRefused(run(NearestImagesCommand.class, "model", model.toString(), "query", stack, "input",
			stack, "csv", csv.toFile()), "exists already");
		assertEquals("keep me", Files.readString(csv));
	}

	@Test
	void aQueryOfTheWrongSizeOrSlice() throws IOException {
		refused(NearestImagesCommand.class, "q1", new Object[] { "model", model.toString(), "query", Images.blobs("q",
			20, 20, 1, 1), "input", stack, "csv", dir.resolve("q1/n.csv").toFile() },
			"the size the model was trained on), but 'q' is 20x20");
		refused(NearestImagesCommand.class, "q2", new Object[] { "model", model.toString(), "query", stack,
			"querySlice", 11, "input", stack, "csv", dir.resolve("q2/n.csv").toFile() }, "has 10 slices",
			"no slice 11");
	}
}
