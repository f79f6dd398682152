package org.hourglass.runtime.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.PluginService;

import ij.ImagePlus;

/**
 * Runs a SciJava command headless from {@code key=value} strings, the way the command line does.
 * <p>
 * The command is found by its {@code @Plugin} name, its label or its menu path. Every key must name an
 * input, or an image output (the value is then the file the image is saved to, as TIFF). Inputs are
 * converted with {@link InputConverter}; a required input without a value is an error. Remembered
 * parameter values are neither loaded nor saved, so no value leaks from one run into the next. Everything
 * is checked before the command runs; on any error nothing is written.
 */
public final class CommandRunner {

	private static final Logger LOG = LogManager.getLogger();

	private final Context context;
	private volatile Module running;
	private volatile boolean interrupted;

	public CommandRunner(final Context context) {
		this.context = context;
	}

	/**
	 * The command called {@code id}: its name, label or menu path.
	 *
	 * @throws UsageException if there is none, or more than one
	 */
	public CommandInfo find(final String id) {
		final List<CommandInfo> matches = new ArrayList<>();
		for (final CommandInfo info : context.service(CommandService.class).getCommands()) {
			if (id.equals(info.getName()) || id.equals(info.getTitle()) || info.getMenuPath() != null && !info
				.getMenuPath().isEmpty() && id.equals(info.getMenuPath().getMenuString()))
			{
				matches.add(info);
			}
		}
		if (matches.isEmpty()) {
			throw new UsageException("unknown command '" + id + "' (list them with: hourglass commands)");
		}
		if (matches.size() > 1) {
			throw new UsageException("'" + id + "' names " + matches.size() + " commands: " + matches.stream()
				.map(CommandInfo::getClassName).collect(Collectors.joining(", ")));
		}
		return matches.get(0);
	}

	/**
	 * Runs command {@code id} with the given {@code key=value} arguments.
	 *
	 * @throws UsageException if the command or a key is unknown, a value cannot be used, or a required
	 *           input is missing (nothing has run)
	 * @throws CommandFailedException if the command failed or cancelled itself
	 */
	public RunResult run(final String id, final Map<String, String> args) {
		final CommandInfo info = find(id);
		final ModuleService modules = context.service(ModuleService.class);
		final Module module = modules.createModule(info);
		final InputConverter converter = new InputConverter(context);

		final Map<String, Object> inputs = new LinkedHashMap<>();
		final Map<String, Path> imageOutputs = new LinkedHashMap<>();
		final List<Path> inputFiles = new ArrayList<>();
		final java.util.Set<String> seen = new java.util.HashSet<>();
		for (final Map.Entry<String, String> arg : args.entrySet()) {
			final String key = itemName(info, arg.getKey(), id);
			if (!seen.add(key)) {
				throw new UsageException("command '" + id + "': '" + key + "' is given twice (keys are read in any case)");
			}
			final ModuleItem<?> in = info.getInput(key);
			final ModuleItem<?> out = info.getOutput(key);
			if (in != null && InputConverter.isUserInput(in)) {
				inputs.put(key, converter.convert(in, arg.getValue()));
				if (InputConverter.isFileLike(in.getType())) inputFiles.add(Path.of(arg.getValue()));
			}
			else if (out != null && ImagePlus.class.isAssignableFrom(out.getType())) {
				imageOutputs.put(key, Path.of(arg.getValue()));
			}
			else {
				throw new UsageException("command '" + id + "' has no input '" + key + "'; its inputs: " +
					describeInputs(info) + imageOutputNote(info));
			}
		}
		checkMissing(info, module, inputs, id);
		for (final Map.Entry<String, Path> o : imageOutputs.entrySet()) {
			checkOutputPath(o.getKey(), o.getValue(), inputFiles);
		}

		final long t0 = System.nanoTime();
		final Module done;
		interrupted = false;
		running = module;
		try {
			done = modules.run(module, preprocessors(), postprocessors(), inputs).get();
		}
		catch (final ExecutionException e) {
			final Throwable cause = e.getCause() == null ? e : e.getCause();
			throw new CommandFailedException(id + " failed: " + message(cause), cause);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CommandFailedException(id + " was interrupted", e);
		}
		finally {
			running = null;
		}
		final boolean stoppedEarly = interrupted;
		if (!stoppedEarly && done instanceof Cancelable c && c.isCanceled()) {
			throw new CommandFailedException(id + ": " + (c.getCancelReason() == null ? "cancelled" : c
				.getCancelReason()), null);
		}
		final long millis = (System.nanoTime() - t0) / 1_000_000;

		final Map<String, Object> values = new LinkedHashMap<>();
		final Map<String, Path> written = new LinkedHashMap<>();
		for (final ModuleItem<?> item : info.outputs()) {
			final Object value = done.getOutput(item.getName());
			final Path target = imageOutputs.get(item.getName());
			if (target != null && value instanceof ImagePlus imp) {
				try {
					ImageFiles.save(imp, target);
				}
				catch (final IOException e) {
					throw new CommandFailedException("cannot write " + item.getName() + " to " + target + ": " + e
						.getMessage(), e);
				}
				written.put(item.getName(), target);
			}
			else if (value != null && !(item.isInput() && inputs.containsKey(item.getName()))) {
				values.put(item.getName(), value);
			}
		}
		LOG.info("{} ran in {} ms", id, millis);
		return new RunResult(values, written, millis, stoppedEarly);
	}

	/**
	 * Asks the running command to stop as soon as it can (it is cancelled: a training command ends after the
	 * current step and saves its best model so far). Its outputs are still written and returned, marked
	 * {@link RunResult#interrupted()}.
	 *
	 * @return false if no cancellable command is running
	 */
	public boolean interrupt() {
		final Module m = running;
		if (!(m instanceof Cancelable c)) return false;
		interrupted = true;
		c.cancel("Interrupted.");
		return true;
	}

	/** The user-settable inputs of a command, for help and error messages: {@code name (type)}. */
	public static String describeInputs(final CommandInfo info) {
		final List<String> names = new ArrayList<>();
		for (final ModuleItem<?> in : info.inputs()) {
			if (InputConverter.isUserInput(in)) names.add(in.getName() + " (" + in.getType().getSimpleName() +
				")");
		}
		return names.isEmpty() ? "none" : String.join(", ", names);
	}

	// -- Helper methods --

	/**
	 * The name of the input or output {@code key} names: itself, or the one whose name is {@code key} in another
	 * case (Fiji's macros write every key in lower case); {@code key} unchanged if none.
	 */
	static String itemName(final CommandInfo info, final String key, final String id) {
		if (info.getInput(key) != null || info.getOutput(key) != null) return key;
		final List<String> matches = new ArrayList<>();
		for (final ModuleItem<?> item : info.inputs()) {
			if (item.getName().equalsIgnoreCase(key)) matches.add(item.getName());
		}
		for (final ModuleItem<?> item : info.outputs()) {
			if (item.getName().equalsIgnoreCase(key) && !matches.contains(item.getName())) matches.add(item.getName());
		}
		if (matches.size() > 1) {
			throw new UsageException("command '" + id + "': '" + key + "' could name " + String.join(" or ", matches));
		}
		return matches.isEmpty() ? key : matches.get(0);
	}

	private static String imageOutputNote(final CommandInfo info) {
		final List<String> images = new ArrayList<>();
		for (final ModuleItem<?> out : info.outputs()) {
			if (ImagePlus.class.isAssignableFrom(out.getType())) images.add(out.getName());
		}
		return images.isEmpty() ? "" : "; image outputs (key=file.tif): " + String.join(", ", images);
	}

	private static void checkMissing(final CommandInfo info, final Module module,
		final Map<String, Object> inputs, final String id)
	{
		final List<String> missing = new ArrayList<>();
		for (final ModuleItem<?> in : info.inputs()) {
			if (!InputConverter.isUserInput(in) || inputs.containsKey(in.getName())) continue;
			if (in.isRequired() && module.getInput(in.getName()) == null) missing.add(in.getName());
		}
		if (!missing.isEmpty()) {
			throw new UsageException("command '" + id + "' needs " + String.join(", ", missing.stream().map(
				m -> m + "=...").toList()) + "; its inputs: " + describeInputs(info));
		}
	}

	private static void checkOutputPath(final String key, final Path target, final List<Path> inputs) {
		final Path abs = target.toAbsolutePath().normalize();
		for (final Path in : inputs) {
			if (in.toAbsolutePath().normalize().equals(abs)) {
				throw new UsageException(key + ": refusing to overwrite the input file " + target);
			}
		}
		final Path dir = abs.getParent();
		if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
			throw new UsageException(key + ": the folder of " + target + " does not exist");
		}
		if (java.nio.file.Files.isDirectory(abs)) {
			throw new UsageException(key + ": " + target + " is a folder, expected a file name");
		}
	}

	/** All preprocessors but the ones that load or save remembered values or need a user interface. */
	private List<PreprocessorPlugin> preprocessors() {
		return context.service(PluginService.class).createInstancesOfType(PreprocessorPlugin.class).stream()
			.filter(p -> !ProcessorFilter.excluded(p.getClass())).toList();
	}

	/** All postprocessors but those that display outputs or save remembered values. */
	private List<PostprocessorPlugin> postprocessors() {
		return context.service(PluginService.class).createInstancesOfType(PostprocessorPlugin.class).stream()
			.filter(p -> !ProcessorFilter.excluded(p.getClass())).toList();
	}

	private static String message(final Throwable t) {
		Throwable root = t;
		while (root.getCause() != null && root.getCause() != root) root = root.getCause();
		final String m = root.getMessage();
		return m == null ? root.getClass().getSimpleName() : m;
	}
}
