package org.hourglass.runtime.extender;

import java.util.List;

import org.scijava.event.EventSubscriber;
import org.scijava.plugin.PluginInfo;
import org.scijava.service.Service;

/**
 * What one started bundle contributed to the Context: its plugins (commands and others), the services
 * created from it and their event subscriptions. Removed again, as a whole, when the bundle stops.
 *
 * @param bundleId the bundle's id in the framework
 * @param symbolicName the bundle's symbolic name
 * @param version the bundle's version
 * @param plugins every plugin added to the {@link org.scijava.plugin.PluginService}
 * @param services the services created, initialised and added to the Context
 * @param subscribers the services' event subscriptions
 */
public record BundlePlugins(long bundleId, String symbolicName, String version, List<PluginInfo<?>> plugins,
	List<Service> services, List<EventSubscriber<?>> subscribers)
{

	/** True if this bundle contributed the plugin class {@code className}. */
	public boolean provides(final String className) {
		return plugins.stream().anyMatch(p -> p.getClassName().equals(className));
	}
}
