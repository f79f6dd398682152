package org.hourglass.runtime.osgi;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.osgi.framework.Constants;

/** The properties the embedded Felix framework starts with. */
public final class FrameworkProperties {

	private FrameworkProperties() {}

	/**
	 * Storage in {@code cache} (cleaned on first init), the host packages exported by the system bundle, and
	 * boot delegation for the JDK's internal packages that native libraries reach for; Felix's own log goes
	 * to Log4j2.
	 */
	public static Map<String, Object> defaults(final Path cache, final String hostPackages) {
		final Map<String, Object> p = new HashMap<>();
		p.put(Constants.FRAMEWORK_STORAGE, cache.toAbsolutePath().toString());
		p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
		p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, hostPackages);
		p.put(Constants.FRAMEWORK_BOOTDELEGATION, "sun.*,com.sun.*,jdk.internal.*");
		p.put("felix.log.level", "3");
		p.put("felix.log.logger", new FelixLog());
		return p;
	}
}
