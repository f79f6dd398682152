package org.hourglass.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.felix.framework.FrameworkFactory;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.runtime.command.CommandEntry;
import org.hourglass.runtime.command.CommandRunner;
import org.hourglass.runtime.command.PartFiles;
import org.hourglass.runtime.extender.BundlePlugins;
import org.hourglass.runtime.extender.PluginExtender;
import org.hourglass.runtime.osgi.FrameworkProperties;
import org.hourglass.runtime.osgi.HostPackages;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;

/**
 * The Hourglass workbench: one SciJava {@link Context} on the launcher's class path, an embedded Felix
 * framework whose system bundle lends the host packages to the bundles, and the {@link PluginExtender} that
 * brings each started bundle's plugins into the Context.
 * <p>
 * {@link #start} installs and starts every jar in the bundles folder; bundles can then be installed and
 * uninstalled while the workbench runs. {@link #close} stops the framework and disposes the Context.
 * <p>
 * Without a configured cache the framework's storage lives in this process's {@link ScratchFolder}, removed when
 * the workbench closes or the process exits; starting removes the scratch folders of killed processes, and the
 * part files of interrupted copies in the bundles folder. A bundle that others need (its packages, or a service
 * their commands use) is only uninstalled with {@code force}, which stops them too.
 */
public final class Workbench implements AutoCloseable {

	private static final Logger LOG = LogManager.getLogger();

	private final WorkbenchConfig config;
	private final Context context;
	private final Framework framework;
	private final PluginExtender extender;
	private final ScratchFolder scratch;
	private final BundleDependencies dependencies;
	private final CommandOrigins origins;
	/** Bundles that {@link #uninstall(String, boolean)} stopped, started again when a bundle is installed. */
	private final Set<Bundle> stoppedDependants = new LinkedHashSet<>();

	private Workbench(final WorkbenchConfig config, final Context context, final Framework framework,
		final PluginExtender extender, final ScratchFolder scratch)
	{
		this.config = config;
		this.context = context;
		this.framework = framework;
		this.extender = extender;
		this.scratch = scratch;
		this.dependencies = new BundleDependencies(framework, extender, context);
		this.origins = new CommandOrigins(this);
	}

	/**
	 * Creates the Context, starts the framework and every bundle in {@link WorkbenchConfig#bundles()}.
	 * A bundle that fails to start is logged and left installed; see {@link #bundles()}.
	 *
	 * @throws WorkbenchException if the framework cannot start
	 */
	public static Workbench start(final WorkbenchConfig config) {
		final long t0 = System.nanoTime();
		final Context context = new Context();
		Path cache = config.cache();
		ScratchFolder scratch = null;
		Framework framework = null;
		try {
			if (cache == null) {
				final Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
				ScratchFolder.removeStale(tmp);
				scratch = ScratchFolder.create(tmp);
				cache = scratch.path().resolve("felix");
			}
			final String hostPackages = HostPackages.export(Workbench.class.getClassLoader(),
				HostPackages.DEFAULT_PREFIXES);
			final Map<String, Object> props = FrameworkProperties.defaults(cache, hostPackages);
			props.putAll(config.frameworkProperties());
			@SuppressWarnings({ "unchecked", "rawtypes" })
			final Map<String, String> raw = (Map) props;
			framework = new FrameworkFactory().newFramework(raw);
			framework.init();
			final PluginExtender extender = new PluginExtender(framework.getBundleContext(), context);
			extender.open();
			framework.start();
			final Workbench wb = new Workbench(config, context, framework, extender, scratch);
			wb.startBundleFolder();
			LOG.info("Workbench started in {} ms", (System.nanoTime() - t0) / 1_000_000);
			return wb;
		}
		catch (final IOException | BundleException | RuntimeException e) {
			stopQuietly(framework);
			context.dispose();
			if (scratch != null) scratch.close();
			throw new WorkbenchException("cannot start the OSGi framework: " + e.getMessage(), e);
		}
	}

	public WorkbenchConfig config() {
		return config;
	}

	/** The one SciJava Context. */
	public Context context() {
		return context;
	}

	public Framework framework() {
		return framework;
	}

	public PluginExtender extender() {
		return extender;
	}

	/** Runs commands of this Context from strings; a command of a bundle that is not active is explained. */
	public CommandRunner runner() {
		return new CommandRunner(context, origins::absence);
	}

	/** This process's scratch folder (removed on close), or {@code null} if the configuration names a cache. */
	public Path scratch() {
		return scratch == null ? null : scratch.path();
	}

	/** Every command in the Context with the bundle it came from ({@code host} for the class path). */
	public List<CommandEntry> commands() {
		final List<CommandEntry> out = new ArrayList<>();
		for (final CommandInfo info : context.service(CommandService.class).getCommands()) {
			final String bundle = extender.bundleOf(info.getClassName()).map(BundlePlugins::symbolicName)
				.orElse(CommandEntry.HOST);
			out.add(CommandEntry.of(info, bundle));
		}
		out.sort(Comparator.comparing(CommandEntry::bundle).thenComparing(CommandEntry::name));
		return out;
	}

	/** The installed bundles, the system bundle excluded. */
	public List<Bundle> bundles() {
		final List<Bundle> out = new ArrayList<>();
		for (final Bundle b : framework.getBundleContext().getBundles()) {
			if (b.getBundleId() != 0) out.add(b);
		}
		return out;
	}

	/**
	 * Installs and starts the bundle {@code jar} (by reference: the file stays where it is).
	 *
	 * @throws WorkbenchException if it is not a bundle, or its imports cannot be resolved
	 */
	public Bundle install(final Path jar) {
		final Bundle bundle;
		try {
			bundle = framework.getBundleContext().installBundle(location(jar));
		}
		catch (final BundleException e) {
			throw new WorkbenchException("cannot install " + jar + ": " + e.getMessage(), e);
		}
		try {
			bundle.start();
		}
		catch (final BundleException e) {
			throw new WorkbenchException("installed " + bundle.getSymbolicName() + " but cannot start it: " + e
				.getMessage(), e);
		}
		restartStoppedDependants();
		return bundle;
	}

	/** The installed bundle called {@code symbolicName}, or {@code null}. */
	public Bundle bundle(final String symbolicName) {
		for (final Bundle b : bundles()) {
			if (symbolicName.equals(b.getSymbolicName())) return b;
		}
		return null;
	}

	/**
	 * Stops and uninstalls the bundle {@code symbolicName}; its plugins leave the Context.
	 *
	 * @throws WorkbenchException if there is no such bundle, or other bundles need it ({@link #dependants})
	 */
	public void uninstall(final String symbolicName) {
		uninstall(symbolicName, false);
	}

	/**
	 * Stops and uninstalls the bundle {@code symbolicName}; its plugins leave the Context. With {@code force}, the
	 * bundles that need it are stopped first (they stay installed, and start again when a bundle is installed).
	 *
	 * @return the bundles stopped because they need it
	 * @throws WorkbenchException if there is no such bundle, or others need it and {@code force} is false
	 */
	public List<Bundle> uninstall(final String symbolicName, final boolean force) {
		final Bundle b = bundle(symbolicName);
		if (b == null) throw new WorkbenchException("no bundle named '" + symbolicName + "' is installed");
		final List<Bundle> dependants = dependencies.allDependants(b).stream().filter(d -> d.getState() == Bundle.ACTIVE ||
			d.getState() == Bundle.RESOLVED).toList();
		if (!dependants.isEmpty() && !force) {
			throw new WorkbenchException(symbolicName + " is needed by " + names(dependants) + "; uninstall " + (dependants
				.size() > 1 ? "them" : "it") + " first, or use --force to stop " + (dependants.size() > 1 ? "them" : "it") +
				" too");
		}
		final List<Bundle> stopped = new ArrayList<>();
		for (final Bundle d : dependants) {
			try {
				if (d.getState() == Bundle.ACTIVE) {
					d.stop(Bundle.STOP_TRANSIENT);
					stopped.add(d);
					stoppedDependants.add(d);
				}
			}
			catch (final BundleException e) {
				throw new WorkbenchException("cannot stop " + d.getSymbolicName() + ", which needs " + symbolicName + ": " + e
					.getMessage(), e);
			}
		}
		try {
			b.uninstall();
		}
		catch (final BundleException e) {
			throw new WorkbenchException("cannot uninstall " + symbolicName + ": " + e.getMessage(), e);
		}
		stoppedDependants.remove(b);
		if (!dependants.isEmpty()) refresh(b);
		return stopped;
	}

	/** Lets go of an uninstalled bundle's classes: bundles wired to it are unresolved until a provider comes. */
	private void refresh(final Bundle uninstalled) {
		final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
		framework.adapt(org.osgi.framework.wiring.FrameworkWiring.class).refreshBundles(List.of(uninstalled),
			event -> done.countDown());
		try {
			if (!done.await(30, java.util.concurrent.TimeUnit.SECONDS)) LOG.warn("Refreshing bundles took too long");
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The bundles that stop working without {@code symbolicName}: they use its packages or services, directly or not. */
	public List<Bundle> dependants(final String symbolicName) {
		final Bundle b = bundle(symbolicName);
		return b == null ? List.of() : dependencies.allDependants(b);
	}

	/**
	 * What {@code bundle} needs from other bundles, each with its provider or {@code MISSING}: the services its
	 * plugins use ({@code ModelService from hourglass-engine}), or for a bundle that cannot be resolved, the
	 * packages nobody exports ({@code package org.hourglass.api: MISSING}).
	 */
	public List<String> needs(final Bundle bundle) {
		return dependencies.needs(bundle).stream().map(Object::toString).toList();
	}

	BundleDependencies dependencies() {
		return dependencies;
	}

	/** A bundle state as the command line shows it. */
	public static String stateName(final int state) {
		return switch (state) {
			case Bundle.ACTIVE -> "ACTIVE";
			case Bundle.RESOLVED -> "RESOLVED";
			case Bundle.INSTALLED -> "INSTALLED";
			case Bundle.STARTING -> "STARTING";
			case Bundle.STOPPING -> "STOPPING";
			default -> "UNINSTALLED";
		};
	}

	@Override
	public void close() {
		stopQuietly(framework);
		context.dispose();
		if (scratch != null) scratch.close();
	}

	// -- Helper methods --

	private void startBundleFolder() throws IOException {
		final Path dir = config.bundles();
		if (!Files.isDirectory(dir)) {
			LOG.warn("No bundle folder at {}", dir);
			return;
		}
		PartFiles.removeStale(dir);
		final List<Bundle> installed = new ArrayList<>();
		try (Stream<Path> jars = Files.list(dir)) {
			for (final Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
				try {
					installed.add(framework.getBundleContext().installBundle(location(jar)));
				}
				catch (final BundleException e) {
					LOG.error("Cannot install {}: {}", jar.getFileName(), e.getMessage());
				}
			}
		}
		for (final Bundle b : installed) {
			try {
				if (!isFragment(b)) b.start();
			}
			catch (final BundleException e) {
				final List<String> missing = dependencies.missingPackages(b);
				if (missing.isEmpty()) LOG.error("Cannot start {}: {}", b.getSymbolicName(), e.getMessage());
				else LOG.warn("Not starting {}: it needs the package{} {}, which no installed bundle provides", b
					.getSymbolicName(), missing.size() > 1 ? "s" : "", String.join(", ", missing));
			}
		}
	}

	/** Starts the bundles an earlier forced uninstall stopped, now that a bundle came that may be what they need. */
	private void restartStoppedDependants() {
		for (final Bundle d : List.copyOf(stoppedDependants)) {
			if (d.getState() == Bundle.UNINSTALLED || d.getState() == Bundle.ACTIVE) {
				stoppedDependants.remove(d);
				continue;
			}
			try {
				d.start(Bundle.START_TRANSIENT);
				stoppedDependants.remove(d);
			}
			catch (final BundleException e) {
				LOG.debug("{} still cannot start: {}", d.getSymbolicName(), e.getMessage());
			}
		}
	}

	private static String names(final List<Bundle> bundles) {
		return String.join(", ", bundles.stream().map(Bundle::getSymbolicName).toList());
	}

	private static boolean isFragment(final Bundle b) {
		return b.getHeaders().get("Fragment-Host") != null;
	}

	/** A reference location: Felix reads the jar in place instead of copying it into its cache. */
	static String location(final Path jar) {
		return "reference:" + jar.toAbsolutePath().normalize().toUri();
	}

	private static void stopQuietly(final Framework framework) {
		if (framework == null) return;
		try {
			framework.stop();
			framework.waitForStop(30_000);
		}
		catch (final BundleException | InterruptedException e) {
			LOG.warn("Stopping the framework: {}", e.toString());
			if (e instanceof InterruptedException) Thread.currentThread().interrupt();
		}
	}

	/** The version of the runtime, from its jar's manifest or its build properties. */
	public static String version() {
		final String v = Workbench.class.getPackage().getImplementationVersion();
		if (v != null) return v;
		try (InputStream in = Workbench.class.getResourceAsStream("version.properties")) {
			if (in == null) return "unknown";
			final java.util.Properties p = new java.util.Properties();
			p.load(in);
			return p.getProperty("version", "unknown");
		}
		catch (final IOException e) {
			return "unknown";
		}
	}
}
