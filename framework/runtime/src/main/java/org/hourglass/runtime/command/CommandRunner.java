package org.hourglass.runtime.command;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleInfo;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.PluginService;
import org.scijava.service.Service;

import ij.ImagePlus;

/**
 * Runs a SciJava command headless from {@code key=value} strings, the way the command line does.
 * <p>
 * The command is found by its {@code @Plugin} name, its label or its menu path. Every key must name an
 * input, or an image output (the value is then the file the image is saved to, as TIFF). Inputs are
 * converted with {@link InputConverter}; a required input without a value is an error. Remembered
 * parameter values are neither loaded nor saved, so no value leaks from one run into the next. Everything
 * is checked before the command runs; on any error nothing is written.
 * <p>
 * An image output never replaces an existing file unless {@code overwrite=true} is given: the command's own
 * {@code overwrite} input if it has one (the same flag then also lets it replace what it writes itself), else a
 * key the runner reads for the image outputs. A numeric input outside its declared {@code min}/{@code max} is
 * refused. A command whose required services are missing (their bundle was uninstalled) is refused before it is
 * created, with a {@link CommandUnavailableException}.
 */
public final class CommandRunner {

	private static final Logger LOG = LogManager.getLogger();

	/** The key that lets image outputs (and, if the command has this input, its own files) replace existing files. */
	public static final String OVERWRITE = "overwrite";

	/** The boolean output by which a command says whether it stopped early when asked to stop. */
	public static final String STOPPED_EARLY = "stoppedEarly";

	private final Context context;
	private final Function<String, String> absence;
	private volatile Module running;
	private volatile boolean interrupted;
	private volatile boolean stopRequested;

	public CommandRunner(final Context context) {
		this(context, id -> null);
	}

	/**
	 * @param absence for a command id that names no command: why it is missing (e.g. "it comes from the bundle X,
	 *          which was uninstalled"), or {@code null} if it is simply unknown
	 */
	public CommandRunner(final Context context, final Function<String, String> absence) {
		this.context = context;
		this.absence = absence;
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
			final String why = absence.apply(id);
			if (why != null) throw new CommandUnavailableException("command '" + id + "' is not available: " + why);
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
	 * @throws UsageException if the command or a key is unknown, a value cannot be used, a required input is
	 *           missing, or an output file exists already (nothing has run)
	 * @throws CommandUnavailableException if the command's bundle is gone or a service it needs is missing
	 * @throws CommandFailedException if the command failed or cancelled itself
	 */
	public RunResult run(final String id, final Map<String, String> args) {
		final CommandInfo info = find(id);
		checkServices(id, info);
		final Module module = createModule(id, context.service(ModuleService.class), info);
		final InputConverter converter = new InputConverter(context);
		final boolean ownOverwrite = hasOverwriteInput(info);
		Boolean overwriteKey = null;

		final Map<String, Object> inputs = new LinkedHashMap<>();
		final Map<String, Path> imageOutputs = new LinkedHashMap<>();
		final List<Path> inputFiles = new ArrayList<>();
		for (final Map.Entry<String, String> arg : args.entrySet()) {
			// keys in any case, as Fiji's macros read them (lower case): no two items of a command share a lower-case name
			final String key = itemName(info, arg.getKey());
			if (inputs.containsKey(key) || imageOutputs.containsKey(key)) {
				throw new UsageException("'" + key + "' is given twice (keys are matched in any case)");
			}
			final ModuleItem<?> in = info.getInput(key);
			final ModuleItem<?> out = info.getOutput(key);
			if (in == null && !ownOverwrite && OVERWRITE.equalsIgnoreCase(key) && !imageOutputNames(info).isEmpty()) {
				InputConverter.checkSyntax(OVERWRITE, arg.getValue(), boolean.class);
				overwriteKey = Boolean.parseBoolean(arg.getValue().trim());
			}
			else if (in != null && InputConverter.isUserInput(in)) {
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
		final boolean overwrite = ownOverwrite ? Boolean.TRUE.equals(inputs.get(overwriteName(info)))
			: Boolean.TRUE.equals(overwriteKey);
		for (final Map.Entry<String, Path> o : imageOutputs.entrySet()) {
			checkOutputPath(o.getKey(), o.getValue(), inputFiles, overwrite);
		}
		checkSaveFolders(info, inputs);

		final Executed ran = execute(id, module, inputs);
		if (ran == null) return new RunResult(Map.of(), Map.of(), 0, true);
		final Module done = ran.done();

		final Map<String, Object> values = new LinkedHashMap<>();
		final Map<String, Path> written = new LinkedHashMap<>();
		for (final ModuleItem<?> item : info.outputs()) {
			final Object value = done.getOutput(item.getName());
			final Path target = imageOutputs.get(item.getName());
			if (target != null && value instanceof ImagePlus imp) {
				try {
					ImageFiles.save(imp, target, overwrite);
				}
				catch (final FileAlreadyExistsException e) {
					throw new CommandFailedException("cannot write " + item.getName() + " to " + target + ": the file " +
						"appeared while " + id + " ran; nothing was replaced", e);
				}
				catch (final UsageException e) {
					throw new CommandFailedException("cannot write " + item.getName() + ": " + e.getMessage(), e);
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
		return new RunResult(values, written, ran.millis(), ran.stoppedEarly());
	}

	/**
	 * Runs {@code module} (made by {@link #module}) with inputs that are values already (an open image for an
	 * image input), as a macro or a dialog gives them: the same checks, preprocessing and reporting as
	 * {@link #run(String, Map)}; every output that has a value is returned, images included.
	 *
	 * @throws UsageException if a required input is missing
	 * @throws CommandUnavailableException if a service the command needs is missing
	 * @throws CommandFailedException if the command failed or cancelled itself
	 */
	public RunResult run(final Module module, final Map<String, Object> inputs) {
		final ModuleInfo info = module.getInfo();
		final String id = info.getTitle();
		checkServices(id, info);
		checkMissing(info, module, inputs, id);
		checkSaveFolders(info, inputs);
		final Executed e = execute(id, module, inputs);
		if (e == null) return new RunResult(Map.of(), Map.of(), 0, true);
		final Map<String, Object> values = new LinkedHashMap<>();
		for (final ModuleItem<?> item : info.outputs()) {
			final Object value = e.done().getOutput(item.getName());
			if (value != null && !(item.isInput() && inputs.containsKey(item.getName()))) {
				values.put(item.getName(), value);
			}
		}
		return new RunResult(values, Map.of(), e.millis(), e.stoppedEarly());
	}

	/** A new module of {@code info}, in this context, its inputs at their defaults (nothing remembered is loaded). */
	public Module module(final CommandInfo info) {
		return createModule(info.getTitle(), context.service(ModuleService.class), info);
	}

	/** What running a module gave. */
	private record Executed(Module done, long millis, boolean stoppedEarly) {}

	/** Runs the module; {@code null} if a stop was requested before it started (then it does not start). */
	private Executed execute(final String id, final Module module, final Map<String, Object> inputs) {
		final ModuleInfo info = module.getInfo();
		final ModuleService modules = context.service(ModuleService.class);
		final long t0 = System.nanoTime();
		final Module done;
		interrupted = false;
		synchronized (this) {
			if (stopRequested) {
				LOG.info("{} was stopped before it started", id);
				return null;
			}
			running = module;
		}
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
		final boolean stoppedEarly = interrupted && stoppedEarly(info, done);
		if (!interrupted && done instanceof Cancelable c && c.isCanceled()) {
			throw new CommandFailedException(id + ": " + (c.getCancelReason() == null ? "cancelled" : c
				.getCancelReason()), null);
		}
		final long millis = (System.nanoTime() - t0) / 1_000_000;
		LOG.info("{} ran in {} ms", id, millis);
		return new Executed(done, millis, stoppedEarly);
	}

	/**
	 * Asks the running command to stop as soon as it can (it is cancelled: a training command ends after the
	 * current step and saves its best model so far). Its outputs are still written and returned, marked
	 * {@link RunResult#interrupted()}.
	 *
	 * @return false if no cancellable command is running
	 */
	public synchronized boolean interrupt() {
		// a command that has not started yet does not start at all
		stopRequested = true;
		final Module m = running;
		if (!(m instanceof Cancelable c)) return false;
		interrupted = true;
		c.cancel("Interrupted.");
		return true;
	}

	/** The name of the input or output of {@code info} called {@code key} in any case, or {@code key} if there is none. */
	static String itemName(final CommandInfo info, final String key) {
		for (final ModuleItem<?> item : info.inputs()) {
			if (item.getName().equalsIgnoreCase(key)) return item.getName();
		}
		for (final ModuleItem<?> item : info.outputs()) {
			if (item.getName().equalsIgnoreCase(key)) return item.getName();
		}
		return key;
	}

	/** The user-settable inputs of a command, for help and error messages: {@code name (type)}. */
	public static String describeInputs(final ModuleInfo info) {
		final List<String> names = new ArrayList<>();
		for (final ModuleItem<?> in : info.inputs()) {
			if (InputConverter.isUserInput(in)) names.add(in.getName() + " (" + in.getType().getSimpleName() +
				")");
		}
		return names.isEmpty() ? "none" : String.join(", ", names);
	}

	// -- Helper methods --

	private static List<String> imageOutputNames(final CommandInfo info) {
		final List<String> images = new ArrayList<>();
		for (final ModuleItem<?> out : info.outputs()) {
			if (ImagePlus.class.isAssignableFrom(out.getType())) images.add(out.getName());
		}
		return images;
	}

	private static String imageOutputNote(final CommandInfo info) {
		final List<String> images = imageOutputNames(info);
		return images.isEmpty() ? "" : "; image outputs (key=file.tif): " + String.join(", ", images) +
			(hasOverwriteInput(info) ? "" : ", and overwrite=true to replace existing files");
	}

	/** The command's own boolean {@code overwrite} input (in any case), or {@code null}. */
	private static String overwriteName(final CommandInfo info) {
		for (final ModuleItem<?> in : info.inputs()) {
			if (InputConverter.isUserInput(in) && in.getName().equalsIgnoreCase(OVERWRITE) && (in
				.getType() == boolean.class || in.getType() == Boolean.class)) return in.getName();
		}
		return null;
	}

	private static boolean hasOverwriteInput(final CommandInfo info) {
		return overwriteName(info) != null;
	}

	/** Whether a command asked to stop did stop early: its {@value #STOPPED_EARLY} output, else its cancellation. */
	private static boolean stoppedEarly(final ModuleInfo info, final Module done) {
		final ModuleItem<?> says = info.getOutput(STOPPED_EARLY);
		if (says != null && (says.getType() == boolean.class || says.getType() == Boolean.class)) {
			return !Boolean.FALSE.equals(done.getOutput(STOPPED_EARLY));
		}
		return !(done instanceof Cancelable c) || c.isCanceled();
	}

	/** Refuses a command whose required services are not in the Context (their bundle is gone). */
	private void checkServices(final String id, final ModuleInfo info) {
		final List<String> missing = new ArrayList<>();
		for (final ModuleItem<?> in : info.inputs()) {
			if (Service.class.isAssignableFrom(in.getType()) && in.isRequired()) {
				@SuppressWarnings("unchecked")
				final Class<? extends Service> type = (Class<? extends Service>) in.getType();
				if (context.getService(type) == null) missing.add(type.getName());
			}
		}
		if (!missing.isEmpty()) {
			throw new CommandUnavailableException("command '" + id + "' needs the service " + String.join(", ",
				missing) + ", which no active bundle provides; install the bundle that provides it (hourglass " +
				"bundles lists each bundle and the services it needs)");
		}
	}

	private static Module createModule(final String id, final ModuleService modules, final CommandInfo info) {
		try {
			return modules.createModule(info);
		}
		catch (final RuntimeException e) {
			LOG.info("Cannot create {}", id, e);
			throw new CommandUnavailableException("command '" + id + "' cannot be created: " + message(e));
		}
	}

	/** The folder of every file input meant to be written ({@code style = "save"}) must exist. */
	private static void checkSaveFolders(final ModuleInfo info, final Map<String, Object> inputs) {
		for (final ModuleItem<?> in : info.inputs()) {
			final String style = in.getWidgetStyle();
			if (style == null || !java.util.Arrays.stream(style.split(",")).map(String::trim).toList().contains("save")) {
				continue;
			}
			final Object v = inputs.get(in.getName());
			final Path p = v instanceof java.io.File f ? f.toPath() : v instanceof Path q ? q : null;
			if (p == null || p.toString().isBlank()) continue;
			final Path dir = p.toAbsolutePath().normalize().getParent();
			if (dir == null || !Files.isDirectory(dir)) {
				throw new UsageException(in.getName() + ": the folder of " + p + " does not exist; create it first");
			}
		}
	}

	private static void checkMissing(final ModuleInfo info, final Module module,
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

	private static void checkOutputPath(final String key, final Path target, final List<Path> inputs,
		final boolean overwrite)
	{
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
		if (java.nio.file.Files.exists(abs) && !overwrite) {
			throw new UsageException(key + ": " + target + " exists already; choose another name, or replace it " +
				"(overwrite=true)");
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
