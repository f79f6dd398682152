package org.hourglass.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EngineThreadsTest {

	@Test
	void theThreadsSetAreTheThreadsUsed() {
		final int before = EngineThreads.get();
		try {
			EngineThreads.set(1);
			assertEquals(1, EngineThreads.get());
			EngineThreads.set(before);
			assertEquals(before, EngineThreads.get(), "back to what it was");
			assertThrows(IllegalArgumentException.class, () -> EngineThreads.set(0));
		}
		finally {
			EngineThreads.set(before);
		}
	}
}
