package org.hourglass.distribution.build;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a Fiji update site from the drop-in folder: every file under the name Fiji's updater downloads
 * ({@code <path>-<timestamp>}, e.g. {@code jars/hourglass-api-0.1.0.jar-20261201102300}) and the index
 * {@code db.xml.gz} with each file's checksum ({@link UpdaterChecksum}), timestamp, size and, for native jars,
 * platform, so the updater installs only the natives of the platforms it runs on. Files are hard links to the
 * drop-in's where the file system allows it.
 * <p>
 * Arguments: the drop-in folder, the update-site folder (emptied first).
 */
public final class UpdateSite {

	/** The index file of an update site. */
	public static final String INDEX = "db.xml.gz";

	/** The updater's timestamps: local time, to the second. */
	static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	/** Top-level files of the drop-in that are instructions, not part of an installation. */
	private static final List<String> NOT_INSTALLED = List.of("INSTALL.md");

	/** One file of the site. */
	record Entry(String path, String checksum, String timestamp, long size, Optional<String> platform) {}

	private UpdateSite() {}

	public static void main(final String[] args) throws IOException {
		final Path dropIn = Path.of(args[0]);
		final Path site = Path.of(args[1]);
		deleteTree(site);
		Files.createDirectories(site);
		final List<Entry> entries = new ArrayList<>();
		for (final Path file : files(dropIn)) {
			final String path = dropIn.relativize(file).toString().replace('\\', '/');
			final String timestamp = timestamp(Files.getLastModifiedTime(file).toInstant());
			final Entry e = new Entry(path, UpdaterChecksum.of(path, file), timestamp, Files.size(file), platform(path));
			entries.add(e);
			link(file, site.resolve(path + "-" + timestamp));
		}
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(site.resolve(INDEX)));
			Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8))
		{
			w.write(index(entries));
		}
	}

	/** The installation files of the drop-in, in a stable order. */
	static List<Path> files(final Path dropIn) throws IOException {
		try (Stream<Path> s = Files.walk(dropIn)) {
			return s.filter(Files::isRegularFile).filter(p -> !(p.getParent().equals(dropIn) && NOT_INSTALLED.contains(p
				.getFileName().toString()))).sorted().toList();
		}
	}

	/** The updater's platform of a file: the natives in {@code lib/hourglass/<platform>/}; others run everywhere. */
	static Optional<String> platform(final String path) {
		if (path.startsWith("lib/hourglass/linux-x86_64/")) return Optional.of("linux64");
		if (path.startsWith("lib/hourglass/windows-x86_64/")) return Optional.of("win64");
		// Both Mac builds on every Mac: an Apple Silicon Mac can run an Intel JVM (Rosetta) that needs the other
		if (path.startsWith("lib/hourglass/macosx-")) return Optional.of("macosx");
		return Optional.empty();
	}

	static String timestamp(final Instant t) {
		return TIMESTAMP.format(t.atZone(ZoneId.systemDefault()));
	}

	/** The {@code db.xml} of an update site (the updater's format: plugin records without update-site names). */
	static String index(final List<Entry> entries) {
		final StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pluginRecords>\n");
		for (final Entry e : entries) {
			b.append("  <plugin filename=\"").append(xml(e.path())).append("\">\n");
			e.platform().ifPresent(p -> b.append("    <platform>").append(p).append("</platform>\n"));
			b.append("    <version checksum=\"").append(e.checksum()).append("\" timestamp=\"").append(e.timestamp())
				.append("\" filesize=\"").append(e.size()).append("\"/>\n");
			b.append("  </plugin>\n");
		}
		return b.append("</pluginRecords>\n").toString();
	}

	private static String xml(final String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
	}

	private static void link(final Path source, final Path target) throws IOException {
		Files.createDirectories(target.getParent());
		try {
			Files.createLink(target, source);
		}
		catch (final UnsupportedOperationException | FileSystemException e) {
			Files.copy(source, target);
		}
	}

	private static void deleteTree(final Path dir) throws IOException {
		if (!Files.exists(dir)) return;
		try (Stream<Path> s = Files.walk(dir)) {
			s.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.delete(p);
				}
				catch (final IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
	}
}
