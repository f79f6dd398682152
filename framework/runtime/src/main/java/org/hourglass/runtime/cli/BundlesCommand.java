package org.hourglass.runtime.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarFile;

import org.hourglass.runtime.Workbench;
import org.hourglass.runtime.WorkbenchException;
import org.hourglass.runtime.command.PartFiles;
import org.hourglass.runtime.command.UsageException;
import org.osgi.framework.Bundle;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hourglass bundles}: lists the bundles with their state and what they need; {@code install} copies a
 * bundle jar into the installation's bundles folder and checks that it starts; {@code uninstall} moves it out to
 * {@code bundles/uninstalled/}, refusing while other bundles need it unless {@code --force}.
 */
@Command(name = "bundles", mixinStandardHelpOptions = true,
	description = "List the bundles: state, version, and what each needs from other bundles (the services its " +
		"commands use, or the packages it imports) with who provides it, or MISSING.",
	subcommands = { BundlesCommand.Install.class, BundlesCommand.Uninstall.class })
final class BundlesCommand implements Runnable {

	@ParentCommand
	private HourglassCli cli;

	@Spec
	private CommandSpec spec;

	@Override
	public void run() {
		final var out = spec.commandLine().getOut();
		final Workbench wb = cli.workbench();
		out.printf("%-4s  %-9s  %-34s  %-8s  %s%n", "ID", "STATE", "SYMBOLIC NAME", "VERSION", "NEEDS");
		for (final Bundle b : wb.bundles()) {
			final List<String> needs = wb.needs(b);
			out.printf("%-4d  %-9s  %-34s  %-8s  %s%n", b.getBundleId(), state(b.getState()), b.getSymbolicName(), b
				.getVersion(), needs.isEmpty() ? "-" : String.join(", ", needs));
		}
		out.flush();
	}

	static String state(final int state) {
		return Workbench.stateName(state);
	}

	@Command(name = "install", mixinStandardHelpOptions = true,
		description = "Copy a bundle jar into the bundles folder and start it. It is kept there as <name>.jar (the " +
			"workbench starts every .jar there): a file whose name does not end in .jar is named after its bundle.")
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
			final Path folder = wb.config().bundles();
			final Path target = folder.resolve(fileName(jar, name));
			if (Files.exists(target)) throw new UsageException(target + " already exists");
			try {
				final Path temp = PartFiles.create(target);
				try {
					Files.copy(jar, temp, StandardCopyOption.REPLACE_EXISTING);
					Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
				}
				finally {
					Files.deleteIfExists(temp);
				}
			}
			catch (final IOException e) {
				throw new WorkbenchException("cannot copy " + jar + " into " + folder + ": " + e.getMessage(), e);
			}
			try {
				final Bundle b = wb.install(target);
				parent.spec.commandLine().getOut().printf("installed %s %s (%s) as %s%n", b.getSymbolicName(), b
					.getVersion(), state(b.getState()), target);
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

		/** The name in the bundles folder: the jar's own, or the symbolic name for a file that does not end in .jar. */
		static String fileName(final Path jar, final String symbolicName) {
			final String own = jar.getFileName().toString();
			return own.toLowerCase(java.util.Locale.ROOT).endsWith(".jar") && !own.startsWith(".") ? own : symbolicName +
				".jar";
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

	@Command(name = "uninstall", mixinStandardHelpOptions = true,
		description = "Remove a bundle (by symbolic name): its jar moves to bundles/uninstalled/, from where it can be " +
			"installed again. Refused while other bundles need it, unless --force.")
	static final class Uninstall implements Runnable {

		@ParentCommand
		private BundlesCommand parent;

		@Parameters(paramLabel = "<symbolic-name>", description = "The bundle's symbolic name.")
		private String name;

		@Option(names = "--force", description = "Uninstall it even if other bundles need it; they are stopped in this " +
			"run, and their commands refuse to run, saying what is missing, until it is installed again.")
		private boolean force;

		@Override
		public void run() {
			final Workbench wb = parent.cli.workbench();
			final Bundle b = wb.bundle(name);
			if (b == null) throw new UsageException("no bundle named '" + name + "' (list them with: hourglass bundles)");
			final Path file = fileOf(b.getLocation());
			final List<Bundle> stopped = wb.uninstall(name, force);
			final var out = parent.spec.commandLine().getOut();
			final Path folder = wb.config().bundles().toAbsolutePath().normalize();
			if (file != null && file.startsWith(folder) && Files.exists(file)) {
				final Path kept = folder.resolve("uninstalled").resolve(file.getFileName());
				try {
					Files.createDirectories(kept.getParent());
					Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
				}
				catch (final IOException e) {
					throw new WorkbenchException("uninstalled " + name + " but cannot move " + file + " out of the bundles " +
						"folder: " + e.getMessage(), e);
				}
				out.printf("uninstalled %s (its jar is now %s)%n", name, kept);
			}
			else {
				out.printf("uninstalled %s%n", name);
			}
			if (!stopped.isEmpty()) {
				final boolean one = stopped.size() == 1;
				out.printf("stopped %s, which need%s it: %s installed, and %s commands refuse to run until %s is " +
					"installed again%n", String.join(", ", stopped.stream().map(Bundle::getSymbolicName).toList()), one ? "s"
						: "", one ? "it stays" : "they stay", one ? "its" : "their", name);
			}
			out.flush();
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
