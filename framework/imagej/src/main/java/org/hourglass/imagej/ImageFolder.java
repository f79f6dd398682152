package org.hourglass.imagej;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.hourglass.api.InvalidInputException;

import ij.IJ;
import ij.ImagePlus;

/** Reading images from folders: which files are images, pairs of images matched by name, opening one. */
public final class ImageFolder {

	/** File name endings read as images, lower case. */
	public static final List<String> EXTENSIONS = List.of(".tif", ".tiff", ".png", ".jpg", ".jpeg");

	private ImageFolder() {}

	/**
	 * The image files directly in {@code folder} (not in sub-folders, not hidden), sorted by name.
	 *
	 * @throws InvalidInputException if {@code folder} is not a folder or has no image
	 */
	public static List<Path> list(final Path folder) {
		if (folder == null || !Files.isDirectory(folder)) {
			throw new InvalidInputException("Expected a folder of images, but " + folder + " is " + (folder != null &&
				Files.exists(folder) ? "a file" : "not there") + ".");
		}
		final List<Path> images = new ArrayList<>();
		int others = 0;
		try (Stream<Path> files = Files.list(folder)) {
			for (final Path f : (Iterable<Path>) files.sorted()::iterator) {
				if (isImage(f)) images.add(f);
				else if (Files.isRegularFile(f)) others++;
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException("cannot list " + folder, e);
		}
		if (images.isEmpty()) {
			throw new InvalidInputException("Folder " + folder + " contains no images (expected files ending in " +
				String.join(", ", EXTENSIONS) + "); found " + (others == 0 ? "no files" : others + " other file" +
					(others == 1 ? "" : "s")) + ".");
		}
		return images;
	}

	/** True for a regular, non-hidden file with an image extension. */
	public static boolean isImage(final Path file) {
		return isImageName(file.getFileName().toString()) && Files.isRegularFile(file);
	}

	/** True for a file name that is not hidden and ends with an image extension (in any case). */
	public static boolean isImageName(final String name) {
		final String lower = name.toLowerCase(Locale.ROOT);
		return !name.startsWith(".") && EXTENSIONS.stream().anyMatch(lower::endsWith);
	}

	/** The file name without its extension. */
	public static String baseName(final Path file) {
		final String name = file.getFileName().toString();
		final int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}

	/**
	 * The images of {@code first} paired with the images of the same base name in {@code second} (so
	 * {@code a.tif} pairs with {@code a.png}), in the order of {@code first}.
	 *
	 * @throws InvalidInputException if a folder has no image, a name occurs twice in one folder, or an image
	 *           of either folder has no partner in the other
	 */
	public static List<FilePair> match(final Path first, final Path second) {
		final Map<String, Path> a = byBaseName(first);
		final Map<String, Path> b = byBaseName(second);
		final List<String> onlyA = a.keySet().stream().filter(k -> !b.containsKey(k)).toList();
		final List<String> onlyB = b.keySet().stream().filter(k -> !a.containsKey(k)).toList();
		if (!onlyA.isEmpty() || !onlyB.isEmpty()) {
			throw new InvalidInputException("Expected the same image names in " + first + " and " + second +
				", but " + unmatched(onlyA, second) + (onlyA.isEmpty() || onlyB.isEmpty() ? "" : "; and ") +
				unmatched(onlyB, first) + ".");
		}
		final List<FilePair> pairs = new ArrayList<>();
		for (final Map.Entry<String, Path> e : a.entrySet()) {
			pairs.add(new FilePair(e.getValue(), b.get(e.getKey())));
		}
		return pairs;
	}

	/**
	 * Opens an image file with ImageJ, without showing it.
	 *
	 * @throws InvalidInputException if ImageJ cannot read it, or it is a TIFF that is cut off or declares more pixels
	 *           than fit in memory
	 */
	public static ImagePlus open(final Path file) {
		final String problem = Files.isRegularFile(file) ? TiffSize.problem(file) : null;
		if (problem != null) throw new InvalidInputException(problem + ".");
		final ImagePlus image;
		try {
			image = Files.isRegularFile(file) ? IJ.openImage(file.toString()) : null;
		}
		catch (final OutOfMemoryError e) {
			throw new InvalidInputException("Cannot read " + file + ": it is too large for the memory available (" + Runtime
				.getRuntime().maxMemory() / (1 << 20) + " MB).");
		}
		if (image == null) {
			throw new InvalidInputException("Cannot read " + file + " as an image (expected a TIFF, PNG or JPEG file).");
		}
		return image;
	}

	// -- Helper methods --

	private static Map<String, Path> byBaseName(final Path folder) {
		final Map<String, Path> map = new LinkedHashMap<>();
		for (final Path f : list(folder)) {
			final Path previous = map.put(baseName(f), f);
			if (previous != null) {
				throw new InvalidInputException("Folder " + folder + " has two images named '" + baseName(f) + "': " +
					previous.getFileName() + " and " + f.getFileName() + "; expected one per name.");
			}
		}
		return map;
	}

	private static String unmatched(final List<String> names, final Path other) {
		if (names.isEmpty()) return "";
		final List<String> shown = names.size() > 5 ? names.subList(0, 5) : names;
		return String.join(", ", shown) + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "") +
			" have no image of the same name in " + other;
	}

	/**
	 * Two image files that belong together.
	 *
	 * @param first the file from the first folder
	 * @param second the file of the same name from the second folder
	 */
	public record FilePair(Path first, Path second) {}
}
