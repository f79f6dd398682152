package org.hourglass.engine.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hourglass.api.network.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/** A network's pooling and skip connections in the model file. */
class NetworkJsonTest {

	@Test
	void poolingAndSkipsAreStored() {
		for (final NetworkSpec.Skips skips : NetworkSpec.Skips.values()) {
			final NetworkSpec spec = NetworkSpec.unet(2, 8, false).withPooling(NetworkSpec.Pooling.MAX_BLUR).withSkips(
				skips);
			assertEquals(spec, ModelJson.network(ModelJson.network(spec), ModelArchive.FORMAT_VERSION));
		}
	}

	@Test
	void filesWrittenBeforeTheFullResolutionSkipWasOptionalHaveEverySkip() {
		final NetworkSpec spec = NetworkSpec.unet(2, 8, true);
		final ObjectNode old = ModelJson.network(spec);
		old.remove("fullResolutionSkip");
		assertEquals(NetworkSpec.Skips.ALL, ModelJson.network(old, ModelArchive.FORMAT_VERSION).skips());
	}
}
