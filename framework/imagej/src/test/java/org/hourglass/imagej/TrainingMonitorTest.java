package org.hourglass.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hourglass.api.Progress;
import org.hourglass.api.training.EpochResult;
import org.hourglass.api.training.LossValues;
import org.hourglass.api.training.StopRequest;
import org.hourglass.api.training.TrainingProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.app.event.StatusEvent;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;

class TrainingMonitorTest {

	private Context context;
	private StatusService status;
	private final List<StatusEvent> events = new CopyOnWriteArrayList<>();

	@BeforeEach
	void setUp() {
		context = new Context(StatusService.class, EventService.class);
		status = context.service(StatusService.class);
		context.service(EventService.class).subscribe(this);
	}

	@AfterEach
	void tearDown() {
		context.dispose();
	}

	@EventHandler
	public void onStatus(final StatusEvent e) {
		events.add(e);
	}

	/** Status events are published asynchronously. */
	private void await(final int count) {
		final long end = System.nanoTime() + 5_000_000_000L;
		while (events.size() < count && System.nanoTime() < end) Thread.onSpinWait();
		try {
			Thread.sleep(50); // let any further event arrive
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void stepsBecomeStatusEventsAndEpochsAreKept() {
		final AtomicBoolean cancelled = new AtomicBoolean();
		try (TrainingMonitor m = new TrainingMonitor(status, "model", cancelled::get, false)) {
			m.progress(new TrainingProgress(1, 2, 1, 3, LossValues.of(0.5), 1e-3, 1, 90));
			m.progress(new TrainingProgress(2, 2, 3, 3, LossValues.of(0.25), 1e-3, 2, 0));
			m.epochFinished(EpochResult.of(1, 0.5, 0.4, 1e-3, 1, true));
			assertEquals(StopRequest.NONE, m.stopRequest());
			m.requestStop(StopRequest.FINISH_EARLY);
			m.requestStop(StopRequest.CANCEL);
			assertEquals(StopRequest.FINISH_EARLY, m.stopRequest());
			cancelled.set(true);
			assertEquals(StopRequest.CANCEL, m.stopRequest());
			assertEquals(1, m.epochs().size());
			assertTrue(m.lossCurve().getWidth() > 0);
		}
		await(2);
		assertEquals(2, events.size(), "first step and last step always shown");
		// the status service may deliver the two events in either order
		final StatusEvent first = events.stream().filter(e -> e.getStatusMessage().contains("epoch 1/2, step 1/3"))
			.findFirst().orElseThrow(() -> new AssertionError("no event for the first step: " + events));
		final StatusEvent last = events.get(events.get(0) == first ? 1 : 0);
		assertTrue(first.getStatusMessage().contains("1 min 30 s left"), first.getStatusMessage());
		assertTrue(last.getStatusMessage().contains("epoch 2/2, step 3/3"), last.getStatusMessage());
		assertEquals(last.getProgressMaximum(), last.getProgressValue());
	}

	@Test
	void partsOfAStatusProgressFillOneBar() {
		final AtomicBoolean cancelled = new AtomicBoolean();
		final StatusProgress p = new StatusProgress(status, "Denoising", cancelled::get);
		final Progress second = p.part(1, 4, "b.tif");
		second.update(1, 2);
		await(2);
		// the start of the part (1/4 of the bar) and the update (half of the second quarter), in either order
		final List<Double> fractions = events.stream().map(e -> e.getProgressValue() / (double) e.getProgressMaximum())
			.sorted().toList();
		assertEquals(2, fractions.size(), events.toString());
		assertEquals(0.25, fractions.get(0), 1e-3);
		assertEquals(0.375, fractions.get(1), 1e-3);
		assertTrue(events.stream().allMatch(e -> e.getStatusMessage().equals("Denoising b.tif (2/4)")),
			events.toString());
		assertFalse(second.isCancelled());
		cancelled.set(true);
		assertTrue(second.isCancelled());
	}
}
