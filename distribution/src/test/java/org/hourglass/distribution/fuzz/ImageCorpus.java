package org.hourglass.distribution.fuzz;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.hourglass.distribution.fuzz.FuzzCase.Expect;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ImageProcessor;

/**
 * Damaged and awkward images: of every size from 1x1 up, NaN and infinite values, 8, 16, 32 and 64 bits, RGB, odd
 * stacks and hyperstacks, truncated TIFFs, TIFFs that declare a huge size, and files that are no image. Each runs
 * through {@code denoise} with a good model; those that can only be refused also through {@code denoise-train-n2v},
 * and pairs of unequal shapes through {@code denoise-evaluate}. Seeded.
 */
final class ImageCorpus {

	private final Path model;
	private final SplittableRandom random;
	private final List<FuzzCase> cases = new ArrayList<>();
	private final Map<String, Integer> numbers = new LinkedHashMap<>();

	/** @param model a good denoise model file */
	ImageCorpus(final Path model, final long seed) {
		this.model = model;
		this.random = new SplittableRandom(seed);
	}

	List<FuzzCase> cases() {
		if (!cases.isEmpty()) return cases;
		// awkward but valid: denoised, or refused with a reason
		for (final int[] wh : new int[][] { { 1, 1 }, { 2, 1 }, { 1, 7 }, { 3, 3 }, { 5, 3 }, { 64, 1 }, { 1, 64 }, {
			7, 5 } })
		{
			image("tiny", wh[0] + "x" + wh[1] + " 32-bit", Expect.EITHER, r -> noise(r, wh[0], wh[1], 1, 1, 1, 32));
		}
		for (final int bits : new int[] { 8, 16, 32 }) {
			image("bit-depth", "9x6 " + bits + "-bit", Expect.EITHER, r -> noise(r, 9, 6, 1, 1, 1, bits));
		}
		image("stack", "1x1x20 stack", Expect.EITHER, r -> noise(r, 1, 1, 1, 20, 1, 32));
		image("stack", "4x4 hyperstack, 3 channels x 2 slices x 2 frames", Expect.EITHER, r -> noise(r, 4, 4, 3, 2, 2, 16));
		image("stack", "6x5 time series of 9 frames", Expect.EITHER, r -> noise(r, 6, 5, 1, 1, 9, 8));
		image("rgb", "8x8 RGB", Expect.REFUSE, r -> IJ.createImage("rgb", "RGB ramp", 8, 8, 1));
		image("rgb", "8x8x3 RGB stack", Expect.REFUSE, r -> IJ.createImage("rgb", "RGB ramp", 8, 8, 3));
		for (final float bad : new float[] { Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY }) {
			image("non-finite", "one pixel " + bad, Expect.REFUSE, r -> {
				final ImagePlus imp = noise(r, 12, 9, 1, 1, 1, 32);
				imp.getProcessor().setf(r.nextInt(12), r.nextInt(9), bad);
				return imp;
			});
		}
		image("non-finite", "all NaN", Expect.REFUSE, r -> {
			final ImagePlus imp = noise(r, 6, 6, 1, 1, 1, 32);
			imp.getProcessor().setValue(Double.NaN);
			imp.getProcessor().fill();
			return imp;
		});
		image("non-finite", "NaN in the last slice of a stack", Expect.REFUSE, r -> {
			final ImagePlus imp = noise(r, 6, 6, 1, 4, 1, 32);
			imp.getStack().getProcessor(4).setf(5, 5, Float.NaN);
			return imp;
		});
		file("64-bit", "64-bit float TIFF", Expect.EITHER, r -> tiff64(9, 7, 100));
		file("64-bit", "64-bit float TIFF of values beyond float range", Expect.REFUSE, r -> tiff64(9, 7, 1e300));
		final byte[] tiff = tiffBytes(noise(new SplittableRandom(random.nextLong()), 24, 16, 1, 1, 1, 32));
		for (final int cut : new int[] { 0, 1, 4, 8, 12, 40, tiff.length / 2, tiff.length - 1 }) {
			// its pixels cut off: refused, not read with zeros for what is missing (the last byte may be metadata)
			file("truncated-tiff", "TIFF cut after byte " + cut + " of " + tiff.length, cut < tiff.length - 1 ? Expect.REFUSE
				: Expect.EITHER, r -> java.util.Arrays.copyOf(tiff, cut));
		}
		file("huge-declared", "TIFF declaring 100000x100000 pixels", Expect.REFUSE, r -> tiff32Header(100_000,
			100_000));
		file("huge-declared", "TIFF declaring 2147483647x1 pixels", Expect.REFUSE, r -> tiff32Header(Integer.MAX_VALUE,
			1));
		file("not-an-image", "text named .tif", Expect.REFUSE, r -> "just some text\n".getBytes(StandardCharsets.UTF_8));
		file("not-an-image", "random bytes", Expect.REFUSE, r -> {
			final byte[] b = new byte[2000];
			for (int i = 0; i < b.length; i++) b[i] = (byte) r.nextInt(256);
			return b;
		});
		cases.add(new FuzzCase(id("not-an-image"), "not-an-image", "a folder named bad.tif", Expect.REFUSE, Set.of(2),
			dir -> denoise(dir, Files.createDirectory(dir.resolve("bad.tif")))));
		// training can only refuse these (and must, before any epoch)
		train("constant 64x64, nothing to learn", r -> {
			final ImagePlus imp = IJ.createImage("flat", "32-bit black", 64, 64, 1);
			imp.getProcessor().add(17);
			return imp;
		});
		train("8x8, smaller than a patch", r -> noise(r, 8, 8, 1, 1, 1, 32));
		train("1x1", r -> noise(r, 1, 1, 1, 1, 1, 32));
		train("NaN in 64x64", r -> {
			final ImagePlus imp = noise(r, 64, 64, 1, 1, 1, 32);
			imp.getProcessor().setf(3, 60, Float.NaN);
			return imp;
		});
		train("RGB 64x64", r -> IJ.createImage("rgb", "RGB ramp", 64, 64, 1));
		// comparisons of unequal shapes, and a data range below 0
		evaluate("5x5 against 6x5", r -> noise(r, 5, 5, 1, 1, 1, 32), r -> noise(r, 6, 5, 1, 1, 1, 32), "0", Set.of(1));
		evaluate("2 slices against 3", r -> noise(r, 5, 5, 1, 2, 1, 32), r -> noise(r, 5, 5, 1, 3, 1, 32), "0", Set.of(1));
		evaluate("data range -5", r -> noise(r, 5, 5, 1, 1, 1, 32), r -> noise(r, 5, 5, 1, 1, 1, 32), "-5", Set.of(2));
		return cases;
	}

	// -- Making cases --

	private void image(final String kind, final String what, final Expect expect,
		final Function<SplittableRandom, ImagePlus> image)
	{
		final long seed = random.nextLong();
		cases.add(new FuzzCase(id(kind), kind, what, expect, Set.of(1, 2), dir -> {
			final Path f = dir.resolve("bad.tif");
			Files.write(f, tiffBytes(image.apply(new SplittableRandom(seed))));
			return denoise(dir, f);
		}));
	}

	private void file(final String kind, final String what, final Expect expect,
		final Function<SplittableRandom, byte[]> bytes)
	{
		final long seed = random.nextLong();
		cases.add(new FuzzCase(id(kind), kind, what, expect, Set.of(1, 2), dir -> {
			final Path f = dir.resolve("bad.tif");
			Files.write(f, bytes.apply(new SplittableRandom(seed)));
			return denoise(dir, f);
		}));
	}

	private void train(final String what, final Function<SplittableRandom, ImagePlus> image) {
		final long seed = random.nextLong();
		cases.add(new FuzzCase(id("training"), "training", what, Expect.REFUSE, Set.of(1, 2), dir -> {
			final Path f = dir.resolve("bad.tif");
			Files.write(f, tiffBytes(image.apply(new SplittableRandom(seed))));
			final Path out = dir.resolve("trained.zip");
			final Map<String, String> args = new LinkedHashMap<>();
			args.put("input", f.toString());
			args.put("modelfile", out.toString());
			args.put("patchsize", "16");
			args.put("batchsize", "2");
			args.put("epochs", "1");
			args.put("stepsperepoch", "1");
			args.put("depth", "1");
			args.put("filters", "2");
			return new FuzzCase.Invocation("denoise-train-n2v", args, out, Set.of("bad.tif", "input"));
		}));
	}

	private void evaluate(final String what, final Function<SplittableRandom, ImagePlus> a,
		final Function<SplittableRandom, ImagePlus> b, final String range, final Set<Integer> codes)
	{
		final long seed = random.nextLong();
		cases.add(new FuzzCase(id("evaluate"), "evaluate", what, Expect.REFUSE, codes, dir -> {
			final SplittableRandom r = new SplittableRandom(seed);
			final Path fa = Files.write(dir.resolve("bad.tif"), tiffBytes(a.apply(r)));
			final Path fb = Files.write(dir.resolve("truth.tif"), tiffBytes(b.apply(r)));
			return new FuzzCase.Invocation("denoise-evaluate", Map.of("input", fa.toString(), "groundtruth", fb.toString(),
				"datarange", range), null, Set.of("bad", "truth", "dataRange", "slices", "pixels", "shape"));
		}));
	}

	private FuzzCase.Invocation denoise(final Path dir, final Path image) {
		final Path out = dir.resolve("denoised.tif");
		return new FuzzCase.Invocation("denoise", Map.of("model", model.toString(), "input", image.toString(), "output",
			out.toString()), out, Set.of("bad.tif", "input"));
	}

	private String id(final String kind) {
		return "image-" + kind + "-" + numbers.merge(kind, 1, Integer::sum);
	}

	// -- Images and TIFF bytes --

	private static ImagePlus noise(final SplittableRandom r, final int w, final int h, final int c, final int z,
		final int t, final int bits)
	{
		final ImagePlus imp = IJ.createHyperStack("bad", w, h, c, z, t, bits);
		for (int i = 1; i <= imp.getStackSize(); i++) {
			final ImageProcessor ip = imp.getStack().getProcessor(i);
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) ip.putPixelValue(x, y, 40 + 100 * r.nextDouble());
			}
		}
		return imp;
	}

	/** The image as ImageJ saves it, a TIFF (a stack as one multi-page TIFF). */
	static byte[] tiffBytes(final ImagePlus imp) {
		try {
			final Path tmp = Files.createTempFile("fuzz-", ".tif");
			try {
				final FileSaver saver = new FileSaver(imp);
				if (!(imp.getStackSize() > 1 ? saver.saveAsTiffStack(tmp.toString()) : saver.saveAsTiff(tmp.toString()))) {
					throw new IOException("ImageJ could not write " + tmp);
				}
				return Files.readAllBytes(tmp);
			}
			finally {
				Files.deleteIfExists(tmp);
			}
		}
		catch (final IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** A little-endian TIFF of {@code w x h} 64-bit floats, every value {@code value} plus a ramp. */
	static byte[] tiff64(final int w, final int h, final double value) {
		final ByteBuffer data = ByteBuffer.allocate(8 * w * h).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < w * h; i++) data.putDouble(value + i);
		return tiff(w, h, 64, 3, data.array());
	}

	/** A TIFF header that declares {@code w x h} 32-bit floats but holds only a few bytes of pixels. */
	static byte[] tiff32Header(final int w, final int h) {
		return tiff(w, h, 32, 3, new byte[64]);
	}

	private static byte[] tiff(final int w, final int h, final int bits, final int sampleFormat, final byte[] data) {
		final int entries = 10;
		final int ifd = 8;
		final int dataAt = ifd + 2 + entries * 12 + 4;
		final ByteBuffer b = ByteBuffer.allocate(dataAt + data.length).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd);
		b.putShort((short) entries);
		entry(b, 256, 4, w); // width
		entry(b, 257, 4, h); // height
		entry(b, 258, 3, bits); // bits per sample
		entry(b, 259, 3, 1); // no compression
		entry(b, 262, 3, 1); // black is zero
		entry(b, 273, 4, dataAt); // strip offset
		entry(b, 277, 3, 1); // samples per pixel
		entry(b, 278, 4, h); // rows per strip
		entry(b, 279, 4, (int) Math.min(Integer.MAX_VALUE, (long) w * h * bits / 8)); // strip bytes
		entry(b, 339, 3, sampleFormat); // IEEE floating point
		b.putInt(0);
		b.put(data);
		return b.array();
	}

	private static void entry(final ByteBuffer b, final int tag, final int type, final int value) {
		b.putShort((short) tag).putShort((short) type).putInt(1);
		if (type == 3) b.putShort((short) value).putShort((short) 0);
		else b.putInt(value);
	}
}
