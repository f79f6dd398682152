package org.hourglass.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Processes killed with SIGKILL, which no handler sees: a training mid-epoch and mid-way through writing its
 * checkpoint resumes from the last intact checkpoint; a denoising killed while writing its result leaves nothing
 * under the result's name. What the dead process left (its scratch folder, half-written part files) is removed by
 * the next run, and nothing else.
 */
class KillIT {

	private static Hourglass hg;
	private static Path image;

	@BeforeAll
	static void scratch() throws Exception {
		hg = Hourglass.installed(Installation.scratch("kill"));
		image = TestImages.noisy(hg.scratch.resolve("noisy.tif"), 64, 64, 1, 11);
	}

	private static String[] training(final String model, final int epochs, final String... more) {
		final List<String> a = new java.util.ArrayList<>(List.of("run", "denoise-train-n2v", "input=" + image,
			"modelfile=" + hg.scratch.resolve(model), "patchsize=32", "batchsize=2", "epochs=" + epochs, "stepsperepoch=2",
			"seed=3"));
		a.addAll(List.of(more));
		return a.toArray(String[]::new);
	}

	@Test
	void aTrainingKilledMidEpochResumesFromItsLastCheckpointAndLeavesNothingBehind() throws Exception {
		final Path model = hg.scratch.resolve("mid-epoch.zip");
		final Path checkpoint = hg.scratch.resolve("mid-epoch.checkpoint.zip");
		final Process p = hg.start("mid-epoch", training("mid-epoch.zip", 500, "depth=1", "filters=4"));
		try {
			hg.awaitLog("mid-epoch.zip: epoch 2 training loss", p, 300);
			p.destroyForcibly(); // SIGKILL: no handler runs
			assertTrue(p.waitFor(60, TimeUnit.SECONDS));
		}
		finally {
			p.destroyForcibly();
		}
		assertEquals(137, p.exitValue(), hg.printed("mid-epoch"));
		assertEquals(1, hg.scratchFolders().size(), "the killed process's scratch folder is left behind");
		final List<Double> saved = TestImages.trainingLosses(checkpoint);
		assertTrue(saved.size() >= 2, saved.toString());
		assertFalse(Files.exists(model));

		// the next start removes what the dead process left, and refuses to start over its checkpoint
		final Processes.Result again = hg.run(training("mid-epoch.zip", 3, "depth=1", "filters=4"));
		assertEquals(1, again.exitCode(), again.toString());
		assertTrue(again.err().contains("resume=true") && again.err().contains("overwrite=true"), again.toString());
		assertEquals(List.of(), hg.scratchFolders());

		final Processes.Result resumed = hg.run(training("mid-epoch.zip", saved.size() + 1, "depth=1", "filters=4",
			"resume=true"));
		assertEquals(0, resumed.exitCode(), resumed.toString());
		final List<Double> history = TestImages.trainingLosses(model);
		assertEquals(saved.size() + 1, history.size());
		assertEquals(saved, history.subList(0, saved.size()), "the epochs of the killed run, from its checkpoint");
		assertFalse(Files.exists(checkpoint), "a completed run removes its checkpoint");
		assertEquals(List.of(), partFiles());
	}

	@Test
	void aTrainingKilledWhileWritingItsCheckpointResumesFromThePreviousOne() throws Exception {
		final Path checkpoint = hg.scratch.resolve("mid-write.checkpoint.zip");
		// a wide network: its checkpoint (weights, best weights, optimiser state) takes a while to write and sync
		final String[] net = { "depth=2", "filters=48" };
		Path part = null;
		for (int attempt = 0; attempt < 3 && part == null; attempt++) {
			// after a kill that came too late, the next attempt goes on from the checkpoint
			final String[] args = attempt == 0 ? training("mid-write.zip", 500, net) : training("mid-write.zip", 500,
				"depth=2", "filters=48", "resume=true");
			final Process p = hg.start("mid-write-" + attempt, args);
			try {
				final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
				while (p.isAlive() && System.nanoTime() < end) {
					final List<Path> parts = partFiles();
					// a write of the second checkpoint or later: an intact one is there to resume from
					if (!parts.isEmpty() && Files.exists(checkpoint)) {
						p.destroyForcibly();
						p.waitFor(60, TimeUnit.SECONDS);
						if (Files.exists(parts.get(0))) part = parts.get(0);
						break;
					}
					Thread.sleep(1);
				}
			}
			finally {
				p.destroyForcibly();
				p.waitFor(60, TimeUnit.SECONDS);
			}
		}
		assertTrue(part != null, "never killed it while it wrote a checkpoint: " + hg.printed("mid-write-0"));
		assertTrue(part.getFileName().toString().startsWith(".mid-write.checkpoint.zip."), part.toString());
		final List<Double> intact = TestImages.trainingLosses(checkpoint);

		final Processes.Result resumed = hg.run(training("mid-write.zip", intact.size() + 1, "depth=2", "filters=48",
			"resume=true"));
		assertEquals(0, resumed.exitCode(), resumed.toString());
		assertEquals(intact, TestImages.trainingLosses(hg.scratch.resolve("mid-write.zip")).subList(0, intact.size()));
		assertFalse(Files.exists(part), "the dead writer's part file is gone");
		assertEquals(List.of(), partFiles());
		assertEquals(List.of(), hg.scratchFolders());
	}

	@Test
	void aDenoisingKilledWhileWritingLeavesNoFileUnderTheResultsName() throws Exception {
		final Path big = TestImages.noisy(hg.scratch.resolve("big.tif"), 1024, 1024, 4, 13);
		final Path out = hg.scratch.resolve("denoised.tif");
		Path part = null;
		for (int attempt = 0; attempt < 3 && part == null; attempt++) {
			// one prediction, not Denoise's default 8: the write is what is tested, and on a slow CPU the 8 predictions
			// of this image take minutes
			final Process p = hg.start("denoise-" + attempt, "run", "denoise", "input=" + big, "output=" + out,
				"augment=false");
			try {
				final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
				while (p.isAlive() && System.nanoTime() < end) {
					final List<Path> parts = partFiles().stream().filter(f -> f.getFileName().toString().startsWith(
						".denoised.tif.")).toList();
					if (!parts.isEmpty()) {
						p.destroyForcibly();
						p.waitFor(60, TimeUnit.SECONDS);
						if (Files.exists(parts.get(0))) part = parts.get(0);
						break;
					}
					Thread.sleep(1);
				}
			}
			finally {
				p.destroyForcibly();
				p.waitFor(60, TimeUnit.SECONDS);
			}
			if (part == null) Files.deleteIfExists(out); // the write finished first: try again
		}
		assertTrue(part != null, "never killed it while writing");
		assertFalse(Files.exists(out), "nothing under the final name");

		final Processes.Result again = hg.run("run", "denoise", "input=" + big, "output=" + out, "augment=false");
		assertEquals(0, again.exitCode(), again.toString());
		assertTrue(Files.size(out) > 16_000_000);
		assertFalse(Files.exists(part), "removed when the same file was written next");
		assertEquals(List.of(), partFiles());
	}

	private static List<Path> partFiles() throws IOException {
		try (Stream<Path> s = Files.list(hg.scratch)) {
			return s.filter(f -> f.getFileName().toString().endsWith(".part")).sorted().toList();
		}
	}
}
