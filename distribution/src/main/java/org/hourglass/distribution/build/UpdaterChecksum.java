package org.hourglass.distribution.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The checksum Fiji's updater computes for a file of an installation, so that a file installed from the
 * update site shows as up to date. SHA-1, in lower-case hex:
 * <ul>
 * <li>a {@code .jar}: over its entries sorted by name, each entry's name (ASCII) then its content, where the
 * manifest counts as empty (build tools change it) and {@code .properties} files lose their comment lines
 * (build dates), the way the updater strips them;</li>
 * <li>any other file: over its path in the installation (ASCII, with {@code /}) then its bytes.</li>
 * </ul>
 */
public final class UpdaterChecksum {

	private UpdaterChecksum() {}

	/** The checksum of {@code file}, installed as {@code path} (relative to Fiji.app, e.g. {@code jars/x-1.0.jar}). */
	public static String of(final String path, final Path file) throws IOException {
		final MessageDigest sha1 = sha1();
		if (path.endsWith(".jar")) {
			try (JarFile jar = new JarFile(file.toFile(), false)) {
				final List<JarEntry> entries = Collections.list(jar.entries());
				entries.sort(Comparator.comparing(JarEntry::getName));
				for (final JarEntry e : entries) {
					sha1.update(e.getName().getBytes(StandardCharsets.US_ASCII));
					if (e.getName().equals("META-INF/MANIFEST.MF")) continue;
					try (InputStream in = jar.getInputStream(e)) {
						final byte[] content = in.readAllBytes();
						sha1.update(e.getName().endsWith(".properties") ? withoutComments(content) : content);
					}
				}
			}
		}
		else {
			sha1.update(path.getBytes(StandardCharsets.US_ASCII));
			try (InputStream in = Files.newInputStream(file)) {
				final byte[] buffer = new byte[1 << 16];
				for (int n; (n = in.read(buffer)) >= 0;) sha1.update(buffer, 0, n);
			}
		}
		return HexFormat.of().formatHex(sha1.digest());
	}

	/**
	 * A properties file as the updater reads it: a line that starts with {@code #} where a line is expected to
	 * start becomes an empty line, and the file ends at a comment without a final newline. Where a line is
	 * expected to start follows the updater exactly: after an empty line, or after a comment made of {@code #}
	 * characters only, it is not.
	 */
	static byte[] withoutComments(final byte[] in) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		boolean lineStart = true;
		int i = 0;
		while (i < in.length) {
			final byte c = in[i];
			if (lineStart && c == '#') {
				int end = i;
				boolean onlyHashes = true;
				while (end < in.length && in[end] != '\n') {
					if (in[end] != '#') onlyHashes = false;
					end++;
				}
				if (end == in.length) break;
				out.write('\n');
				lineStart = !onlyHashes;
				i = end + 1;
				continue;
			}
			out.write(c);
			lineStart = !lineStart && c == '\n';
			i++;
		}
		return out.toByteArray();
	}

	private static MessageDigest sha1() {
		try {
			return MessageDigest.getInstance("SHA-1");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
