package org.hourglass.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.hourglass.api.Model;
import org.hourglass.api.ModelFileException;
import org.hourglass.api.ModelInfo;
import org.hourglass.api.ModelService;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.network.Activation;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.engine.file.ArchiveContents;
import org.hourglass.engine.file.ModelArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

/**
 * A consistent model file (its checksums recomputed) whose network description asks for a network far larger than
 * its weights is refused at once, before anything is built: such a network could take all memory, or forever.
 */
class HostileSpecTest {

	@TempDir
	Path dir;

	private Context context;
	private ModelService service;

	@BeforeEach
	void setUp() {
		context = new Context(ModelService.class);
		service = context.service(ModelService.class);
	}

	@AfterEach
	void tearDown() {
		context.dispose();
	}

	@Test
	void hugeCountsInTheNetworkDescriptionAreRefusedBeforeBuilding() {
		final Path good = dir.resolve("good.zip");
		try (Model model = service.create(Fixtures.spec(Fixtures.tinyConv()))) {
			model.save(good);
		}
		final ArchiveContents c = ModelArchive.read(good, null);
		final NetworkSpec n = c.info().spec().network();
		for (final NetworkSpec hostile : List.of(n.withConvolutions(Integer.MAX_VALUE, 3, Activation.RELU), n
			.withConvolutions(2, 1_000_001, Activation.RELU), n.withChannels(Integer.MAX_VALUE, 1), NetworkSpec
				.encoderDecoder(new int[] { 4, 1 << 30 }, new int[] { 4 })))
		{
			final ModelSpec s = c.info().spec();
			final ModelInfo info = new ModelInfo(new ModelSpec(s.variant(), s.variantVersion(), hostile, s.loss(), s
				.normalization(), s.properties()), c.info().fittedNormalization(), c.info().history(), c.info()
					.trainingData(), c.info().trainingSeconds(), c.info().created());
			final Path bad = dir.resolve("bad.zip");
			ModelArchive.write(bad, new ArchiveContents(info, c.weights(), c.testInput(), c.testOutput()));
			final ModelFileException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(
				ModelFileException.class, () -> service.load(bad, "test")));
			assertTrue(e.getMessage().contains(bad + ": its network description needs at least") && e.getMessage()
				.contains("but the file holds " + c.weights().values().stream().mapToLong(w -> w.elementCount()).sum()), e
					.getMessage());
		}
	}
}
