package org.hourglass.runtime.command;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.scijava.ItemIO;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * A test command that waits until the test lets it finish and then says whether it stopped early: as a training
 * command does that was asked to stop after its last step.
 */
@Plugin(type = org.scijava.command.Command.class, name = "test-stop-aware")
public class StopAwareCommand extends ContextCommand {

	static volatile CountDownLatch started = new CountDownLatch(1);
	static volatile CountDownLatch release = new CountDownLatch(1);

	@Parameter
	private boolean finishAnyway;

	@Parameter(type = ItemIO.OUTPUT)
	private boolean stoppedEarly;

	@Parameter(type = ItemIO.OUTPUT)
	private String result;

	@Override
	public void run() {
		started.countDown();
		try {
			release.await(60, TimeUnit.SECONDS);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		stoppedEarly = isCanceled() && !finishAnyway;
		result = stoppedEarly ? "partial" : "complete";
	}
}
