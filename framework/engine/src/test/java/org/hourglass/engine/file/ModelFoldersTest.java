package org.hourglass.engine.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hourglass.api.ModelEntry;
import org.hourglass.api.ModelFileException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding models by name and listing them by variant. */
class ModelFoldersTest {

	@TempDir
	Path dir;

	private Path installed;
	private Path user;
	private ModelFolders folders;

	@BeforeEach
	void populate() throws IOException {
		installed = Files.createDirectories(dir.resolve("install/models"));
		user = Files.createDirectories(dir.resolve("user/models"));
		ModelArchive.write(installed.resolve("nuclei.zip"), TestArchives.unet("denoise"));
		ModelArchive.write(installed.resolve("faces.zip"), TestArchives.vae());
		ModelArchive.write(user.resolve("nuclei.zip"), TestArchives.unet("superres")); // hidden by installed
		ModelArchive.write(user.resolve("mine.zip"), TestArchives.unet("denoise"));
		// a training checkpoint is a valid archive, but not a model to list
		ModelArchive.write(user.resolve("mine.checkpoint.zip"), TestArchives.unet("denoise"));
		Files.writeString(user.resolve("broken.zip"), "not a zip");
		Files.writeString(user.resolve("notes.txt"), "not a model");
		folders = new ModelFolders(List.of(installed, user, dir.resolve("does-not-exist")));
	}

	@Test
	void listsModelsByVariant() {
		assertEquals(List.of(new ModelEntry("nuclei", "denoise", installed.resolve("nuclei.zip")),
			new ModelEntry("mine", "denoise", user.resolve("mine.zip"))), folders.models("denoise"));
		assertEquals(List.of(new ModelEntry("faces", "vae", installed.resolve("faces.zip"))), folders.models("vae"));
		assertEquals(List.of(), folders.models("superres"));
		assertEquals(List.of("faces", "nuclei", "mine"), folders.models(null).stream().map(ModelEntry::name).toList());
	}

	@Test
	void resolvesNamesInFolderOrder() {
		assertEquals(installed.resolve("nuclei.zip"), folders.resolve("nuclei"));
		assertEquals(installed.resolve("nuclei.zip"), folders.resolve("nuclei.zip"));
		assertEquals(user.resolve("mine.zip"), folders.resolve("mine"));
	}

	@Test
	void resolvesExistingPaths() {
		final Path hidden = user.resolve("nuclei.zip");
		assertEquals(hidden, folders.resolve(hidden.toString()));
	}

	@Test
	void unknownNameListsFoldersAndModels() {
		final ModelFileException e = assertThrows(ModelFileException.class, () -> folders.resolve("cells"));
		final String m = e.getMessage();
		assertTrue(m.startsWith("There is no model 'cells'. Folders searched: " + installed + ", " + user + ", "), m);
		assertTrue(m.endsWith("Models available: faces (vae), nuclei (denoise), mine (denoise)."), m);
	}

	@Test
	void missingPathAndFolderAreRefused() {
		final Path missing = dir.resolve("elsewhere/cells.zip");
		final ModelFileException e = assertThrows(ModelFileException.class, () -> folders.resolve(missing.toString()));
		assertTrue(e.getMessage().startsWith("There is no model file " + missing + ". Folders searched: "), e.getMessage());
		final ModelFileException f = assertThrows(ModelFileException.class, () -> folders.resolve(user.toString()));
		assertEquals(user + " is a folder, not a model file", f.getMessage());
		assertThrows(ModelFileException.class, () -> folders.resolve(""));
	}

	@Test
	void emptyRegistrySaysSo() {
		final ModelFolders none = new ModelFolders(List.of(dir.resolve("nothing")));
		final ModelFileException e = assertThrows(ModelFileException.class, () -> none.resolve("cells"));
		assertTrue(e.getMessage().endsWith("Models available: none."), e.getMessage());
	}

	@Test
	void standardFoldersOfTheWorkbench() {
		final Map<String, String> p = Map.of("hourglass.models", "/a" + File.pathSeparator + " /b " + File.pathSeparator,
			"hourglass.home", "/opt/hourglass", "user.home", "/home/me", "ij.dir", "/ignored");
		assertEquals(List.of(Path.of("/a"), Path.of("/b"), Path.of("/opt/hourglass/models"),
			Path.of("/home/me/.hourglass/models")), ModelFolders.standard(p::get).folders());
	}

	@Test
	void standardFoldersInFiji() {
		assertEquals(List.of(Path.of("/fiji/models/hourglass"), Path.of("/home/me/.hourglass/models")),
			ModelFolders.standard(Map.of("imagej.dir", "/fiji", "ij.dir", "/other", "user.home", "/home/me")::get)
				.folders());
		assertEquals(List.of(Path.of("/fiji2/models/hourglass"), Path.of("/home/me/.hourglass/models")),
			ModelFolders.standard(Map.of("ij.dir", "/fiji2", "user.home", "/home/me")::get).folders());
	}

	@Test
	void standardUsesSystemProperties() {
		final List<Path> f = ModelFolders.standard().folders();
		assertEquals(Path.of(System.getProperty("user.home"), ".hourglass", "models"), f.get(f.size() - 1));
	}
}
