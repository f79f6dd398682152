package org.hourglass.engine.file;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.hourglass.api.ModelFileException;

/**
 * A model file opened for reading, entry by entry, straight from the zip (nothing is extracted). Opening
 * checks the directory: entry count, safe names, no duplicates, declared sizes and compression ratios.
 * Reading an entry streams it through the same limits (the directory may lie), hashing as it goes.
 */
final class ArchiveReader implements AutoCloseable {

	private static final int BUFFER = 1 << 16;

	private final Path file;
	private final ArchiveLimits limits;
	private final ZipFile zip;
	private final long fileLength;
	private final Map<String, ZipEntry> entries = new LinkedHashMap<>();
	private final Map<String, String> hashes = new HashMap<>();
	private long totalRead;

	private ArchiveReader(final Path file, final ArchiveLimits limits, final ZipFile zip, final long fileLength) {
		this.file = file;
		this.limits = limits;
		this.zip = zip;
		this.fileLength = fileLength;
	}

	/** Opens {@code file} and checks its zip directory. */
	static ArchiveReader open(final Path file, final ArchiveLimits limits) {
		if (!Files.exists(file)) throw new ModelFileException("Model file " + file + " does not exist");
		if (!Files.isRegularFile(file)) throw new ModelFileException(file + " is not a model file but a folder");
		final ZipFile zip;
		final long length;
		try {
			length = Files.size(file);
			zip = new ZipFile(file.toFile());
		}
		catch (final ZipException e) {
			throw new ModelFileException(looksLikeZip(file)
				? file + " is damaged: its zip directory cannot be read, the file may be truncated (" + e.getMessage() + ")"
				: file + " is not an Hourglass model: it is not a zip archive", e);
		}
		catch (final IOException e) {
			throw new ModelFileException("Cannot read model file " + file + ": " + e, e);
		}
		final ArchiveReader reader = new ArchiveReader(file, limits, zip, length);
		try {
			reader.checkDirectory();
			return reader;
		}
		catch (final RuntimeException e) {
			reader.close();
			throw e;
		}
	}

	private static boolean looksLikeZip(final Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			final byte[] magic = in.readNBytes(4);
			return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
		}
		catch (final IOException e) {
			return false;
		}
	}

	private void checkDirectory() {
		if (zip.size() > limits.maxEntries()) {
			throw refused("it has " + zip.size() + " entries; a model has at most " + limits.maxEntries());
		}
		long declaredTotal = 0;
		final Enumeration<? extends ZipEntry> all = zip.entries();
		while (all.hasMoreElements()) {
			final ZipEntry e = all.nextElement();
			if (entries.size() == limits.maxEntries()) {
				throw refused("it has more than " + limits.maxEntries() + " entries");
			}
			final String name = e.getName();
			final String unsafe = unsafeNameReason(name);
			if (unsafe != null) throw refused("entry name '" + printable(name) + "' escapes the archive (" + unsafe + ")");
			if (entries.put(name, e) != null) throw refused("entry " + name + " appears twice");
			final long size = e.getSize();
			if (size > limits.maxEntryBytes()) {
				throw refused("entry " + name + " declares " + mib(size) + ", more than the limit of " +
					mib(limits.maxEntryBytes()));
			}
			if (size > 0) {
				declaredTotal += size;
				if (declaredTotal > limits.maxTotalBytes()) {
					throw refused("its entries declare more than the limit of " + mib(limits.maxTotalBytes()) + " in total");
				}
				if (size > limits.ratioFloorBytes() && size > limits.maxRatio() * compressedBound(e)) {
					throw refused("entry " + name + " declares a compression ratio above " + (long) limits.maxRatio() +
						":1 (a zip bomb?)");
				}
			}
		}
	}

	/** Why {@code name} is unsafe to use as a relative path, or {@code null} if it is safe. */
	static String unsafeNameReason(final String name) {
		if (name.isEmpty()) return "it is empty";
		if (name.length() > 512) return "it is longer than 512 characters";
		if (name.indexOf('\\') >= 0) return "it contains a backslash";
		if (name.startsWith("/")) return "it is an absolute path";
		if (name.length() > 1 && name.charAt(1) == ':') return "it starts with a drive letter";
		for (int i = 0; i < name.length(); i++) {
			final char c = name.charAt(i);
			if (c < 0x20 || c == 0x7f) return "it contains a control character";
		}
		final String[] segments = name.split("/", -1);
		for (int i = 0; i < segments.length; i++) {
			if (segments[i].equals("..")) return "it climbs out with '..'";
			if (segments[i].equals(".") || segments[i].isEmpty() && i < segments.length - 1) {
				return "it has an empty or '.' path segment";
			}
		}
		return null;
	}

	// -- Queries --

	Set<String> names() {
		return entries.keySet();
	}

	boolean has(final String name) {
		return entries.containsKey(name);
	}

	/** Bytes the directory declares for an entry. */
	long declaredSize(final String name) {
		return entries.get(name).getSize();
	}

	/** The SHA-256 (lower-case hex) of an entry read before. */
	String hash(final String name) {
		return hashes.get(name);
	}

	// -- Reading --

	/** A small entry (metadata or checksums), at most {@link ArchiveLimits#maxMetadataBytes()}. */
	byte[] readSmall(final String name) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		read(name, Math.min(limits.maxMetadataBytes(), limits.maxEntryBytes()), (buf, len) -> {
			out.write(buf, 0, len);
			return true;
		});
		return out.toByteArray();
	}

	/** An entry of exactly {@code count} little-endian float32 values. */
	float[] readFloats(final String name, final int count) {
		final Float32.Decoder decoder = new Float32.Decoder(count);
		final long bytes = (long) count * Float.BYTES;
		read(name, bytes, decoder::accept);
		if (!decoder.complete()) {
			throw damaged("entry " + name + " is truncated: it should hold " + bytes + " bytes");
		}
		return decoder.values();
	}

	private interface Sink {

		boolean accept(byte[] buf, int len);
	}

	private void read(final String name, final long cap, final Sink sink) {
		final ZipEntry e = entries.get(name);
		if (e == null) throw damaged("entry " + name + " is missing");
		final MessageDigest sha = Checksums.sha256();
		final long bound = compressedBound(e);
		final byte[] buf = new byte[BUFFER];
		long n = 0;
		try (InputStream in = zip.getInputStream(e)) {
			int r;
			while ((r = in.read(buf)) != -1) {
				n += r;
				totalRead += r;
				if (n > limits.maxEntryBytes()) {
					throw refused("entry " + name + " holds more than the limit of " + mib(limits.maxEntryBytes()));
				}
				if (totalRead > limits.maxTotalBytes()) {
					throw refused("its entries hold more than the limit of " + mib(limits.maxTotalBytes()) + " in total");
				}
				if (n > limits.ratioFloorBytes() && n > limits.maxRatio() * bound) {
					throw refused("entry " + name + " expands more than " + (long) limits.maxRatio() +
						" times (a zip bomb?)");
				}
				if (n > cap || !sink.accept(buf, r)) {
					throw damaged("entry " + name + " holds more than the expected " + cap + " bytes");
				}
				sha.update(buf, 0, r);
			}
		}
		catch (final IOException ex) {
			throw damaged("entry " + name + " cannot be read, it is truncated or corrupt (" + ex.getMessage() + ")", ex);
		}
		if (e.getSize() >= 0 && n != e.getSize()) {
			throw damaged("entry " + name + " holds " + n + " bytes but the zip directory says " + e.getSize());
		}
		hashes.put(name, Checksums.hex(sha.digest()));
	}

	/** The most compressed bytes an entry can have: its declared compressed size, at most the file. */
	private long compressedBound(final ZipEntry e) {
		final long c = e.getCompressedSize();
		return Math.max(1, c < 0 ? fileLength : Math.min(c, fileLength));
	}

	// -- Messages --

	ModelFileException refused(final String detail) {
		return new ModelFileException(file + " is refused: " + detail);
	}

	ModelFileException damaged(final String detail) {
		return new ModelFileException(file + " is damaged: " + detail);
	}

	private ModelFileException damaged(final String detail, final Throwable cause) {
		return new ModelFileException(file + " is damaged: " + detail, cause);
	}

	private static String mib(final long bytes) {
		return bytes >= (1L << 20) ? (bytes >> 20) + " MiB" : bytes + " bytes";
	}

	private static String printable(final String s) {
		final StringBuilder b = new StringBuilder();
		for (final char c : s.toCharArray()) {
			if (b.length() >= 80) return b.append('…').toString();
			b.append(c < 0x20 || c == 0x7f ? '?' : c);
		}
		return b.toString();
	}

	@Override
	public void close() {
		try {
			zip.close();
		}
		catch (final IOException e) {
			// nothing was written; a failure to release the file handle changes nothing for the caller
		}
	}
}
