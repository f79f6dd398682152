package org.hourglass.engine.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.hourglass.api.ModelInfo;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.ChannelNormalization;
import org.hourglass.api.image.NormalizationParams;
import org.hourglass.api.image.Plane;
import org.hourglass.api.network.Activation;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.api.training.EpochResult;
import org.hourglass.api.training.LossValues;

/** Model contents built by hand, and raw zip surgery for crafting damaged and hostile files. */
final class TestArchives {

	private TestArchives() {}

	// -- Contents --

	/** A trained U-Net model with awkward values: NaN and infinite losses, -0.0, a scalar, an empty array. */
	static ArchiveContents unet(final String variant) {
		final ModelSpec spec = new ModelSpec(variant, 3, NetworkSpec.unet(2, 8, true), Loss.of(LossTerm.Kind.MASKED_MSE),
			Normalization.percentile(2, 99.5), Map.of("pairs", "blind-spot", "patchSize", "64", "note", "ä \"quoted\"\n"));
		final ModelInfo info = new ModelInfo(spec, null,
			List.of(EpochResult.of(1, 0.5, 0.625, 4e-4, 1.25, true),
				new EpochResult(2, new LossValues(Double.NaN, Map.of("reconstruction", Double.NaN)), new LossValues(
					Double.POSITIVE_INFINITY, Map.of("reconstruction", 1.5)), 2e-4, 0.1 + 0.2, false)),
			"noisy.tif (3 slices)", 2.75, Instant.parse("2025-03-01T10:15:30.123456789Z"));
		final Map<String, StoredArray> weights = new LinkedHashMap<>();
		weights.put("enc0/conv0/W", random(1, 3, 3, 1, 8));
		weights.put("enc0/conv0/b", random(2, 8));
		weights.put("dec1/conv1/W", random(3, 3, 3, 16, 8));
		weights.put("scalar", new StoredArray(new long[0], new float[] { -0.0f }));
		weights.put("empty", new StoredArray(new long[] { 0, 4 }, new float[0]));
		weights.put("special", new StoredArray(new long[] { 4 },
			new float[] { Float.NaN, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MAX_VALUE }));
		return new ArchiveContents(info, weights, plane(8, 6, 4), plane(8, 6, 5));
	}

	/** A variational model without training: Gaussian latent, KL weight, fitted mean/std, null fields. */
	static ArchiveContents vae() {
		final NetworkSpec net = NetworkSpec.encoderDecoder(new int[] { 8, 16 }, new int[] { 8 }).withConvolutions(1, 3,
			Activation.LEAKY_RELU).withLatent(Latent.gaussian(16), 32).withOutput(false, Activation.SIGMOID);
		final ModelSpec spec = new ModelSpec("vae", 1, net, Loss.variational(LossTerm.Kind.BCE, 0.5, 0), Normalization.meanStd(), null);
		final ModelInfo info = new ModelInfo(spec, ChannelNormalization.of(new NormalizationParams(-3.5e-7, 1234.5678)),
			List.of(), null, 0, null);
		final Map<String, StoredArray> weights = Map.of("z_mean/W", random(6, 2048, 16));
		return new ArchiveContents(info, weights, plane(32, 32, 7), plane(32, 32, 8));
	}

	/** A dense variational model (no convolutions, hidden dense layers), untrained. */
	static ArchiveContents denseVae() {
		final NetworkSpec net = NetworkSpec.dense(28, Latent.gaussian(2).withHidden(64, 16)).withOutput(false,
			Activation.SIGMOID);
		final ModelSpec spec = new ModelSpec("vae", 1, net, Loss.variational(LossTerm.Kind.BCE, 1, 5), Normalization
			.fixed(0, 255), null);
		final ModelInfo info = new ModelInfo(spec, null, List.of(), null, 0, null);
		return new ArchiveContents(info, Map.of("enc_dense0_W", random(9, 784, 64)), plane(28, 28, 7), plane(28, 28, 8));
	}

	static StoredArray random(final long seed, final long... shape) {
		final Random r = new Random(seed);
		final float[] v = new float[(int) StoredArray.elementCount(shape)];
		for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian();
		return new StoredArray(shape, v);
	}

	static Plane plane(final int w, final int h, final long seed) {
		final Random r = new Random(seed);
		final float[] v = new float[w * h];
		for (int i = 0; i < v.length; i++) v[i] = r.nextFloat();
		return new Plane(w, h, v);
	}

	// -- Zip surgery --

	/** The entries of a zip, in order. */
	static Map<String, byte[]> entries(final Path zip) throws IOException {
		final Map<String, byte[]> out = new LinkedHashMap<>();
		try (ZipFile z = new ZipFile(zip.toFile())) {
			final Enumeration<? extends ZipEntry> all = z.entries();
			while (all.hasMoreElements()) {
				final ZipEntry e = all.nextElement();
				try (InputStream in = z.getInputStream(e)) {
					out.put(e.getName(), in.readAllBytes());
				}
			}
		}
		return out;
	}

	/** Writes the entries as a deflated zip, as given (no checks, no checksums added). */
	static Path write(final Path zip, final Map<String, byte[]> entries) throws IOException {
		try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(os)) {
			for (final Map.Entry<String, byte[]> e : entries.entrySet()) {
				out.putNextEntry(new ZipEntry(e.getKey()));
				out.write(e.getValue());
				out.closeEntry();
			}
		}
		return zip;
	}

	/** Replaces {@code checksums.sha256} by correct hashes of all other entries. */
	static Map<String, byte[]> rehash(final Map<String, byte[]> entries) {
		final StringBuilder s = new StringBuilder();
		entries.forEach((name, bytes) -> {
			if (!name.equals(ModelArchive.CHECKSUMS)) s.append(sha256(bytes)).append("  ").append(name).append('\n');
		});
		entries.put(ModelArchive.CHECKSUMS, s.toString().getBytes(StandardCharsets.UTF_8));
		return entries;
	}

	static String sha256(final byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (final Exception e) {
			throw new AssertionError(e);
		}
	}

	/** The metadata as text. */
	static String json(final Map<String, byte[]> entries) {
		return new String(entries.get(ModelArchive.METADATA), StandardCharsets.UTF_8);
	}

	/** Replaces the metadata with {@code json}. */
	static Map<String, byte[]> withJson(final Map<String, byte[]> entries, final String json) {
		entries.put(ModelArchive.METADATA, json.getBytes(StandardCharsets.UTF_8));
		return entries;
	}

	/** Zeros, which deflate about 1000:1. */
	static byte[] zeros(final int n) {
		return new byte[n];
	}

	/**
	 * Overwrites, in the zip's central directory record of {@code name}, the 4-byte uncompressed size
	 * with {@code size}: the directory then lies about the entry.
	 */
	static void patchDeclaredSize(final Path zip, final String name, final long size) throws IOException {
		final byte[] b = Files.readAllBytes(zip);
		final byte[] n = name.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i + 46 + n.length <= b.length; i++) {
			if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 1 && b[i + 3] == 2 && u16(b, i + 28) == n.length &&
				Arrays.equals(b, i + 46, i + 46 + n.length, n, 0, n.length))
			{
				for (int k = 0; k < 4; k++) b[i + 24 + k] = (byte) (size >>> (8 * k));
				Files.write(zip, b);
				return;
			}
		}
		throw new AssertionError("no central directory record for " + name);
	}

	private static int u16(final byte[] b, final int at) {
		return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
	}
}
