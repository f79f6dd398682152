package org.hourglass.runtime;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One process's scratch folder in the temporary folder, {@code hourglass-run-<pid>-<random>}, for the framework
 * cache and anything else that must not outlive the process: removed on {@link #close()}, by a shutdown hook if
 * the process exits without closing it, and, if the process was killed, by the next workbench to start
 * ({@link #removeStale}).
 * <p>
 * Its owner holds a lock on the folder's {@code .lock} file for as long as it lives; the operating system releases
 * it when the process dies, however it dies. A folder gets its final name only once that lock is held (it is
 * created under a {@code .new} name and renamed), so a folder under the final name whose lock can be taken is
 * stale. Folders of any other name, such as the {@code hourglass-felix-<n>} caches of earlier versions, which
 * name no owner, are never touched.
 */
public final class ScratchFolder implements AutoCloseable {

	private static final Logger LOG = LogManager.getLogger();

	static final String PREFIX = "hourglass-run-";
	private static final String LOCK = ".lock";
	private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "([0-9]{1,19})-([0-9a-z]{1,16})");
	private static final Pattern NEW = Pattern.compile(NAME.pattern() + "\\.new");
	/** A {@code .new} folder is a start that died before it was renamed, if it is older than this. */
	private static final long NEW_MILLIS = TimeUnit.HOURS.toMillis(1);

	private final Path folder;
	private final FileChannel channel;
	private final FileLock lock;
	private final Thread hook;

	private ScratchFolder(final Path folder, final FileChannel channel, final FileLock lock) {
		this.folder = folder;
		this.channel = channel;
		this.lock = lock;
		this.hook = new Thread(this::delete, "hourglass-scratch-cleanup");
	}

	/**
	 * Creates this process's scratch folder in {@code parent} (usually {@code java.io.tmpdir}) and locks it.
	 *
	 * @throws IOException if it cannot be created or locked
	 */
	public static ScratchFolder create(final Path parent) throws IOException {
		final String name = PREFIX + ProcessHandle.current().pid() + "-" + Long.toString(ThreadLocalRandom.current()
			.nextLong() >>> 1, 36);
		final Path fresh = Files.createDirectory(parent.resolve(name + ".new"));
		FileChannel channel = null;
		try {
			channel = FileChannel.open(fresh.resolve(LOCK), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			final FileLock lock = channel.lock();
			final Path folder = Files.move(fresh, parent.resolve(name), StandardCopyOption.ATOMIC_MOVE);
			final ScratchFolder scratch = new ScratchFolder(folder, channel, lock);
			Runtime.getRuntime().addShutdownHook(scratch.hook);
			return scratch;
		}
		catch (final IOException | RuntimeException e) {
			if (channel != null) channel.close();
			deleteTree(fresh);
			throw e;
		}
	}

	/** The folder; it exists until {@link #close()}. */
	public Path path() {
		return folder;
	}

	/**
	 * Removes the scratch folders in {@code parent} whose processes are gone (their lock is free), and {@code .new}
	 * folders of starts that died an hour ago or more.
	 *
	 * @return how many were removed
	 */
	public static int removeStale(final Path parent) {
		int removed = 0;
		try (DirectoryStream<Path> all = Files.newDirectoryStream(parent, PREFIX + "*")) {
			for (final Path p : all) {
				if (!Files.isDirectory(p)) continue;
				final String n = p.getFileName().toString();
				// never open the lock of a folder of this process: closing that file would release its lock
				if (pid(n).equals(Long.toString(ProcessHandle.current().pid()))) continue;
				final boolean stale = NAME.matcher(n).matches() ? unlocked(p) : NEW.matcher(n).matches() && olderThan(p,
					NEW_MILLIS) && unlocked(p);
				if (stale) {
					deleteTree(p);
					if (!Files.exists(p)) {
						removed++;
						LOG.info("Removed {}, left by process {} that ended without cleaning up", p, pid(n));
					}
				}
			}
		}
		catch (final IOException e) {
			LOG.debug("Cannot look for stale scratch folders in {}: {}", parent, e.toString());
		}
		return removed;
	}

	@Override
	public void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (final IllegalStateException e) {
			// the JVM is shutting down: the hook runs anyway
		}
		delete();
	}

	private synchronized void delete() {
		try {
			if (lock.isValid()) lock.release();
			channel.close();
		}
		catch (final IOException e) {
			LOG.debug("Releasing {}: {}", folder, e.toString());
		}
		deleteTree(folder);
	}

	/** True if nobody holds the folder's lock (or it has none): its owner is gone. */
	private static boolean unlocked(final Path folder) {
		final Path lockFile = folder.resolve(LOCK);
		if (!Files.exists(lockFile)) return true;
		try (FileChannel c = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			final FileLock l = c.tryLock();
			if (l == null) return false;
			l.release();
			return true;
		}
		catch (final OverlappingFileLockException e) {
			return false; // this very process holds it
		}
		catch (final IOException e) {
			return false;
		}
	}

	private static boolean olderThan(final Path p, final long millis) {
		try {
			return System.currentTimeMillis() - Files.getLastModifiedTime(p).toMillis() > millis;
		}
		catch (final IOException e) {
			return false;
		}
	}

	private static String pid(final String name) {
		final Matcher m = Pattern.compile("-([0-9]+)-").matcher(name);
		return m.find() ? m.group(1) : "?";
	}

	static void deleteTree(final Path root) {
		if (root == null || !Files.exists(root)) return;
		try (Stream<Path> files = Files.walk(root)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.deleteIfExists(p);
				}
				catch (final IOException e) {
					LOG.debug("Cannot delete {}", p);
				}
			});
		}
		catch (final IOException e) {
			LOG.debug("Cannot delete {}: {}", root, e.toString());
		}
	}
}
