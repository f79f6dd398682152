package org.hourglass.benchmark.denoise;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.Plane;
import org.hourglass.imagej.ImageFolder;

/**
 * Real noisy/clean pairs in one folder, named {@code noisy_<field>.<ext>} and {@code clean_<field>.<ext>} (the
 * layout of the widefield pairs), each one grey plane; noisy and clean images need not share an intensity scale.
 *
 * @param fields the field names (the part after the prefix), in file-name order or in the order asked for
 * @param files the files read, noisy and clean, for checking that nothing is written over them
 * @param noisy the noisy planes, one per field
 * @param clean the clean planes, one per field
 */
public record PairsData(List<String> fields, List<Path> files, List<Plane> noisy, List<Plane> clean) {

	public static final String NOISY = "noisy_";
	public static final String CLEAN = "clean_";

	public PairsData {
		fields = List.copyOf(fields);
		files = List.copyOf(files);
		noisy = List.copyOf(noisy);
		clean = List.copyOf(clean);
	}

	/**
	 * Reads the pairs of {@code folder}; with {@code only} not empty, only those fields, in that order.
	 *
	 * @throws InvalidInputException if the folder has no noisy image, a field asked for has no noisy or no clean
	 *           image, or an image is not one grey plane of at least 11×11 pixels the size of its partner
	 */
	public static PairsData load(final Path folder, final List<String> only) {
		final Map<String, Path> noisyByField = new LinkedHashMap<>();
		final Map<String, Path> cleanByField = new LinkedHashMap<>();
		for (final Path f : ImageFolder.list(folder)) {
			final String base = ImageFolder.baseName(f);
			if (base.startsWith(NOISY)) noisyByField.put(base.substring(NOISY.length()), f);
			else if (base.startsWith(CLEAN)) cleanByField.put(base.substring(CLEAN.length()), f);
		}
		if (noisyByField.isEmpty()) {
			throw new InvalidInputException("Folder " + folder + " has no noisy images: expected pairs named " + NOISY +
				"<field>.tif and " + CLEAN + "<field>.tif.");
		}
		final List<String> fields = only.isEmpty() ? List.copyOf(noisyByField.keySet()) : only;
		final List<Path> files = new ArrayList<>();
		final List<Plane> noisy = new ArrayList<>();
		final List<Plane> clean = new ArrayList<>();
		for (final String field : fields) {
			final Path n = noisyByField.get(field);
			final Path c = cleanByField.get(field);
			if (n == null || c == null) {
				throw new InvalidInputException("Field " + field + " has no " + (n == null ? NOISY : CLEAN) + field +
					" image in " + folder + "; fields with both images: " + both(noisyByField, cleanByField) + ".");
			}
			noisy.add(BenchmarkImages.plane(n, false));
			clean.add(BenchmarkImages.plane(c, false));
			requireSameSize(noisy.get(noisy.size() - 1), clean.get(clean.size() - 1), n, c);
			files.add(n);
			files.add(c);
		}
		return new PairsData(fields, files, noisy, clean);
	}

	/**
	 * Each field's result in {@code folder}, named as its noisy image ({@code noisy_<field>.tif}, as
	 * {@code denoise inputfolder=<pairs> outputfolder=<folder>} writes it; {@code .tiff} or {@code .png} also).
	 *
	 * @throws InvalidInputException if the folder is missing, a field's result is missing, or a result is not one
	 *           grey plane of its clean image's size
	 */
	public List<Plane> results(final Path folder) {
		if (!Files.isDirectory(folder)) {
			throw new InvalidInputException("Expected a folder of results, but " + folder + " is " + (Files.exists(
				folder) ? "a file" : "not there") + ".");
		}
		final List<Plane> planes = new ArrayList<>();
		for (int i = 0; i < fields.size(); i++) {
			final Path file = resultFile(folder, NOISY + fields.get(i));
			final Plane p = BenchmarkImages.plane(file, false);
			requireSameSize(p, clean.get(i), file, files.get(2 * i + 1));
			planes.add(p);
		}
		return planes;
	}

	private static Path resultFile(final Path folder, final String base) {
		for (final String ext : List.of(".tif", ".tiff", ".png")) {
			final Path f = folder.resolve(base + ext);
			if (Files.isRegularFile(f)) return f;
		}
		throw new InvalidInputException("No result " + base + ".tif in " + folder + ".");
	}

	private static void requireSameSize(final Plane a, final Plane b, final Path fa, final Path fb) {
		if (a.width() != b.width() || a.height() != b.height()) {
			throw new InvalidInputException(fa.getFileName() + " is " + a.width() + "x" + a.height() + " but " + fb
				.getFileName() + " is " + b.width() + "x" + b.height() + "; they must have the same size.");
		}
	}

	private static String both(final Map<String, Path> a, final Map<String, Path> b) {
		final List<String> both = a.keySet().stream().filter(b::containsKey).toList();
		return both.isEmpty() ? "none" : String.join(", ", both);
	}
}
