package org.hourglass.distribution;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@link FijiMain} in a JVM of its own, on the flat class path Fiji would build: the Fiji host's jars first
 * (so its JavaCPP, protobuf and TensorFlow classes come first, the worst case), then the {@code jars/} of a
 * Fiji.app holding Hourglass. Logging goes to Logback, Fiji's logging, configured to write {@link #LOG} in the
 * scratch folder.
 */
final class FijiProcess {

	/** The Logback log of a run, in its scratch folder. */
	static final String LOG = "fiji.log";

	private FijiProcess() {}

	static Processes.Result run(final Path fijiApp, final Path scratch, final List<String> jvmOptions,
		final String... steps) throws IOException, InterruptedException
	{
		final List<Path> cp = new ArrayList<>(Installation.jars(Installation.fijiHost()));
		cp.addAll(Installation.jars(fijiApp.resolve("jars")));
		cp.add(Installation.testClasses());
		final List<String> command = new ArrayList<>(List.of(Processes.java(), "-Xmx2g", "-Djava.awt.headless=true",
			"-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir"),
			"-Dimagej.dir=" + fijiApp, "-Djava.util.prefs.userRoot=" + scratch.resolve("prefs"),
			"-Dlogback.configurationFile=" + Installation.testClasses().resolve("fiji-logback.xml"),
			"-Dhourglass.test.log=" + scratch.resolve(LOG)));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", String.join(File.pathSeparator, cp.stream().map(Path::toString).toList()),
			FijiMain.class.getName()));
		command.addAll(List.of(steps));
		return Processes.run(command, Map.of(), scratch);
	}

	/**
	 * A Fiji.app in {@code dir} with the drop-in's files: its {@code jars/} (copied: the JVM resolves links on its
	 * class path, and the engine folder is found beside them), and links to its models, the engine's
	 * platform-independent jars and the native folders of the given platforms only.
	 */
	static Path installation(final Path dir, final List<String> platforms) throws IOException {
		final Path dropIn = Installation.fiji();
		try (Stream<Path> files = Files.walk(dropIn)) {
			for (final Path f : files.filter(Files::isRegularFile).toList()) {
				final Path rel = dropIn.relativize(f);
				if (rel.startsWith("lib/hourglass") && rel.getNameCount() > 3 && !platforms.contains(rel.getName(2)
					.toString())) continue;
				final Path link = dir.resolve(rel.toString());
				Files.createDirectories(link.getParent());
				if (rel.startsWith("jars")) Files.copy(f, link);
				else Files.createSymbolicLink(link, f);
			}
		}
		return dir;
	}
}
