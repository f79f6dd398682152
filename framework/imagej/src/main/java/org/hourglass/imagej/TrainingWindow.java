package org.hourglass.imagej;

import java.awt.BorderLayout;
import java.awt.Button;
import java.awt.Canvas;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Frame;
import java.awt.Graphics;
import java.awt.GridLayout;
import java.awt.Image;
import java.awt.Label;
import java.awt.Panel;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.List;
import java.util.Locale;

import org.hourglass.api.training.EpochResult;
import org.hourglass.api.training.StopRequest;
import org.hourglass.api.training.TrainingProgress;

/**
 * The window of a running training: the live loss plot (training and validation loss per epoch, every term of a
 * loss with several, the kept epoch marked), what the run is doing (epoch and step, this step's loss, the last
 * epoch's losses, time per epoch, time elapsed and left, the kept epoch, where the model is saved) and the
 * "Finish early" and "Cancel" buttons. Closing the window does not stop training. Create, update and dispose it
 * on the event dispatch thread; read {@link #request()} from any thread.
 */
final class TrainingWindow extends Frame {

	private static final long serialVersionUID = 1L;
	static final String FINISH = "Finish early";
	static final String CANCEL = "Cancel";

	private volatile StopRequest request = StopRequest.NONE;
	private final PlotCanvas plot = new PlotCanvas();
	private final Label progress = new Label("Starting...");
	private final Label losses = new Label(" ");
	private final Label times = new Label(" ");
	private final Label kept = new Label("Kept: no epoch finished yet");
	private final Label state = new Label(" ");

	TrainingWindow(final String title, final String where) {
		super(title);
		setLayout(new BorderLayout());
		add(plot, BorderLayout.CENTER);
		final Panel info = new Panel(new GridLayout(0, 1));
		info.add(progress);
		info.add(losses);
		info.add(times);
		info.add(kept);
		info.add(new Label("Saving to " + where));
		final Panel buttons = new Panel(new FlowLayout(FlowLayout.RIGHT));
		final Button finish = new Button(FINISH);
		finish.addActionListener(e -> ask(StopRequest.FINISH_EARLY, "Finishing after this step..."));
		final Button cancel = new Button(CANCEL);
		cancel.addActionListener(e -> ask(StopRequest.CANCEL, "Cancelling after this step..."));
		buttons.add(state);
		buttons.add(finish);
		buttons.add(cancel);
		final Panel south = new Panel(new BorderLayout());
		south.add(info, BorderLayout.CENTER);
		south.add(buttons, BorderLayout.SOUTH);
		add(south, BorderLayout.SOUTH);
		addWindowListener(new WindowAdapter() {

			@Override
			public void windowClosing(final WindowEvent e) {
				dispose();
			}
		});
		pack();
	}

	StopRequest request() {
		return request;
	}

	/** After a step. */
	void step(final TrainingProgress p) {
		progress.setText(String.format(Locale.ROOT, "Epoch %d of %d, step %d of %d; this step's loss %s%s", p.epoch(),
			p.epochs(), p.step(), p.stepsPerEpoch(), fmt(p.loss().total()), TrainingMonitor.terms(p.loss())));
		times.setText("Elapsed " + TrainingMonitor.duration(p.secondsElapsed()) + ", about " + TrainingMonitor
			.duration(p.secondsRemaining()) + " left" + epochTime);
	}

	private String epochTime = "";

	/** After an epoch's validation: the plot and the losses. */
	void epochs(final List<EpochResult> history) {
		if (history.isEmpty()) return;
		final EpochResult last = history.get(history.size() - 1);
		losses.setText(String.format(Locale.ROOT, "Epoch %d: training loss %s%s, validation loss %s%s", last.epoch(),
			fmt(last.trainingLoss()), TrainingMonitor.terms(last.training()), fmt(last.validationLoss()), TrainingMonitor
				.terms(last.validation())));
		epochTime = String.format(Locale.ROOT, "; %.1f s per epoch", last.seconds());
		final EpochResult best = LossCurve.best(history);
		if (best != null) {
			kept.setText(String.format(Locale.ROOT, "Kept: epoch %d (validation loss %s), the best so far", best.epoch(),
				fmt(best.validationLoss())));
		}
		plot.show(LossCurve.plot(getTitle() + " loss", history).getProcessor().createImage());
	}

	private void ask(final StopRequest r, final String text) {
		if (request == StopRequest.NONE) {
			request = r;
			state.setText(text);
			validate();
		}
	}

	private static String fmt(final double v) {
		return String.format(Locale.ROOT, "%.4g", v);
	}

	/** The plot image, scaled to the canvas. */
	private static final class PlotCanvas extends Canvas {

		private static final long serialVersionUID = 1L;
		private transient Image image;

		PlotCanvas() {
			setPreferredSize(new Dimension(600, 360));
			setBackground(Color.WHITE);
		}

		void show(final Image img) {
			image = img;
			repaint();
		}

		boolean hasPlot() {
			return image != null;
		}

		@Override
		public void paint(final Graphics g) {
			if (image == null) {
				g.drawString("The loss plot appears after the first epoch.", 20, 30);
				return;
			}
			g.drawImage(image, 0, 0, getWidth(), getHeight(), this);
		}
	}

	/** True once the first epoch's plot is drawn. */
	boolean hasPlot() {
		return plot.hasPlot();
	}
}
