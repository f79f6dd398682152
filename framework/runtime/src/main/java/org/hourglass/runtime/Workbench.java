package org.hourglass.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.felix.framework.FrameworkFactory;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.runtime.command.CommandEntry;
import org.hourglass.runtime.command.CommandRunner;
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
 */
public final class Workbench implements AutoCloseable {

	private static final Logger LOG = LogManager.getLogger();

	private final WorkbenchConfig config;
	private final Context context;
	private final Framework framework;
	private final PluginExtender extender;
	private final Path cache;
	private final boolean temporaryCache;

	private Workbench(final WorkbenchConfig config, final Context context, final Framework framework,
		final PluginExtender extender, final Path cache, final boolean temporaryCache)
	{
		this.config = config;
		this.context = context;
		this.framework = framework;
		this.extender = extender;
		this.cache = cache;
		this.temporaryCache = temporaryCache;
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
		final boolean temporary = cache == null;
		Framework framework = null;
		try {
			if (temporary) cache = Files.createTempDirectory("hourglass-felix-");
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
			final Workbench wb = new Workbench(config, context, framework, extender, cache, temporary);
			wb.startBundleFolder();
			LOG.info("Workbench started in {} ms", (System.nanoTime() - t0) / 1_000_000);
			return wb;
		}
		catch (final IOException | BundleException | RuntimeException e) {
			stopQuietly(framework);
			context.dispose();
			if (temporary && cache != null) deleteTree(cache);
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

	/** Runs commands of this Context from strings. */
	public CommandRunner runner() {
		return new CommandRunner(context);
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
	 * @throws WorkbenchException if there is no such bundle
	 */
	public void uninstall(final String symbolicName) {
		final Bundle b = bundle(symbolicName);
		if (b == null) throw new WorkbenchException("no bundle named '" + symbolicName + "' is installed");
		try {
			b.uninstall();
		}
		catch (final BundleException e) {
			throw new WorkbenchException("cannot uninstall " + symbolicName + ": " + e.getMessage(), e);
		}
	}

	@Override
	public void close() {
		stopQuietly(framework);
		context.dispose();
		if (temporaryCache) deleteTree(cache);
	}

	// -- Helper methods --

	private void startBundleFolder() throws IOException {
		final Path dir = config.bundles();
		if (!Files.isDirectory(dir)) {
			LOG.warn("No bundle folder at {}", dir);
			return;
		}
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
				LOG.error("Cannot start {}: {}", b.getSymbolicName(), e.getMessage());
			}
		}
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

	static void deleteTree(final Path root) {
		if (root == null || !Files.exists(root)) return;
		try (Stream<Path> files = Files.walk(root)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.deleteIfExists(p);
				}
				catch (final IOException e) {
					LOG.debug("Cannot delete {}", p);
				}
			});
		}
		catch (final IOException e) {
			LOG.debug("Cannot delete {}: {}", root, e.toString());
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
