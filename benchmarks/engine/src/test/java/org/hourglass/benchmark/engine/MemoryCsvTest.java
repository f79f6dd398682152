package org.hourglass.benchmark.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryCsvTest {

	@Test
	void writesHeaderAndOneLinePerSample(@TempDir final Path dir) throws Exception {
		final List<MemorySample> samples = List.of(new MemorySample("training", 0, 0, 1500.25, 80.04, 512),
			new MemorySample("inference", 20, 1.5, 1600, 90.5, 512));
		final Path file = dir.resolve("sub/memory.csv");
		MemoryCsv.write(file, samples);
		final List<String> lines = Files.readAllLines(file);
		assertEquals(List.of(MemoryCsv.HEADER, "training,0,0.00,1500.3,80.0,512.0",
			"inference,20,1.50,1600.0,90.5,512.0"), lines);
		try (var files = Files.list(file.getParent())) {
			assertEquals(1, files.count(), "no temporary file is left behind");
		}
	}

	@Test
	void summaryStartsAfterWarmup() {
		final List<MemorySample> samples = List.of(new MemorySample("training", 0, 0, 500, 10, 20),
			new MemorySample("training", 10, 1, 2000, 30, 40), new MemorySample("training", 20, 2, 2100, 20, 40),
			new MemorySample("training", 30, 3, 2050, 25, 40), new MemorySample("inference", 10, 1, 9999, 1, 1));
		final MemoryRun.Summary s = MemoryRun.summarise(samples, "training", 10);
		assertEquals(2000, s.afterWarmupMb());
		assertEquals(2050, s.endMb());
		assertEquals(2100, s.maxMb());
		assertEquals(30, s.heapMaxMb());
	}

	@Test
	void plotIsAPng(@TempDir final Path dir) throws Exception {
		final Path png = dir.resolve("memory.png");
		CurvePlot.write(png, List.of(new MemorySample("training", 0, 0, 500, 10, 20), new MemorySample("training", 10,
			1, 700, 30, 40), new MemorySample("inference", 10, 1, 600, 1, 1)));
		final byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
		assertEquals("\u0089PNG", new String(head, java.nio.charset.StandardCharsets.ISO_8859_1));
		final java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
		assertEquals(2, img.getHeight() / 300, "one panel per phase");
	}
}
