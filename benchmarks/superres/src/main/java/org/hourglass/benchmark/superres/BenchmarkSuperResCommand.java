package org.hourglass.benchmark.superres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.InvalidInputException;
import org.hourglass.api.ModelService;
import org.hourglass.api.image.Plane;
import org.hourglass.api.io.AtomicFiles;
import org.hourglass.benchmark.engine.EngineInfo;
import org.hourglass.imagej.HourglassCommand;
import org.hourglass.imagej.ImageFolder;
import org.hourglass.superres.SuperResVariant;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Benchmarks super-resolution on a folder of 8-bit images (Set5) with the literature's protocol
 * ({@link SuperResBenchmark}): bicubic and every upscale model in one run, with the training times recorded in
 * the models, then the throughput and peak memory of each model on a large image ({@link Throughput}); writes a
 * Markdown report. Everything is checked before anything is computed or written.
 */
@Plugin(type = Command.class, name = "benchmark-superres", label = "Hourglass Upscale Benchmark", headless = true,
	description = "Set5 with the literature protocol: bicubic and upscale models in one run.")
public class BenchmarkSuperResCommand extends HourglassCommand {

	private static final Logger LOG = LogManager.getLogger();
	private static final int WARM_UP = 512;

	@Parameter
	private ModelService modelService;

	@Parameter(label = "Images", style = "directory",
		description = "A folder of 8-bit grey or RGB high-resolution images (e.g. Set5), read in file-name order.")
	private File images;

	@Parameter(label = "Models", required = false,
		description = "Comma-separated upscale model names or files, each measured at its own factor; empty = " +
			"bicubic only.")
	private String models = "";

	@Parameter(label = "Factors", description = "Comma-separated factors for the bicubic rows: 2, 4 or both.")
	private String factors = "2,4";

	@Parameter(label = "Also with test-time augmentation",
		description = "Measure each model a second time averaging its 8 flips and rotations.")
	private boolean augment = false;

	@Parameter(label = "Throughput image side", min = "0",
		description = "Width and height of the input image the throughput is measured on; 0 = do not measure.")
	private int throughputSize = 4096;

	@Parameter(label = "Report", style = "save", description = "The Markdown report to write.")
	private File out;

	@Parameter(label = "Replace report", description = "Replace the report file if it exists.")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Results")
	private String table;

	@Parameter(type = ItemIO.OUTPUT, label = "Throughput")
	private String throughput;

	@Override
	protected void execute() {
		if (out == null) throw new InvalidInputException("No report file was given (out=<file.md>).");
		final Path report = out.toPath();
		if (Files.isDirectory(report)) throw new InvalidInputException("Expected a report file, but " + report +
			" is a folder.");
		if (Files.exists(report) && !overwrite) {
			throw new InvalidInputException("Report " + report + " exists already; choose another file or replace it " +
				"(overwrite=true).");
		}
		final SortedSet<Integer> wanted = parseFactors(factors);
		final List<SetImage> set = BenchmarkImages.load(images == null ? null : images.toPath());
		final String started = Instant.now().toString();
		final String loadBefore = loadAverage();
		final List<SuperResBenchmark.Entry> loaded = new ArrayList<>();
		final List<Throughput> speeds = new ArrayList<>();
		final List<Scores> scores;
		try {
			for (final String name : modelNames(models)) {
				final SuperResBenchmark.Entry e = new SuperResBenchmark.Entry(label(name), modelService.load(name,
					SuperResVariant.ID));
				loaded.add(e);
				if (!wanted.contains(e.factor())) {
					throw new InvalidInputException("Model " + name + " upscales x" + e.factor() + ", which is not among " +
						"factors=" + factors + ".");
				}
			}
			scores = SuperResBenchmark.run(set, wanted, loaded, augment, progress("Benchmark"));
			if (throughputSize > 0) {
				final Plane base = set.get(0).luminance();
				final Plane warmUp = BenchmarkImages.mirrored(base, WARM_UP);
				for (final SuperResBenchmark.Entry e : loaded) {
					Plane big = BenchmarkImages.mirrored(base, throughputSize);
					final Throughput t = Throughput.measure(e.name(), e.model(), warmUp, big);
					big = null;
					LOG.info("{}: {}x{} upscaled in {} s ({} output megapixels/s), peak RSS {} MB", e.name(), throughputSize,
						throughputSize, t.seconds(), t.outputMegapixelsPerSecond(), t.rssPeak());
					speeds.add(t);
				}
			}
		}
		finally {
			loaded.forEach(e -> e.model().close());
		}
		final SuperResReport r = new SuperResReport(images.getName(), set.stream().map(SetImage::name).toList(), scores,
			speeds, started, loadBefore, loadAverage(), EngineInfo.describe(modelService));
		try {
			AtomicFiles.writeString(report, r.render(), overwrite);
		}
		catch (final FileAlreadyExistsException e) {
			throw new InvalidInputException("Report " + report + " exists already; choose another file or replace it " +
				"(overwrite=true).");
		}
		catch (final IOException e) {
			throw new UncheckedIOException("cannot write " + report + ": " + e.getMessage(), e);
		}
		table = r.table();
		throughput = speeds.isEmpty() ? "" : r.throughputTable();
	}

	/** The factors in a comma-separated list: 2, 4 or both. */
	static SortedSet<Integer> parseFactors(final String list) {
		final SortedSet<Integer> out = new TreeSet<>();
		for (final String s : (list == null ? "" : list).split(",")) {
			if (s.isBlank()) continue;
			try {
				out.add(SuperResVariant.requireFactor(Integer.parseInt(s.strip())));
			}
			catch (final NumberFormatException e) {
				throw new InvalidInputException("factors: expected 2, 4 or 2,4; got '" + list + "'.");
			}
		}
		if (out.isEmpty()) throw new InvalidInputException("factors: expected 2, 4 or 2,4; got '" + list + "'.");
		return out;
	}

	/** The names in a comma-separated list, trimmed, without empty entries. */
	static List<String> modelNames(final String list) {
		final Set<String> names = new LinkedHashSet<>();
		if (list == null) return List.of();
		for (final String s : list.split(",")) {
			final String t = s.strip();
			if (t.isEmpty()) continue;
			if (!names.add(t)) throw new InvalidInputException("Model '" + t + "' is listed twice in models=" + list +
				".");
		}
		return List.copyOf(names);
	}

	private static String label(final String name) {
		final Path p = Path.of(name);
		return Files.isRegularFile(p) ? ImageFolder.baseName(p) : name;
	}

	private static String loadAverage() {
		try {
			final String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return parts[0] + ", " + parts[1] + ", " + parts[2];
		}
		catch (final IOException | RuntimeException e) {
			return "unknown";
		}
	}
}
