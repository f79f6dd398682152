package org.hourglass.engine.file;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the entries of a model file to a zip stream and remembers their SHA-256 for the checksum
 * list. Arrays are stored uncompressed (float data hardly compresses); text is deflated.
 */
final class ArchiveWriter implements AutoCloseable {

	private static final int CHUNK = 1 << 14; // floats per chunk

	private final ZipOutputStream zip;
	private final FileTime time;
	private final Map<String, String> hashes = new LinkedHashMap<>();
	private final byte[] buffer = new byte[CHUNK * Float.BYTES];

	/** Entries get {@code time} as their modification time, so equal models give equal files. */
	ArchiveWriter(final OutputStream out, final Instant time) {
		zip = new ZipOutputStream(out);
		zip.setLevel(9);
		this.time = FileTime.from(time);
	}

	void putDeflated(final String name, final byte[] bytes) throws IOException {
		final ZipEntry e = entry(name);
		e.setMethod(ZipEntry.DEFLATED);
		zip.putNextEntry(e);
		zip.write(bytes);
		zip.closeEntry();
		final MessageDigest sha = Checksums.sha256();
		hashes.put(name, Checksums.hex(sha.digest(bytes)));
	}

	/** Stores {@code values} as little-endian float32, in chunks (no full byte copy of the array). */
	void putFloats(final String name, final float[] values) throws IOException {
		// a stored entry needs its CRC and size before its data: a first pass computes them (and the hash)
		final CRC32 crc = new CRC32();
		final MessageDigest sha = Checksums.sha256();
		for (int from = 0; from < values.length; from += CHUNK) {
			final int n = encode(values, from);
			crc.update(buffer, 0, n);
			sha.update(buffer, 0, n);
		}
		final ZipEntry e = entry(name);
		e.setMethod(ZipEntry.STORED);
		e.setSize((long) values.length * Float.BYTES);
		e.setCompressedSize(e.getSize());
		e.setCrc(crc.getValue());
		zip.putNextEntry(e);
		for (int from = 0; from < values.length; from += CHUNK) {
			zip.write(buffer, 0, encode(values, from));
		}
		zip.closeEntry();
		hashes.put(name, Checksums.hex(sha.digest()));
	}

	/** Writes the checksum list of all entries so far, then the zip directory. */
	void finish() throws IOException {
		putDeflated(ModelArchive.CHECKSUMS, Checksums.format(hashes));
		zip.finish();
		zip.flush();
	}

	private int encode(final float[] values, final int from) {
		final int count = Math.min(CHUNK, values.length - from);
		Float32.encode(values, from, count, buffer);
		return count * Float.BYTES;
	}

	private ZipEntry entry(final String name) {
		final ZipEntry e = new ZipEntry(name);
		e.setLastModifiedTime(time);
		return e;
	}

	@Override
	public void close() throws IOException {
		zip.close();
	}
}
