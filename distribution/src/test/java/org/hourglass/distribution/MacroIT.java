package org.hourglass.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ij.IJ;
import ij.ImagePlus;

/**
 * {@code hourglass macro}: ImageJ macros run by the workbench, the documented macro strings and the macro
 * reference. Macros need a screen (ImageJ's dialogs read their options from it); without one these tests are
 * skipped, unless {@code HOURGLASS_GUI_TESTS=required}, as in CI, where they fail.
 */
class MacroIT {

	private static final Pattern RUN = Pattern.compile("run\\(\"([^\"]+)\"\\s*,((?:\"[^\"]*\"|[^\"();])*)\\)");
	private static final Pattern KEY = Pattern.compile("(?<![\\w.\\[/])([A-Za-z][A-Za-z0-9]*)=");
	private static final String START = "<!-- reference: made by `hourglass commands --reference` -->";
	private static final String END = "<!-- end of reference -->";

	private static Path scratch;
	private static Hourglass workbench;

	@BeforeAll
	static void scratch() throws IOException {
		scratch = Installation.scratch("macro");
		workbench = Hourglass.installed(scratch);
	}

	@Test
	void theSampleMacroTrainsAModelAndDenoisesTheSampleWithIt() throws Exception {
		screen();
		final Path out = Files.createDirectories(scratch.resolve("train-and-apply"));
		final Processes.Result r = hourglass("macro", Installation.workbench().resolve(
			"samples/macros/denoise-train-and-apply.ijm").toString(), out + "/");
		assertEquals(0, r.exitCode(), r.toString());
		final ImagePlus noisy = IJ.openImage(Installation.semSample().toString());
		final ImagePlus denoised = IJ.openImage(out.resolve("sem-denoised.tif").toString());
		assertEquals(noisy.getWidth(), denoised.getWidth());
		assertEquals(noisy.getHeight(), denoised.getHeight());
		assertTrue(Files.size(out.resolve("sem-model.zip")) > 0);
		assertTrue(r.out().contains("denoised sem-noisy.tif into"), r.toString());
		noStackTrace(r);
	}

	/** Every variant's sample macro trains a small model and applies it: a model and a result, nothing else. */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "autoencoder-train-and-map.ijm, digits-map.png", "vae-train-and-generate.ijm, generated.tif",
		"upscale-train-and-apply.ijm, nuclei-x2.tif", "sharpen-train-and-apply.ijm, sharpened.tif" })
	void everyVariantsSampleMacroTrainsAndApplies(final String macro, final String result) throws Exception {
		screen();
		final Path out = Files.createDirectories(scratch.resolve(macro.replace(".ijm", "")));
		final Processes.Result r = hourglass("macro", Installation.workbench().resolve("samples/macros/" + macro)
			.toString(), out + "/");
		assertEquals(0, r.exitCode(), r.toString());
		noStackTrace(r);
		assertTrue(Files.size(out.resolve(result)) > 0, r.toString());
		try (Stream<Path> files = Files.list(out)) {
			final List<Path> written = files.toList();
			assertEquals(2, written.size(), "a model and a result: " + written);
			assertTrue(written.stream().anyMatch(p -> p.toString().endsWith(".zip")), "a model: " + written);
		}
	}

	@Test
	void theFolderMacroDenoisesEveryImageAndRefusesToReplaceItsResults() throws Exception {
		screen();
		final Path in = Files.createDirectories(scratch.resolve("folder-in"));
		Files.copy(Installation.semSample(), in.resolve("a.tif"));
		final Path out = scratch.resolve("folder-out");
		final String macro = Installation.workbench().resolve("samples/macros/denoise-folder.ijm").toString();
		final Processes.Result first = hourglass("macro", macro, in + "," + out);
		assertEquals(0, first.exitCode(), first.toString());
		assertTrue(first.out().contains("denoised 1 images"), first.toString());
		final long written = Files.getLastModifiedTime(out.resolve("a.tif")).toMillis();
		final Processes.Result again = hourglass("macro", macro, in + "," + out);
		assertEquals(1, again.exitCode(), again.toString());
		assertTrue(again.err().contains("Refusing to replace"), again.toString());
		assertEquals(written, Files.getLastModifiedTime(out.resolve("a.tif")).toMillis(), "the result is untouched");
		noStackTrace(again);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
		"unknown key|run(\"Hourglass Denoise\", \"modle=denoise-sample input=sem-noisy.tif\");|has no key 'modle'",
		"misspelt label|run(\"Hourglass Denoize\", \"model=denoise-sample input=sem-noisy.tif\");|Hourglass Denoize",
		"image not open|run(\"Hourglass Denoise\", \"model=denoise-sample input=other.tif\");|no open image is titled 'other.tif'",
		"not a number|run(\"Hourglass Denoise\", \"model=denoise-sample input=sem-noisy.tif tilesize=big\");|expected an integer, got 'big'",
		"unknown model|run(\"Hourglass Denoise\", \"model=no-such-model input=sem-noisy.tif\");|no-such-model",
		"macro's own exit|exit(\"Expected a folder\");|Expected a folder" })
	void aBadRunStopsTheMacroWithOneClearMessageAndExitCode1(final String what, final String call,
		final String expected) throws Exception
	{
		screen();
		final Path macro = scratch.resolve(what.replace(' ', '-') + ".ijm");
		Files.writeString(macro, "open(\"" + Installation.semSample() + "\");\n" + call +
			"\nprint(\"after the call\");\n", StandardCharsets.UTF_8);
		final Processes.Result r = hourglass("macro", macro.toString());
		assertEquals(1, r.exitCode(), r.toString());
		assertTrue(r.err().contains("stopped: ") && r.err().contains(expected), r.toString());
		assertFalse(r.out().contains("after the call"), r.toString());
		noStackTrace(r);
	}

	@Test
	void withoutAScreenAMacroIsRefusedWithTheWayOut() throws Exception {
		final Path macro = Files.writeString(scratch.resolve("print.ijm"), "print(\"hello\");\n");
		final Map<String, String> env = new HashMap<>(workbench.environment());
		env.put("DISPLAY", null);
		final Processes.Result r = Processes.run(workbench.command("macro", macro.toString()), env, scratch);
		assertEquals(2, r.exitCode(), r.toString());
		assertTrue(r.err().contains("xvfb-run"), r.toString());
		noStackTrace(r);
	}

	/**
	 * Every {@code run("<Hourglass label>", "...")} in README.md, docs/ and samples/macros/ uses keys of that
	 * command, in lower case: Fiji reads a key only in lower case, and the command's parameters only by name.
	 */
	@Test
	void everyDocumentedMacroCallUsesTheCommandsOwnKeysInLowerCase() throws Exception {
		final Map<String, Set<String>> keysByLabel = keysByLabel(reference());
		final List<String> problems = new ArrayList<>();
		int calls = 0;
		for (final Path file : documentation()) {
			final Matcher m = RUN.matcher(Files.readString(file, StandardCharsets.UTF_8));
			while (m.find()) {
				final Set<String> keys = keysByLabel.get(m.group(1));
				if (keys == null) {
					if (m.group(1).startsWith("Hourglass")) problems.add(file + ": no command '" + m.group(1) + "'");
					continue;
				}
				calls++;
				final Matcher k = KEY.matcher(literals(m.group(2)));
				while (k.find()) {
					if (!keys.contains(k.group(1)) && !k.group(1).equals("key")) { // "key=value ...": the placeholder
						problems.add(file.getFileName() + ": run(\"" + m.group(1) + "\") uses '" + k.group(1) +
							"', not one of " + keys);
					}
				}
			}
		}
		assertTrue(problems.isEmpty(), String.join("\n", problems));
		assertTrue(calls >= 5, "found only " + calls + " documented macro calls");
	}

	/** Fiji finds a parameter by its lower-case name only: no two of a command may share it. */
	@Test
	void noTwoParametersOfACommandShareALowerCaseKey() throws Exception {
		final List<String> problems = new ArrayList<>();
		String command = null;
		Set<String> seen = new LinkedHashSet<>();
		for (final String line : reference().split("\\R")) {
			if (line.startsWith("### ")) {
				command = line;
				seen = new LinkedHashSet<>();
			}
			else if (command != null && line.matches("  [a-z][a-z0-9]* .*") && !seen.add(line.trim().split(" ")[0])) {
				problems.add(command + ": " + line.trim());
			}
		}
		assertTrue(problems.isEmpty(), String.join("\n", problems));
	}

	/** docs/MACROS.md holds the reference the commands print; with -Dhourglass.writeDocs=true this test rewrites it. */
	@Test
	void theMacroReferenceInTheDocsIsTheCommandsOwn() throws Exception {
		final String reference = reference();
		final Path doc = Installation.sources().resolve("docs/MACROS.md");
		final String text = Files.readString(doc, StandardCharsets.UTF_8);
		final int start = text.indexOf(START);
		final int end = text.indexOf(END);
		assertTrue(start >= 0 && end > start, doc + " has no reference section");
		final String current = text.substring(start + START.length(), end).strip();
		if (Boolean.getBoolean("hourglass.writeDocs")) {
			Files.writeString(doc, text.substring(0, start + START.length()) + "\n\n" + reference.strip() + "\n\n" + text
				.substring(end), StandardCharsets.UTF_8);
			return;
		}
		assertEquals(reference.strip(), current, "docs/MACROS.md is out of date: run this test with " +
			"-Dhourglass.writeDocs=true");
	}

	// -- Helper methods --

	private static String reference() throws Exception {
		final Processes.Result r = hourglass("commands", "--reference");
		assertEquals(0, r.exitCode(), r.toString());
		return r.out();
	}

	/** Macro label → its keys, from the reference's headings and "Inputs"/"Outputs" lists. */
	private static Map<String, Set<String>> keysByLabel(final String reference) {
		final Map<String, Set<String>> map = new HashMap<>();
		Set<String> keys = null;
		for (final String line : reference.split("\\R")) {
			if (line.startsWith("### ")) {
				keys = new LinkedHashSet<>();
				map.put(line.substring(4, line.indexOf(" (`")), keys);
			}
			else if (keys != null && line.matches("  [a-z][a-z0-9]* .*")) {
				keys.add(line.trim().split(" ")[0]);
			}
		}
		return map;
	}

	/** The string literals of a macro expression, joined by spaces: the option text, whatever variables are in it. */
	private static String literals(final String expression) {
		final StringBuilder sb = new StringBuilder();
		final Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(expression);
		while (m.find()) sb.append(m.group(1)).append(' ');
		return sb.toString();
	}

	private static List<Path> documentation() throws IOException {
		final Path root = Installation.sources();
		final List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
		for (final String dir : List.of("docs", "samples/macros")) {
			try (Stream<Path> s = Files.list(root.resolve(dir))) {
				files.addAll(s.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".ijm")).sorted()
					.toList());
			}
		}
		return files;
	}

	private static void screen() {
		final String display = System.getenv("DISPLAY");
		final boolean has = display != null && !display.isEmpty();
		if (!has && "required".equals(System.getenv("HOURGLASS_GUI_TESTS"))) {
			fail("HOURGLASS_GUI_TESTS=required, but there is no screen (DISPLAY unset)");
		}
		assumeTrue(has, "no screen: macros need one");
	}

	private static void noStackTrace(final Processes.Result r) {
		assertFalse(r.err().contains("\tat ") || r.out().contains("\tat "), "a stack trace:\n" + r);
		assertFalse(r.err().contains("Exception") || r.out().contains("Exception"), "an exception:\n" + r);
	}

	private static Processes.Result hourglass(final String... args) throws Exception {
		return workbench.run(args);
	}
}
