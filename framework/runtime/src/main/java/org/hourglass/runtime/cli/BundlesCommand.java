package org.hourglass.runtime.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;

import org.hourglass.runtime.Workbench;
import org.hourglass.runtime.WorkbenchException;
import org.hourglass.runtime.command.UsageException;
import org.osgi.framework.Bundle;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hourglass bundles}: lists the bundles; {@code install} copies a bundle jar into the installation's
 * bundles folder and checks that it starts; {@code uninstall} removes it.
 */
@Command(name = "bundles", description = "List the bundles with their state; install or uninstall one.",
	subcommands = { BundlesCommand.Install.class, BundlesCommand.Uninstall.class })
final class BundlesCommand implements Runnable {

	@ParentCommand
	private HourglassCli cli;

	@Spec
	private CommandSpec spec;

	@Override
	public void run() {
		final var out = spec.commandLine().getOut();
		out.printf("%-4s  %-9s  %-34s  %s%n", "ID", "STATE", "SYMBOLIC NAME", "VERSION");
		for (final Bundle b : cli.workbench().bundles()) {
			out.printf("%-4d  %-9s  %-34s  %s%n", b.getBundleId(), state(b.getState()), b.getSymbolicName(), b
				.getVersion());
		}
		out.flush();
	}

	static String state(final int state) {
		return switch (state) {
			case Bundle.ACTIVE -> "ACTIVE";
			case Bundle.RESOLVED -> "RESOLVED";
			case Bundle.INSTALLED -> "INSTALLED";
			case Bundle.STARTING -> "STARTING";
			case Bundle.STOPPING -> "STOPPING";
			default -> "UNINSTALLED";
		};
	}

	@Command(name = "install", description = "Copy a bundle jar into the bundles folder and start it.")
	static final class Install implements Runnable {

		@ParentCommand
		private BundlesCommand parent;

		@Parameters(paramLabel = "<jar>", description = "The bundle jar.")
		private Path jar;

		@Override
		public void run() {
			if (!Files.isRegularFile(jar)) throw new UsageException("no such file: " + jar);
			final String name = symbolicName(jar);
			final Workbench wb = parent.cli.workbench();
			if (wb.bundle(name) != null) {
				throw new UsageException("a bundle named '" + name + "' is already installed; uninstall it first");
			}
			final Path target = wb.config().bundles().resolve(jar.getFileName());
			if (Files.exists(target)) throw new UsageException(target + " already exists");
			try {
				final Path temp = Files.createTempFile(wb.config().bundles(), ".install-", ".part");
				Files.copy(jar, temp, StandardCopyOption.REPLACE_EXISTING);
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (final IOException e) {
				throw new WorkbenchException("cannot copy " + jar + " into " + wb.config().bundles() + ": " + e
					.getMessage(), e);
			}
			try {
				final Bundle b = wb.install(target);
				parent.spec.commandLine().getOut().printf("installed %s %s (%s)%n", b.getSymbolicName(), b
					.getVersion(), state(b.getState()));
			}
			catch (final WorkbenchException e) {
				try {
					Files.deleteIfExists(target);
				}
				catch (final IOException ignored) {
					// the message below says what matters
				}
				throw e;
			}
		}

		private static String symbolicName(final Path jar) {
			try (JarFile jf = new JarFile(jar.toFile())) {
				final String bsn = jf.getManifest() == null ? null : jf.getManifest().getMainAttributes().getValue(
					"Bundle-SymbolicName");
				if (bsn == null) throw new UsageException(jar + " is not an OSGi bundle (no Bundle-SymbolicName)");
				return bsn.split(";")[0].trim();
			}
			catch (final IOException e) {
				throw new UsageException(jar + " is not a jar: " + e.getMessage());
			}
		}
	}

	@Command(name = "uninstall", description = "Remove a bundle (by symbolic name) from the bundles folder.")
	static final class Uninstall implements Runnable {

		@ParentCommand
		private BundlesCommand parent;

		@Parameters(paramLabel = "<symbolic-name>", description = "The bundle's symbolic name.")
		private String name;

		@Override
		public void run() {
			final Workbench wb = parent.cli.workbench();
			final Bundle b = wb.bundle(name);
			if (b == null) throw new UsageException("no bundle named '" + name + "' (list them with: hourglass bundles)");
			final String location = b.getLocation();
			wb.uninstall(name);
			final Path file = fileOf(location);
			try {
				if (file != null && file.startsWith(wb.config().bundles().toAbsolutePath().normalize())) Files.deleteIfExists(file);
			}
			catch (final IOException e) {
				throw new WorkbenchException("uninstalled " + name + " but cannot delete " + file + ": " + e
					.getMessage(), e);
			}
			parent.spec.commandLine().getOut().printf("uninstalled %s%n", name);
		}

		private static Path fileOf(final String location) {
			final String uri = location.startsWith("reference:") ? location.substring("reference:".length())
				: location;
			try {
				return Path.of(java.net.URI.create(uri)).toAbsolutePath().normalize();
			}
			catch (final RuntimeException e) {
				return null;
			}
		}
	}
}
