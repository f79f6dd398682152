package org.hourglass.engine.file;

import org.hourglass.api.ModelService;

import java.util.Locale;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.ModelEntry;
import org.hourglass.api.ModelFileException;
import org.hourglass.api.ModelInfo;

/**
 * The model registry: folders where model files ({@code <name>.zip}) are found by name, searched in
 * order. A name found in an earlier folder hides the same name in later ones.
 */
public final class ModelFolders {

	private static final Logger LOG = LogManager.getLogger();

	private static final String EXTENSION = ".zip";

	private final List<Path> folders;

	/** Folders searched in the given order; they need not exist. */
	public ModelFolders(final List<Path> folders) {
		this.folders = List.copyOf(new LinkedHashSet<>(folders));
	}

	/**
	 * The standard folders, in search order: those in the system property {@code hourglass.models} (a
	 * path-separator list), the installation's ({@code hourglass.home}/models, or in Fiji
	 * {@code imagej.dir} or {@code ij.dir} + /models/hourglass), then the user's (~/.hourglass/models).
	 */
	public static ModelFolders standard() {
		return standard(System::getProperty);
	}

	static ModelFolders standard(final UnaryOperator<String> properties) {
		final List<Path> out = new ArrayList<>();
		final String extra = properties.apply("hourglass.models");
		if (extra != null) {
			for (final String s : extra.split(File.pathSeparator)) {
				if (!s.isBlank()) out.add(Path.of(s.strip()));
			}
		}
		final String home = properties.apply("hourglass.home");
		final String imagej = properties.apply("imagej.dir") != null ? properties.apply("imagej.dir")
			: properties.apply("ij.dir");
		if (home != null) out.add(Path.of(home, "models"));
		else if (imagej != null) out.add(Path.of(imagej, "models", "hourglass"));
		final String user = properties.apply("user.home");
		if (user != null) out.add(Path.of(user, ".hourglass", "models"));
		return new ModelFolders(out);
	}

	/** The folders searched, in order. */
	public List<Path> folders() {
		return folders;
	}

	/**
	 * The models in the folders, by name (a hidden name once), reading only each file's metadata.
	 * Files that are not readable models are skipped with a warning in the log.
	 *
	 * @param variant only models of this variant; {@code null} = all
	 */
	public List<ModelEntry> models(final String variant) {
		final List<ModelEntry> out = new ArrayList<>();
		final Set<String> seen = new HashSet<>();
		for (final Path folder : folders) {
			for (final Path file : zipFiles(folder)) {
				final String name = nameOf(file);
				if (!seen.add(name)) {
					LOG.debug("model {} is hidden by a model of the same name in an earlier folder", file);
					continue;
				}
				final ModelInfo info;
				try {
					info = ModelArchive.readInfo(file);
				}
				catch (final ModelFileException e) {
					LOG.warn("skipping {}: {}", file, e.getMessage());
					continue;
				}
				if (variant == null || variant.equals(info.spec().variant())) {
					out.add(new ModelEntry(name, info.spec().variant(), file));
				}
			}
		}
		return out;
	}

	/**
	 * A model file: {@code nameOrPath} itself if it is an existing file, otherwise the first
	 * {@code <name>.zip} (or {@code <name>} if it ends with .zip) in the folders.
	 *
	 * @throws ModelFileException listing the folders searched and the models available, if there is none
	 */
	public Path resolve(final String nameOrPath) {
		if (nameOrPath == null || nameOrPath.isBlank()) throw notFound("no model name was given");
		final Path asPath = pathOrNull(nameOrPath);
		if (asPath != null && Files.isRegularFile(asPath)) return asPath;
		if (asPath != null && Files.isDirectory(asPath)) {
			throw new ModelFileException(nameOrPath + " is a folder, not a model file");
		}
		if (nameOrPath.indexOf('/') >= 0 || nameOrPath.indexOf('\\') >= 0 || asPath == null) {
			throw notFound("there is no model file " + nameOrPath);
		}
		final String fileName = nameOrPath.endsWith(EXTENSION) ? nameOrPath : nameOrPath + EXTENSION;
		for (final Path folder : folders) {
			final Path candidate = folder.resolve(fileName);
			if (Files.isRegularFile(candidate)) return candidate;
		}
		throw notFound("there is no model '" + nameOrPath + "'");
	}

	private ModelFileException notFound(final String what) {
		final String searched = folders.stream().map(Path::toString).collect(Collectors.joining(", "));
		final List<ModelEntry> available = models(null);
		final String list = available.isEmpty() ? "none" : available.stream()
			.map(e -> e.name() + " (" + e.variant() + ")").collect(Collectors.joining(", "));
		return new ModelFileException(capitalise(what) + ". Folders searched: " +
			(searched.isEmpty() ? "none" : searched) + ". Models available: " + list + ".");
	}

	// -- Helpers --

	/** The {@code .zip} files directly in {@code folder}, sorted by name; none if it does not exist. */
	private static List<Path> zipFiles(final Path folder) {
		if (!Files.isDirectory(folder)) return List.of();
		final TreeMap<String, Path> sorted = new TreeMap<>();
		try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*" + EXTENSION)) {
			for (final Path p : dir) {
				final String name = p.getFileName().toString();
				if (!name.startsWith(".") && name.length() > EXTENSION.length() && !name.toLowerCase(Locale.ROOT)
					.endsWith(ModelService.CHECKPOINT_SUFFIX) && Files.isRegularFile(p))
				{
					sorted.put(name, p);
				}
			}
		}
		catch (final IOException e) {
			LOG.warn("cannot list models folder {}: {}", folder, e.toString());
		}
		return List.copyOf(sorted.values());
	}

	private static String nameOf(final Path file) {
		final String s = file.getFileName().toString();
		return s.substring(0, s.length() - EXTENSION.length());
	}

	private static Path pathOrNull(final String s) {
		try {
			return Path.of(s);
		}
		catch (final InvalidPathException e) {
			return null;
		}
	}

	private static String capitalise(final String s) {
		return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}
}
