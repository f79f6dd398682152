package org.hourglass.engine.file;

import static org.hourglass.engine.file.ModelArchive.METADATA;
import static org.hourglass.engine.file.ModelArchive.TEST_INPUT;
import static org.hourglass.engine.file.ModelArchive.TEST_OUTPUT;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.ModelFileException;
import org.hourglass.api.image.Plane;
import org.hourglass.api.io.AtomicFiles;

/** Writes a model file atomically: a hidden part file next to the target, synced, then moved over it. */
final class ModelFileWriter {

	private static final Logger LOG = LogManager.getLogger();

	private static final Instant DOS_EPOCH = Instant.parse("1980-01-01T00:00:00Z");

	private ModelFileWriter() {}

	/** See {@link ModelArchive#write(Path, ArchiveContents)}; the byte stream passes through {@code wrap}. */
	static void write(final Path file, final ArchiveContents contents, final UnaryOperator<OutputStream> wrap) {
		final Map<String, StoredArray> weights = checkContents(contents);
		final Path folder = file.toAbsolutePath().getParent();
		if (folder == null || !Files.isDirectory(folder)) {
			throw new ModelFileException("Cannot write model file " + file + ": folder " + folder + " does not exist");
		}
		if (Files.isDirectory(file)) {
			throw new ModelFileException("Cannot write model file " + file + ": it is a folder");
		}
		try {
			AtomicFiles.write(file, true, tmp -> {
				try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
					final OutputStream out = wrap.apply(new BufferedOutputStream(Channels.newOutputStream(channel), 1 <<
						16));
					try (ArchiveWriter zip = new ArchiveWriter(out, contents.info().created() == null ? DOS_EPOCH
						: contents.info().created()))
					{
						writeEntries(zip, contents, weights);
						zip.finish();
						channel.force(true);
					}
				}
			});
			LOG.debug("wrote model {} ({} weight arrays)", file, weights.size());
		}
		catch (final AtomicMoveNotSupportedException e) {
			throw new ModelFileException("Cannot write model file " + file + ": its folder does not support atomic " +
				"replacement", e);
		}
		catch (final IOException e) {
			throw new ModelFileException("Cannot write model file " + file + ": " + e, e);
		}
	}

	private static void writeEntries(final ArchiveWriter zip, final ArchiveContents contents,
		final Map<String, StoredArray> weights) throws IOException
	{
		final Map<String, EntryRef> index = new LinkedHashMap<>();
		int i = 0;
		for (final Map.Entry<String, StoredArray> w : weights.entrySet()) {
			index.put(w.getKey(), new EntryRef("weights/" + i++ + ".f32", w.getValue().shape().clone()));
		}
		final EntryRef in = planeRef(TEST_INPUT, contents.testInput());
		final EntryRef out = planeRef(TEST_OUTPUT, contents.testOutput());
		zip.putDeflated(METADATA, ModelJson.write(contents.info(), index, in, out));
		for (final Map.Entry<String, EntryRef> e : index.entrySet()) {
			zip.putFloats(e.getValue().entry(), weights.get(e.getKey()).values());
		}
		zip.putFloats(TEST_INPUT, contents.testInput().data());
		zip.putFloats(TEST_OUTPUT, contents.testOutput().data());
	}

	/** The weights sorted by name, after checking that everything is there and consistent. */
	private static Map<String, StoredArray> checkContents(final ArchiveContents c) {
		if (c == null || c.info() == null || c.weights() == null || c.testInput() == null || c.testOutput() == null) {
			throw new IllegalArgumentException("a model file needs metadata, weights, a test input and its output");
		}
		final Map<String, StoredArray> sorted = new TreeMap<>();
		for (final Map.Entry<String, StoredArray> w : c.weights().entrySet()) {
			final String name = w.getKey();
			final StoredArray a = w.getValue();
			if (name == null || name.isEmpty() || a == null || a.shape() == null || a.values() == null) {
				throw new IllegalArgumentException("weight '" + name + "' has no name, shape or values");
			}
			if (a.elementCount() != a.values().length) {
				throw new IllegalArgumentException("weight '" + name + "' has shape " + Arrays.toString(a.shape()) + " but " + a.values().length +
					" values");
			}
			sorted.put(name, a);
		}
		if (sorted.size() > ArchiveLimits.DEFAULT.maxEntries() - 4) {
			throw new IllegalArgumentException("a model file holds at most " + (ArchiveLimits.DEFAULT.maxEntries() - 4) +
				" weight arrays, got " + sorted.size());
		}
		return sorted;
	}

	private static EntryRef planeRef(final String entry, final Plane p) {
		return new EntryRef(entry, new long[] { p.channels(), p.height(), p.width() });
	}
}
