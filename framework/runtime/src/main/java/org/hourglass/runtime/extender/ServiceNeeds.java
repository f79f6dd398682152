package org.hourglass.runtime.extender;

import java.lang.reflect.Field;
import java.util.LinkedHashSet;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.scijava.plugin.Parameter;
import org.scijava.service.Service;
import org.scijava.util.ClassUtils;

/**
 * The SciJava services a bundle's plugins need: the types of their required {@code @Parameter} service fields
 * (commands and services alike, inherited fields included). The Context fills them in when a plugin is created; a
 * missing one makes the plugin unusable, which no OSGi wiring shows (services come through the extender).
 */
public final class ServiceNeeds {

	private ServiceNeeds() {}

	/**
	 * The service types the plugins of {@code bundle}'s own index need, in index order; empty if the bundle's classes
	 * cannot be loaded (it is not resolved).
	 */
	public static Set<Class<? extends Service>> of(final Bundle bundle) {
		final Set<Class<? extends Service>> needs = new LinkedHashSet<>();
		for (final PluginIndex.Entry e : PluginIndex.read(bundle.getEntry(PluginExtender.INDEX))) {
			final Class<?> c;
			try {
				c = bundle.loadClass(e.className());
			}
			catch (final ClassNotFoundException | RuntimeException | LinkageError ex) {
				continue;
			}
			needs.addAll(of(c));
		}
		return needs;
	}

	/** The service types that {@code pluginClass}'s required {@code @Parameter} fields need. */
	public static Set<Class<? extends Service>> of(final Class<?> pluginClass) {
		final Set<Class<? extends Service>> needs = new LinkedHashSet<>();
		for (final Field f : ClassUtils.getAnnotatedFields(pluginClass, Parameter.class)) {
			if (Service.class.isAssignableFrom(f.getType()) && f.getAnnotation(Parameter.class).required()) {
				@SuppressWarnings("unchecked")
				final Class<? extends Service> type = (Class<? extends Service>) f.getType();
				needs.add(type);
			}
		}
		return needs;
	}
}
