package org.hourglass.api.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden part files that an atomic write fills before moving it into place, and the removal of those that a
 * killed process left behind.
 * <p>
 * A part file of {@code <folder>/<name>} is {@code <folder>/.<name>.<pid>-<host>-<random>.part}: the id of the
 * writing process, 8 hex digits naming its host, and a random number. This name is a contract: the workbench's
 * own writer of command-line outputs ({@code org.hourglass.runtime.command.PartFiles}, which cannot see this
 * bundle) names its part files the same way, so each removes what the other left.
 * <p>
 * A part file is <em>stale</em> when its writer is gone: it was written on this host by a process that is no
 * longer alive, or on another host (a shared network folder) and not modified for a day. Only files named exactly
 * like this are ever removed, so a user's file is never touched.
 */
public final class PartFiles {

	/** {@code .<name>.<pid>-<host>-<random>.part}. */
	private static final Pattern NAME = Pattern.compile("\\.(.+)\\.([0-9]{1,19})-([0-9a-f]{8})-([0-9a-f]{1,16})\\.part");

	/** A part file of another host is stale after this long without a change. */
	private static final long OTHER_HOST_MILLIS = TimeUnit.DAYS.toMillis(1);

	/** A folder is searched for stale part files at most this often by one process. */
	private static final long RESCAN_MILLIS = TimeUnit.MINUTES.toMillis(1);

	private static final Map<Path, Long> SCANNED = new ConcurrentHashMap<>();

	private PartFiles() {}

	/**
	 * Creates a new, empty part file beside {@code target} (whose folder must exist). It has the folder's usual
	 * permissions (unlike {@link Files#createTempFile}, whose owner-only permissions would stay on the result).
	 */
	public static Path create(final Path target) throws IOException {
		final Path file = target.toAbsolutePath();
		final String prefix = "." + file.getFileName() + "." + ProcessHandle.current().pid() + "-" + Host.ID + "-";
		while (true) {
			final Path part = file.resolveSibling(prefix + Long.toHexString(ThreadLocalRandom.current().nextLong() >>>
				1) + ".part");
			try {
				return Files.createFile(part);
			}
			catch (final FileAlreadyExistsException e) {
				// another writer chose the same number: pick another
			}
		}
	}

	/** The name of the file that {@code part} was to become, if {@code part} is named like a part file. */
	public static String targetName(final Path part) {
		final Matcher m = NAME.matcher(part.getFileName().toString());
		return m.matches() ? m.group(1) : null;
	}

	/** True if {@code file} is a part file whose writer is gone (see the class description). */
	public static boolean isStale(final Path file) {
		final Matcher m = NAME.matcher(file.getFileName().toString());
		if (!m.matches()) return false;
		if (m.group(3).equals(Host.ID)) {
			final long pid;
			try {
				pid = Long.parseLong(m.group(2));
			}
			catch (final NumberFormatException e) {
				return false;
			}
			return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
		}
		try {
			return System.currentTimeMillis() - Files.getLastModifiedTime(file).toMillis() > OTHER_HOST_MILLIS;
		}
		catch (final IOException e) {
			return false;
		}
	}

	/**
	 * Removes the stale part files in {@code folder}: those of every target, not only one. A folder is searched at
	 * most once a minute by one process; a folder that cannot be read is left alone.
	 *
	 * @return how many were removed
	 */
	public static int removeStale(final Path folder) {
		final Path dir = folder.toAbsolutePath().normalize();
		final long now = System.currentTimeMillis();
		final Long last = SCANNED.get(dir);
		if (last != null && now - last < RESCAN_MILLIS) return 0;
		SCANNED.put(dir, now);
		int removed = 0;
		try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, ".*.part")) {
			for (final Path p : parts) {
				if (isStale(p) && Files.deleteIfExists(p)) removed++;
			}
		}
		catch (final IOException e) {
			// an unreadable folder: nothing to clean that could be cleaned
		}
		return removed;
	}

	/** This host, as part file names carry it: 8 hex digits of its name. */
	static final class Host {

		static final String ID = String.format("%08x", name().hashCode());

		private static String name() {
			// the kernel's name first: the same for every process, whatever its environment
			for (final String file : new String[] { "/proc/sys/kernel/hostname", "/etc/hostname" }) {
				try {
					final String n = Files.readString(Path.of(file)).trim();
					if (!n.isEmpty()) return n;
				}
				catch (final IOException | RuntimeException e) {
					// not Linux, or not readable: try the next source
				}
			}
			for (final String variable : new String[] { "COMPUTERNAME", "HOSTNAME" }) {
				final String n = System.getenv(variable);
				if (n != null && !n.isBlank()) return n.trim();
			}
			try {
				return java.net.InetAddress.getLocalHost().getHostName();
			}
			catch (final IOException e) {
				return "localhost";
			}
		}
	}
}
