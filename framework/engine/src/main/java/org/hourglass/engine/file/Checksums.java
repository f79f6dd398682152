package org.hourglass.engine.file;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code checksums.sha256} entry: one line per entry, {@code <64 hex digits><two spaces><name>}, as
 * {@code sha256sum} writes and checks it ({@code <space>*<name>} is read too).
 */
final class Checksums {

	private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64}) [ *](.+)");

	private Checksums() {}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java platform has SHA-256", e);
		}
	}

	static String hex(final byte[] digest) {
		return HexFormat.of().formatHex(digest);
	}

	static byte[] format(final Map<String, String> hashes) {
		final StringBuilder s = new StringBuilder();
		hashes.forEach((name, hash) -> s.append(hash).append("  ").append(name).append('\n'));
		return s.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Entry name to lower-case hex hash, in file order. */
	static Map<String, String> parse(final byte[] bytes) {
		final Map<String, String> out = new LinkedHashMap<>();
		final String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			final String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
			if (line.isEmpty()) continue;
			final Matcher m = LINE.matcher(line);
			if (!m.matches()) {
				throw new BadArchiveException("line " + (i + 1) + " of " + ModelArchive.CHECKSUMS +
					" is not '<64 hex digits>  <entry name>': " + abbreviate(line));
			}
			if (out.put(m.group(2), m.group(1).toLowerCase()) != null) {
				throw new BadArchiveException(ModelArchive.CHECKSUMS + " lists " + m.group(2) + " twice");
			}
		}
		return out;
	}

	private static String abbreviate(final String s) {
		return s.length() > 80 ? s.substring(0, 80) + "…" : s;
	}
}
