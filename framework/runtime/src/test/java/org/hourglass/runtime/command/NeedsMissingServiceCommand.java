package org.hourglass.runtime.command;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.service.SciJavaService;

/** A test command that needs a service no plugin provides, as a command does whose engine bundle was removed. */
@Plugin(type = Command.class, name = "test-needs-missing")
public class NeedsMissingServiceCommand implements Command {

	/** A service nobody implements. */
	public interface AbsentService extends SciJavaService {}

	@Parameter
	private AbsentService absent;

	@Override
	public void run() {
		throw new AssertionError("never runs: its service is missing");
	}
}
