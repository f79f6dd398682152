package org.hourglass.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.function.Function;
import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.Progress;
import org.hourglass.imagej.ImageFolder;
import org.hourglass.imagej.OutputFolder;

import ij.ImagePlus;

/**
 * One task: one image of the input folder through the model, all its planes, as the single-machine command does
 * ({@link org.hourglass.imagej.variant.ModelApplication}), written as TIFF to the output folder. The image is
 * read into a local working folder, its result written there by {@link OutputFolder}, copied to a part file beside
 * the target and renamed into place: a result is there complete or not at all. A result that is there already is
 * skipped (the rerun of a killed job); an image that cannot be processed is refused with the reason, and the other
 * images go on.
 */
final class ImageTask implements Function<String, TaskResult> {

	private static final long serialVersionUID = 1L;
	private static final Logger LOG = LogManager.getLogger();

	static {
		// ImageJ reads and writes images only: no display
		System.setProperty("java.awt.headless", "true");
	}

	private final TaskShared shared;
	private final String input;
	private final String output;

	/**
	 * @param input the qualified input folder
	 * @param output the qualified output folder, which exists
	 */
	ImageTask(final TaskShared shared, final Path input, final Path output) {
		this.shared = shared;
		this.input = input.toString();
		this.output = output.toString();
	}

	@Override
	public TaskResult call(final String image) throws IOException {
		final long t0 = System.nanoTime();
		final String name = OutputFolder.tiffName(java.nio.file.Path.of(image));
		final Path target = new Path(output, name);
		final FileSystem fs = shared.fileSystem(target);
		if (fs.exists(target)) return new TaskResult(image, TaskResult.Status.SKIPPED, "", 0, millis(t0));
		ExecutorThreads.configure();
		final java.nio.file.Path work = Files.createTempDirectory("hourglass-spark-");
		final Path part = PartFileNames.of(target, shared.application(), TaskShared.attempt());
		final java.nio.file.Path in = work.resolve("in");
		final java.nio.file.Path local = in.resolve(image);
		final Path source = new Path(input, image);
		try (ModelCache.Lease lease = shared.lease()) {
			final Model m = lease.model();
			Files.createDirectory(in);
			try (InputStream s = shared.fileSystem(source).open(source)) {
				Files.copy(s, local);
			}
			final ImagePlus img = ImageFolder.open(local);
			final long pixels = (long) img.getWidth() * img.getHeight() * img.getStackSize();
			final Arguments args = shared.args();
			final ImagePlus result = args.variant().application(m, args.predictOptions(), args.toInputType()).apply(img,
				Progress.NONE);
			final java.nio.file.Path written = new OutputFolder(work.resolve("out"), List.of(in)).writeTiff(result, name);
			try (InputStream r = Files.newInputStream(written); OutputStream o = fs.create(part, true)) {
				r.transferTo(o);
			}
			FailOnce.check(shared.failOnce(), image);
			moveIntoPlace(fs, part, target);
			LOG.info("{} {} -> {} in {} ms", shared.args().variant().command, image, target, millis(t0));
			return new TaskResult(image, TaskResult.Status.WRITTEN, "", pixels, millis(t0));
		}
		catch (final InvalidInputException e) {
			// the message names the input, not its local copy
			final String message = e.getMessage().replace(local.toString(), source.toString());
			LOG.warn("{} refused: {}", image, message);
			return new TaskResult(image, TaskResult.Status.REFUSED, message, 0, millis(t0));
		}
		finally {
			fs.delete(part, false);
			deleteTree(work);
		}
	}

	/**
	 * Renames {@code part} to {@code target}. Another attempt of the same task (a speculative one) may have put its
	 * result, the same result, there first: then this one is dropped.
	 */
	private static void moveIntoPlace(final FileSystem fs, final Path part, final Path target) throws IOException {
		if (fs.rename(part, target)) return;
		if (!fs.exists(target)) throw new IOException("cannot rename " + part + " to " + target);
	}

	private static long millis(final long t0) {
		return (System.nanoTime() - t0) / 1_000_000;
	}

	private static void deleteTree(final java.nio.file.Path dir) throws IOException {
		try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
			for (final java.nio.file.Path f : (Iterable<java.nio.file.Path>) files.sorted(Comparator.reverseOrder())::iterator) {
				Files.deleteIfExists(f);
			}
		}
	}
}
