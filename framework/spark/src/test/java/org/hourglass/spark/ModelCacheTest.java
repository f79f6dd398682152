package org.hourglass.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.hourglass.api.Model;
import org.hourglass.denoise.DenoiseVariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models lent to tasks: one per task running at once, each kept and lent again to later tasks. */
class ModelCacheTest {

	@TempDir
	static Path dir;

	@Test
	void tasksAtOnceGetTheirOwnModelAndLaterTasksReuseThem() throws Exception {
		final ModelBytes file = ModelBytes.of("test.zip", Files.readAllBytes(TestData.denoiseModel(dir)));
		final int before = ModelCache.loads();
		final Model first;
		final Model second;
		try (ModelCache.Lease a = ModelCache.lease(file, DenoiseVariant.ID);
			ModelCache.Lease b = ModelCache.lease(file, DenoiseVariant.ID))
		{
			first = a.model();
			second = b.model();
			assertNotSame(first, second, "two tasks at once do not share one network");
		}
		assertEquals(2, ModelCache.loads() - before);
		for (int task = 0; task < 5; task++) {
			try (ModelCache.Lease c = ModelCache.lease(file, DenoiseVariant.ID)) {
				final Model m = c.model();
				assertTrue(m == first || m == second, "a later task gets a model already loaded");
			}
		}
		assertEquals(2, ModelCache.loads() - before, "no more loads");
	}
}
