package org.hourglass.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hourglass.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTrainingTest {

	@TempDir
	Path dir;

	@Test
	void theCheckpointLivesBesideTheModelFile() {
		assertEquals(dir.resolve("cells.checkpoint.zip"), ModelTraining.checkpointFile(dir.resolve("cells.zip")));
		assertEquals(dir.resolve("CELLS.checkpoint.zip"), ModelTraining.checkpointFile(dir.resolve("CELLS.ZIP")));
		assertEquals(dir.resolve("cells.checkpoint.zip"), ModelTraining.checkpointFile(ModelTraining.modelFile(dir
			.resolve("cells").toFile(), false)));
	}

	@Test
	void resumingNeedsACheckpointAndMayReplaceTheInterruptedRunsModel() throws IOException {
		final Path model = dir.resolve("cells.zip");
		Files.writeString(model, "saved by the interrupted run");
		final InvalidInputException none = assertThrows(InvalidInputException.class, () -> ModelTraining.modelFile(
			model.toFile(), false, true));
		assertTrue(none.getMessage().contains("cells.checkpoint.zip"), none.getMessage());
		assertThrows(InvalidInputException.class, () -> ModelTraining.modelFile(model.toFile(), false, false),
			"without resume an existing model file is kept");
		Files.writeString(ModelTraining.checkpointFile(model), "checkpoint");
		assertEquals(model, ModelTraining.modelFile(model.toFile(), false, true));
	}

	@Test
	void aNewRunDoesNotStartOverAnInterruptedRunsCheckpointUnlessAllowed() throws IOException {
		final Path model = dir.resolve("cells.zip");
		Files.writeString(ModelTraining.checkpointFile(model), "checkpoint");
		final InvalidInputException left = assertThrows(InvalidInputException.class, () -> ModelTraining.modelFile(
			model.toFile(), false, false));
		assertTrue(left.getMessage().contains("left its checkpoint"), left.getMessage());
		assertEquals(model, ModelTraining.modelFile(model.toFile(), true, false), "overwriting starts over");
	}

	@Test
	void aModelFileInAFolderThatDoesNotExistIsRefusedBeforeTraining() {
		final InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelTraining.modelFile(dir
			.resolve("no-such-folder").resolve("cells.zip").toFile(), false));
		assertTrue(e.getMessage().contains("does not exist: create it first"), e.getMessage());
	}

	@Test
	void whatAKilledRunLeftHalfWrittenBesideTheModelIsRemovedAtTheNextStart() throws IOException {
		final Path model = dir.resolve("cells.zip");
		final Path alive = org.hourglass.api.io.PartFiles.create(ModelTraining.checkpointFile(model));
		final String host = alive.getFileName().toString().replaceAll(".*\\.[0-9]+-([0-9a-f]{8})-.*", "$1");
		final Path dead = Files.writeString(dir.resolve(".cells.checkpoint.zip.999999999-" + host + "-1.part"), "half");
		final Path users = Files.writeString(dir.resolve("cells.part"), "mine");
		ModelTraining.modelFile(model.toFile(), false);
		assertTrue(!Files.exists(dead) && Files.exists(alive) && Files.exists(users));
	}
}
