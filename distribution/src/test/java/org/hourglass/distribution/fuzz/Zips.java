package org.hourglass.distribution.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Zip files as bytes: their entries, where each lies in the file, and new zips written from entries as given. */
final class Zips {

	/** Where an entry lies in a zip file: its local header, its data, its data's end. */
	record Span(String name, int header, int data, int end, boolean stored) {}

	/** The time of every entry written. */
	private static final java.time.LocalDateTime TIME = java.time.LocalDateTime.of(2026, 1, 1, 0, 0);

	private Zips() {}

	/** The entries of a zip, in order (names as given; a repeated name keeps its last content). */
	static Map<String, byte[]> entries(final byte[] zip) throws IOException {
		final Map<String, byte[]> out = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry e; (e = in.getNextEntry()) != null;) out.put(e.getName(), in.readAllBytes());
		}
		return out;
	}

	/**
	 * A zip of {@code entries} in order: arrays ({@code .f32}) stored, the rest deflated, as Hourglass writes them.
	 * Nothing is checked, no checksum added.
	 */
	static byte[] write(final Map<String, byte[]> entries) throws IOException {
		final List<Map.Entry<String, byte[]>> list = new ArrayList<>(entries.entrySet());
		return write(list);
	}

	/** Like {@link #write(Map)}, for a list that may repeat a name. */
	static byte[] write(final List<Map.Entry<String, byte[]>> entries) throws IOException {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (final Map.Entry<String, byte[]> e : entries) {
				final ZipEntry z = new ZipEntry(e.getKey());
				z.setTimeLocal(TIME); // the same bytes from the same entries
				if (e.getKey().endsWith(".f32")) {
					final CRC32 crc = new CRC32();
					crc.update(e.getValue());
					z.setMethod(ZipEntry.STORED);
					z.setSize(e.getValue().length);
					z.setCompressedSize(e.getValue().length);
					z.setCrc(crc.getValue());
				}
				out.putNextEntry(z);
				out.write(e.getValue());
				out.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	/** Replaces {@code checksums.sha256} with correct lines for every other entry, so damage reaches the later checks. */
	static Map<String, byte[]> rehash(final Map<String, byte[]> entries) {
		final StringBuilder sb = new StringBuilder();
		entries.forEach((name, b) -> {
			if (!name.equals("checksums.sha256")) sb.append(sha256(b)).append("  ").append(name).append('\n');
		});
		entries.remove("checksums.sha256");
		entries.put("checksums.sha256", sb.toString().getBytes(StandardCharsets.UTF_8));
		return entries;
	}

	static String sha256(final byte[] b) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Where each entry lies, read from the central directory; and the directory's own start (last span, name ""). */
	static List<Span> spans(final byte[] zip) {
		int eocd = -1;
		for (int i = zip.length - 22; i >= 0; i--) {
			if (u32(zip, i) == 0x06054b50L) {
				eocd = i;
				break;
			}
		}
		if (eocd < 0) throw new IllegalArgumentException("no end of central directory");
		final int count = u16(zip, eocd + 10);
		final int directory = (int) u32(zip, eocd + 16);
		final List<Span> out = new ArrayList<>();
		int at = directory;
		for (int k = 0; k < count; k++) {
			final int method = u16(zip, at + 10);
			final int compressed = (int) u32(zip, at + 20);
			final int nameLength = u16(zip, at + 28);
			final int extra = u16(zip, at + 30);
			final int comment = u16(zip, at + 32);
			final int local = (int) u32(zip, at + 42);
			final String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
			final int data = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
			out.add(new Span(name, local, data, data + compressed, method == ZipEntry.STORED));
			at += 46 + nameLength + extra + comment;
		}
		out.add(new Span("", directory, directory, eocd, false));
		return out;
	}

	private static int u16(final byte[] b, final int at) {
		return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
	}

	private static long u32(final byte[] b, final int at) {
		return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xffffffffL;
	}
}
