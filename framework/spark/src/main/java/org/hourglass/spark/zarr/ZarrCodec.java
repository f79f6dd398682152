package org.hourglass.spark.zarr;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

import org.hourglass.api.InvalidInputException;

/**
 * A Zarr v2 chunk compressor: none, {@code zlib} or {@code gzip} (the JDK's). Blosc, the default of many Zarr
 * writers, needs a native library and is refused with a message that says how to rewrite the array.
 *
 * @param id {@code null} for none, else {@code zlib} or {@code gzip}
 * @param level the compression level written, 1 to 9
 */
public record ZarrCodec(String id, int level) implements Serializable {

	public static final ZarrCodec NONE = new ZarrCodec(null, 0);

	/**
	 * @throws InvalidInputException for a compressor Hourglass does not read
	 */
	public static ZarrCodec of(final String id, final int level, final String array) {
		if (id == null) return NONE;
		if (id.equals("zlib") || id.equals("gzip")) return new ZarrCodec(id, Math.max(1, Math.min(9, level)));
		throw new InvalidInputException("The Zarr array " + array + " is compressed with '" + id + "'; Hourglass reads " +
			"zlib, gzip or uncompressed chunks. Rewrite the array with one of those (e.g. in Python: zarr.copy_store " +
			"with compressor=numcodecs.Zlib()), or export its planes as TIFF files into a folder.");
	}

	byte[] decompress(final byte[] stored) throws IOException {
		if (id == null) return stored;
		try (InputStream in = id.equals("gzip") ? new GZIPInputStream(new ByteArrayInputStream(stored))
			: new InflaterInputStream(new ByteArrayInputStream(stored)))
		{
			return in.readAllBytes();
		}
	}

	byte[] compress(final byte[] raw) throws IOException {
		if (id == null) return raw;
		final ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
		if (id.equals("gzip")) {
			try (GZIPOutputStream z = new GZIPOutputStream(out) {

				{
					def.setLevel(level);
				}
			}) {
				z.write(raw);
			}
		}
		else {
			final Deflater deflater = new Deflater(level);
			try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater)) {
				z.write(raw);
			}
			finally {
				deflater.end();
			}
		}
		return out.toByteArray();
	}
}
