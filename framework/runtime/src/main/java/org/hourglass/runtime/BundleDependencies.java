package org.hourglass.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hourglass.runtime.extender.BundlePlugins;
import org.hourglass.runtime.extender.PluginExtender;
import org.hourglass.runtime.extender.ServiceNeeds;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.scijava.Context;
import org.scijava.service.Service;

/**
 * What the bundles of a workbench need from each other: the packages OSGi wires between them, and the SciJava
 * services their plugins need, which come through the {@link PluginExtender} and which OSGi does not see (the
 * Denoise commands need the engine's {@code ModelService} but import nothing from the engine).
 */
final class BundleDependencies {

	private static final Pattern PACKAGE = Pattern.compile("osgi\\.wiring\\.package=([^)]+)\\)");

	/**
	 * One thing a bundle needs and who provides it.
	 *
	 * @param what a service's simple class name, or {@code package <name>}
	 * @param provider the providing bundle's symbolic name, {@code (host)}, or {@code null} if nothing provides it
	 */
	record Need(String what, String provider) {

		boolean missing() {
			return provider == null;
		}

		@Override
		public String toString() {
			return what + (provider == null ? ": MISSING" : " from " + provider);
		}
	}

	private final Bundle system;
	private final PluginExtender extender;
	private final Context context;

	BundleDependencies(final Bundle system, final PluginExtender extender, final Context context) {
		this.system = system;
		this.extender = extender;
		this.context = context;
	}

	/**
	 * The bundles that need {@code bundle} directly: wired to its packages, or whose plugins need a service only it
	 * provides.
	 */
	List<Bundle> dependants(final Bundle bundle) {
		final Set<Bundle> out = new LinkedHashSet<>();
		final BundleWiring wiring = bundle.adapt(BundleWiring.class);
		if (wiring != null) {
			for (final BundleWire w : wiring.getProvidedWires(null)) {
				final Bundle requirer = w.getRequirerWiring().getBundle();
				if (requirer.getBundleId() != bundle.getBundleId()) out.add(requirer);
			}
		}
		final List<Service> only = servicesOf(bundle);
		if (!only.isEmpty()) {
			for (final Bundle b : system.getBundleContext().getBundles()) {
				if (b.getBundleId() == 0 || b.getBundleId() == bundle.getBundleId() || b.getState() != Bundle.ACTIVE) continue;
				for (final Class<? extends Service> type : ServiceNeeds.of(b)) {
					if (only.stream().anyMatch(type::isInstance) && !providedElsewhere(type, bundle)) out.add(b);
				}
			}
		}
		return List.copyOf(out);
	}

	/** {@link #dependants} and theirs, and so on: what stops working without {@code bundle}. */
	List<Bundle> allDependants(final Bundle bundle) {
		final Set<Bundle> out = new LinkedHashSet<>();
		final Deque<Bundle> todo = new ArrayDeque<>(List.of(bundle));
		while (!todo.isEmpty()) {
			for (final Bundle d : dependants(todo.pop())) {
				if (d.getBundleId() != bundle.getBundleId() && out.add(d)) todo.add(d);
			}
		}
		return List.copyOf(out);
	}

	/**
	 * What {@code bundle} needs and who provides it: for a bundle that is not resolved, the packages it imports
	 * that no installed bundle exports; otherwise the services its plugins need (host services left out, they are
	 * always there).
	 */
	List<Need> needs(final Bundle bundle) {
		final List<Need> out = new ArrayList<>();
		if (bundle.getState() == Bundle.INSTALLED) {
			for (final String p : missingPackages(bundle)) out.add(new Need("package " + p, null));
			return out;
		}
		for (final Class<? extends Service> type : ServiceNeeds.of(bundle)) {
			final String provider = provider(type);
			if (!"(host)".equals(provider)) out.add(new Need(type.getSimpleName(), provider));
		}
		return out;
	}

	/** The packages {@code bundle} must import that no installed bundle exports. */
	List<String> missingPackages(final Bundle bundle) {
		final BundleRevision revision = bundle.adapt(BundleRevision.class);
		final FrameworkWiring fw = system.adapt(FrameworkWiring.class);
		final List<String> out = new ArrayList<>();
		if (revision == null || fw == null) return out;
		for (final BundleRequirement r : revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
			if (Constants.RESOLUTION_OPTIONAL.equals(r.getDirectives().get(Constants.RESOLUTION_DIRECTIVE))) continue;
			if (!fw.findProviders(r).isEmpty()) continue;
			final Matcher m = PACKAGE.matcher(r.getDirectives().getOrDefault(Constants.FILTER_DIRECTIVE, ""));
			out.add(m.find() ? m.group(1) : String.valueOf(r.getDirectives().get(Constants.FILTER_DIRECTIVE)));
		}
		return out;
	}

	// -- Helper methods --

	/** The services that {@code bundle} added to the Context. */
	private List<Service> servicesOf(final Bundle bundle) {
		return extender.records().stream().filter(r -> r.bundleId() == bundle.getBundleId()).findFirst().map(
			BundlePlugins::services).orElse(List.of());
	}

	/** True if a service of {@code type} is in the Context that {@code bundle} did not add. */
	private boolean providedElsewhere(final Class<? extends Service> type, final Bundle bundle) {
		final List<Service> own = servicesOf(bundle);
		return context.getServiceIndex().getAll().stream().anyMatch(s -> type.isInstance(s) && own.stream().noneMatch(
			o -> o == s));
	}

	/** The symbolic name of the bundle that added a service of {@code type}, {@code (host)}, or {@code null}. */
	private String provider(final Class<? extends Service> type) {
		for (final BundlePlugins r : extender.records()) {
			if (r.services().stream().anyMatch(type::isInstance)) return r.symbolicName();
		}
		return context.getService(type) != null ? "(host)" : null;
	}
}
