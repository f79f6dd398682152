package org.hourglass.imagej;

import java.awt.Button;
import java.awt.FlowLayout;
import java.awt.Frame;
import java.awt.Label;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;

import org.hourglass.api.training.StopRequest;

/**
 * A small non-modal window with "Finish early" and "Cancel" buttons for a running training. Closing the
 * window does not stop training. Create, show and dispose it on the event dispatch thread; read
 * {@link #request()} from any thread.
 */
final class TrainingControls extends Frame {

	private static final long serialVersionUID = 1L;

	private volatile StopRequest request = StopRequest.NONE;
	private final Label state = new Label("Training...");

	TrainingControls(final String title) {
		super(title);
		setLayout(new FlowLayout());
		final Button finish = new Button("Finish early");
		finish.addActionListener(e -> ask(StopRequest.FINISH_EARLY, "Finishing after this step..."));
		final Button cancel = new Button("Cancel");
		cancel.addActionListener(e -> ask(StopRequest.CANCEL, "Cancelling after this step..."));
		add(state);
		add(finish);
		add(cancel);
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

	void setState(final String text) {
		state.setText(text);
		pack();
	}

	private void ask(final StopRequest r, final String text) {
		if (request == StopRequest.NONE) {
			request = r;
			setState(text);
		}
	}
}
