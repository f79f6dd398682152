package org.hourglass.runtime.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HostPackagesTest {

	@Test
	void mavenVersionsBecomeOsgiVersions() {
		assertEquals("2.100.1", HostPackages.osgiVersion("2.100.1"));
		assertEquals("1.54.0.p", HostPackages.osgiVersion("1.54p"));
		assertEquals("2.0.17.SNAPSHOT", HostPackages.osgiVersion("2.0.17-SNAPSHOT"));
		assertEquals("4.0.0", HostPackages.osgiVersion("4"));
		assertNull(HostPackages.osgiVersion("unknown"));
		assertNull(HostPackages.osgiVersion(null));
	}

	@Test
	void exportHeadersKeepOnlyNamesAndVersions() {
		final List<ExportClause> clauses = ExportClause.parse(
			"a.b;uses:=\"c.d,e.f\";version=\"1.2.3\",g;h;version=2,i");
		assertEquals(List.of(new ExportClause("a.b", "1.2.3"), new ExportClause("g", "2"), new ExportClause("h",
			"2"), new ExportClause("i", null)), clauses);
	}

	@Test
	void prefixesMatchThemselvesAndSubpackagesOnly() {
		assertTrue(HostPackages.matches("ij", List.of("ij")));
		assertTrue(HostPackages.matches("ij.process", List.of("ij")));
		assertFalse(HostPackages.matches("ijx", List.of("ij")));
		assertFalse(HostPackages.matches("org.nd4j.linalg", HostPackages.DEFAULT_PREFIXES));
	}

	@Test
	void theTestClassPathExportsTheHostLibrariesWithVersions() {
		final Map<String, String> p = HostPackages.scan(getClass().getClassLoader(),
			HostPackages.DEFAULT_PREFIXES);
		assertEquals("2.100.1", p.get("org.scijava.command"), "scijava-common: version of the jar");
		assertEquals("1.54.0.p", p.get("ij.process"), "ij: version of the jar");
		assertTrue(p.containsKey("net.imglib2"));
		assertTrue(p.get("org.slf4j").startsWith("2.0"), "slf4j: its own Export-Package version");
		assertTrue(p.containsKey("org.apache.logging.log4j"));
		assertTrue(p.containsKey("picocli"));
		assertFalse(p.containsKey("org.junit.jupiter.api"), "only the host prefixes");
		final String header = HostPackages.export(getClass().getClassLoader(), HostPackages.DEFAULT_PREFIXES);
		assertTrue(header.contains("org.scijava.plugin;version=\"2.100.1\""), header);
	}
}
