package org.hourglass.benchmark.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ResidentMemoryTest {

	@Test
	void parsesVmRss() {
		final String status = "Name:\tjava\nVmPeak:\t 9999 kB\nVmRSS:\t  123456 kB\nRssAnon:\t 100000 kB\n";
		assertEquals(123456, ResidentMemory.parseVmRssKilobytes(status));
		assertEquals(-1, ResidentMemory.parseVmRssKilobytes("Name:\tkthreadd\nVmPeak:\t0 kB\n"));
	}

	@Test
	void readsThisProcess() {
		if (!Files.isReadable(Path.of("/proc/self/status"))) return;
		final double rss = ResidentMemory.rssMegabytes();
		// a running JVM is resident for more than its used heap's smallest part and less than the machine
		assertTrue(rss > 10 && rss < 1024 * 1024, "RSS " + rss + " MB");
		assertTrue(ResidentMemory.heapUsedMegabytes() > 0);
	}
}
