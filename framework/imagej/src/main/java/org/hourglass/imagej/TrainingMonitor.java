package org.hourglass.imagej;

import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.training.EpochResult;
import org.hourglass.api.training.LossValues;
import org.hourglass.api.training.StopRequest;
import org.hourglass.api.training.TrainingListener;
import org.hourglass.api.training.TrainingProgress;
import org.scijava.app.StatusService;

import ij.ImagePlus;

/**
 * Shows a training run to the user, the same way in every host:
 * <ul>
 * <li>status text and progress through SciJava's {@link StatusService} after every step (Fiji's status bar;
 * the command line draws its progress bar from the same events), and each epoch in the log;</li>
 * <li>with a screen (not {@link GraphicsEnvironment#isHeadless() headless}): the {@link TrainingWindow}, with the
 * live loss plot, epoch and step, losses, times, the kept epoch, where the model goes, "Finish early" and
 * "Cancel";</li>
 * <li>always: the final loss curve as an image ({@link #lossCurve()}) for the command's output.</li>
 * </ul>
 * Training stops when the buttons, {@link #requestStop} or {@code cancelled} (usually: the command was
 * cancelled) ask it to. Close the monitor when training has ended: it closes the window (the loss curve is the
 * command's output).
 */
public final class TrainingMonitor implements TrainingListener, AutoCloseable {

	private static final Logger LOG = LogManager.getLogger();
	private static final long STATUS_INTERVAL_NANOS = 100_000_000L;
	private static final int SCALE = 10_000;

	private final StatusService status;
	private final String title;
	private final BooleanSupplier cancelled;
	private final boolean gui;
	private final List<EpochResult> epochs = new ArrayList<>();
	private volatile StopRequest requested = StopRequest.NONE;
	private long lastStatus;

	// touched on the event dispatch thread only
	private TrainingWindow window;

	/** A monitor with its window if there is a screen. */
	public TrainingMonitor(final StatusService status, final String title, final BooleanSupplier cancelled) {
		this(status, title, cancelled, !GraphicsEnvironment.isHeadless());
	}

	/** A monitor with its window if there is a screen, saying that the model goes to {@code where}. */
	public TrainingMonitor(final StatusService status, final String title, final String where,
		final BooleanSupplier cancelled)
	{
		this(status, title, where, cancelled, !GraphicsEnvironment.isHeadless());
	}

	/**
	 * @param status where progress goes
	 * @param title names the run in status text, windows and the loss curve (e.g. the model file name)
	 * @param cancelled polled between steps; true stops training as {@link StopRequest#CANCEL}
	 * @param gui show the live plot and the buttons' window
	 */
	public TrainingMonitor(final StatusService status, final String title, final BooleanSupplier cancelled,
		final boolean gui)
	{
		this(status, title, title, cancelled, gui);
	}

	/**
	 * @param where where the model is saved, for the window
	 */
	public TrainingMonitor(final StatusService status, final String title, final String where,
		final BooleanSupplier cancelled, final boolean gui)
	{
		this.status = status;
		this.title = title;
		this.cancelled = cancelled;
		this.gui = gui;
		if (gui) {
			EventQueue.invokeLater(() -> {
				window = new TrainingWindow("Training " + title, where);
				window.setVisible(true);
			});
		}
	}

	// -- TrainingListener methods --

	@Override
	public void progress(final TrainingProgress p) {
		final long now = System.nanoTime();
		final boolean last = p.epoch() == p.epochs() && p.step() == p.stepsPerEpoch();
		if (!last && now - lastStatus < STATUS_INTERVAL_NANOS) return;
		lastStatus = now;
		if (gui) EventQueue.invokeLater(() -> {
			if (window != null) window.step(p);
		});
		final String loss = Double.isFinite(p.loss().total()) ? String.format(Locale.ROOT, ", loss %.4g", p.loss()
			.total()) + terms(p.loss()) : "";
		status.showStatus((int) Math.round(p.fraction() * SCALE), SCALE, String.format(Locale.ROOT,
			"Training %s: epoch %d/%d, step %d/%d%s, %s left", title, p.epoch(), p.epochs(), p.step(), p
				.stepsPerEpoch(), loss, duration(p.secondsRemaining())));
	}

	@Override
	public void epochFinished(final EpochResult r) {
		final List<EpochResult> copy;
		synchronized (epochs) {
			epochs.add(r);
			copy = List.copyOf(epochs);
		}
		LOG.info("{}: epoch {} training loss {}{} validation loss {}{}{} ({} s)", title, r.epoch(), fmt(r
			.trainingLoss()), terms(r.training()), fmt(r.validationLoss()), terms(r.validation()), r.best() ? " (best)"
				: "", fmt(r.seconds()));
		if (gui) EventQueue.invokeLater(() -> {
			if (window != null) window.epochs(copy);
		});
	}

	@Override
	public StopRequest stopRequest() {
		if (cancelled.getAsBoolean()) return StopRequest.CANCEL;
		final TrainingWindow w = window;
		if (w != null && w.request() != StopRequest.NONE) return w.request();
		return requested;
	}

	// -- TrainingMonitor methods --

	/** Asks training to stop after the current step; the first request wins. */
	public void requestStop(final StopRequest request) {
		if (requested == StopRequest.NONE) requested = request;
	}

	/** The epochs finished so far, oldest first. */
	public List<EpochResult> epochs() {
		synchronized (epochs) {
			return List.copyOf(epochs);
		}
	}

	/** The loss curve of the epochs finished so far, as an image titled {@code <title> loss}. */
	public ImagePlus lossCurve() {
		return LossCurve.image(title + " loss", epochs());
	}

	/** Closes the window. */
	@Override
	public void close() {
		if (gui) {
			EventQueue.invokeLater(() -> {
				if (window != null) window.dispose();
				window = null;
			});
		}
	}

	// -- Helper methods --

	/** The terms of a loss with several, e.g. {@code  (reconstruction 140.2, kl 6.81)}; empty for one. */
	static String terms(final LossValues loss) {
		if (loss.terms().size() < 2) return "";
		final StringBuilder sb = new StringBuilder(" (");
		loss.terms().forEach((k, v) -> sb.append(sb.length() > 2 ? ", " : "").append(k).append(' ').append(fmt(v)));
		return sb.append(')').toString();
	}

	static String duration(final double seconds) {
		if (!(seconds >= 0) || Double.isInfinite(seconds)) return "unknown time";
		final long s = Math.round(seconds);
		if (s < 60) return s + " s";
		if (s < 3600) return (s / 60) + " min " + (s % 60) + " s";
		return (s / 3600) + " h " + (s % 3600 / 60) + " min";
	}

	private static String fmt(final double v) {
		return String.format(Locale.ROOT, "%.4g", v);
	}
}
