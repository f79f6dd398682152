package org.hourglass.runtime.extender;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.scijava.Context;
import org.scijava.event.EventService;
import org.scijava.event.EventSubscriber;
import org.scijava.plugin.DefaultPluginFinder;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.PluginInfo;
import org.scijava.plugin.PluginService;
import org.scijava.service.Service;
import org.scijava.util.ClassUtils;

/**
 * Brings the SciJava plugins of every ACTIVE bundle into one {@link Context}, and takes them out again when
 * the bundle stops.
 * <p>
 * A bundle takes part if it holds a SciJava plugin index ({@value #INDEX}). Its plugins are read with the
 * bundle's own class loader and added to the {@link PluginService} (so its commands appear in the
 * CommandService and ModuleService); its {@link Service}s are created, given their service parameters,
 * initialised (with the bundle's class loader as the thread context class loader, which ND4J and other
 * libraries rely on), added to the Context's service index and subscribed to events. When the bundle leaves
 * the ACTIVE state the services are disposed and removed, and the plugins removed.
 */
public final class PluginExtender implements BundleTrackerCustomizer<BundlePlugins> {

	private static final Logger LOG = LogManager.getLogger();

	/** Where a SciJava plugin jar keeps its index. */
	public static final String INDEX = "META-INF/json/org.scijava.plugin.Plugin";

	private final Context context;
	private final BundleTracker<BundlePlugins> tracker;
	private final Map<Long, BundlePlugins> records = new ConcurrentHashMap<>();

	public PluginExtender(final BundleContext bundleContext, final Context context) {
		this.context = context;
		this.tracker = new BundleTracker<>(bundleContext, Bundle.ACTIVE, this);
	}

	/** Starts tracking; bundles already ACTIVE are added at once. */
	public void open() {
		tracker.open();
	}

	/** Stops tracking; every bundle's plugins and services are removed. */
	public void close() {
		tracker.close();
	}

	/** What each started bundle contributed, in no particular order. */
	public List<BundlePlugins> records() {
		return List.copyOf(records.values());
	}

	/** The bundle that contributed the plugin class {@code className}, if any. */
	public Optional<BundlePlugins> bundleOf(final String className) {
		return records.values().stream().filter(r -> r.provides(className)).findFirst();
	}

	// -- BundleTrackerCustomizer methods --

	@Override
	public BundlePlugins addingBundle(final Bundle bundle, final BundleEvent event) {
		if (bundle.getEntry(INDEX) == null) return null;
		final BundleWiring wiring = bundle.adapt(BundleWiring.class);
		if (wiring == null) return null;
		final ClassLoader loader = wiring.getClassLoader();
		final PluginService pluginService = context.service(PluginService.class);

		final List<PluginInfo<?>> found = new ArrayList<>();
		final Map<String, Throwable> errors = new DefaultPluginFinder(loader).findPlugins(found);
		errors.forEach((cls, t) -> LOG.warn("Bundle {}: cannot read plugin {}: {}", bundle.getSymbolicName(),
			cls, t.toString()));
		// only what this bundle brings: the host's own plugins are already in the Context
		final List<PluginInfo<?>> plugins = new ArrayList<>();
		for (final PluginInfo<?> info : found) {
			if (pluginService.getPlugin(info.getClassName()) == null) plugins.add(info);
		}
		pluginService.addPlugins(plugins);

		final List<Service> services = new ArrayList<>();
		final List<EventSubscriber<?>> subscribers = new ArrayList<>();
		for (final PluginInfo<?> info : plugins) {
			if (!Service.class.isAssignableFrom(info.getPluginType())) continue;
			try {
				final Service service = createService(info, loader);
				services.add(service);
				final EventService events = context.getService(EventService.class);
				if (events != null) subscribers.addAll(events.subscribe(service));
			}
			catch (final Throwable t) {
				LOG.error("Bundle {}: cannot create service {}", bundle.getSymbolicName(), info.getClassName(),
					t);
			}
		}
		final BundlePlugins record = new BundlePlugins(bundle.getBundleId(), bundle.getSymbolicName(),
			bundle.getVersion().toString(), Collections.unmodifiableList(plugins), Collections
				.unmodifiableList(services), Collections.unmodifiableList(subscribers));
		records.put(bundle.getBundleId(), record);
		LOG.info("Bundle {}: added {} plugins, {} services", bundle.getSymbolicName(), plugins.size(), services
			.size());
		return record;
	}

	@Override
	public void modifiedBundle(final Bundle bundle, final BundleEvent event, final BundlePlugins record) {
		// state changes within ACTIVE do not matter
	}

	@Override
	public void removedBundle(final Bundle bundle, final BundleEvent event, final BundlePlugins record) {
		records.remove(record.bundleId());
		final EventService events = context.getService(EventService.class);
		if (events != null && !record.subscribers().isEmpty()) events.unsubscribe(record.subscribers());
		for (final Service service : record.services()) {
			try {
				service.dispose();
			}
			catch (final Throwable t) {
				LOG.warn("Bundle {}: disposing {} failed: {}", record.symbolicName(), service.getClass().getName(),
					t.toString());
			}
			context.getServiceIndex().remove(service);
		}
		context.service(PluginService.class).removePlugins(record.plugins());
		LOG.info("Bundle {}: removed {} plugins, {} services", record.symbolicName(), record.plugins().size(),
			record.services().size());
	}

	// -- Helper methods --

	/** Creates a service the way the Context creates its own, inside the bundle's class loader. */
	private Service createService(final PluginInfo<?> info, final ClassLoader loader) throws Exception {
		final Thread thread = Thread.currentThread();
		final ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(loader);
		try {
			final Service service = (Service) info.createInstance();
			service.setContext(context);
			service.setPriority(info.getPriority());
			@SuppressWarnings({ "unchecked", "rawtypes" })
			final PluginInfo<Service> typed = (PluginInfo) info;
			service.setInfo(typed);
			for (final Field f : ClassUtils.getAnnotatedFields(service.getClass(), Parameter.class)) {
				if (Service.class.isAssignableFrom(f.getType())) {
					@SuppressWarnings("unchecked")
					final Class<? extends Service> type = (Class<? extends Service>) f.getType();
					ClassUtils.setValue(f, service, context.service(type));
				}
				else if (Context.class.isAssignableFrom(f.getType())) {
					ClassUtils.setValue(f, service, context);
				}
			}
			service.initialize();
			context.getServiceIndex().add(service);
			return service;
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}
}
