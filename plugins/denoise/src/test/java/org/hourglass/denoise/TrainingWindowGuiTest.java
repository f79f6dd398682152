package org.hourglass.denoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Button;
import java.awt.Label;
import java.awt.Component;
import java.awt.Container;
import java.awt.EventQueue;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import javax.imageio.ImageIO;

import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.hourglass.imagej.HourglassCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleService;


/**
 * Training as a Fiji user sees it, on a real screen (run by {@code .ci/run} under Xvfb): the training command
 * opens its window, with the live loss plot, what the run is doing and "Finish early" and "Cancel"; a real mouse
 * click on "Finish early" ends the run after the current step and the best model so far is saved. Skipped without a screen, unless
 * {@code HOURGLASS_GUI_TESTS=required} (then a missing screen fails the test). A screenshot of the windows is
 * left in {@code target/gui/training.png}.
 */
class TrainingWindowGuiTest {

	private static final int EPOCHS = 500;
	private static final long TIMEOUT_NANOS = 120_000_000_000L;

	@TempDir
	static Path dir;

	private static Context context;

	@BeforeAll
	static void setUp() {
		if (GraphicsEnvironment.isHeadless() && "required".equals(System.getenv("HOURGLASS_GUI_TESTS"))) {
			fail("HOURGLASS_GUI_TESTS=required, but there is no screen (DISPLAY=" + System.getenv("DISPLAY") + ")");
		}
		assumeFalse(GraphicsEnvironment.isHeadless(), "no screen");
		context = new Context();
	}

	@AfterAll
	static void tearDown() {
		if (context != null) context.dispose();
	}

	@Test
	void finishEarlyButtonEndsTrainingAndKeepsTheBestModel() throws Exception {
		final Path model = dir.resolve("gui.zip");
		final Future<org.scijava.module.Module> run = context.service(ModuleService.class).run(context.service(
			CommandService.class).getCommand(TrainSelfSupervisedCommand.class), false, Map.of("input", Images.noisy(
				"noisy", 64, 64), "patchSize", 32, "batchSize", 4, "epochs", EPOCHS, "stepsPerEpoch", 2, "depth", 1,
				"filters", 4, "modelFile", model.toFile()));

		final Frame controls = await(f -> "Training gui.zip".equals(f.getTitle()), "the training window");
		awaitLabel(controls, "Kept: epoch", "the first epoch in the window");
		assertTrue(labels(controls).stream().anyMatch(l -> l.startsWith("Saving to ") && l.endsWith("gui.zip")),
			"where the model goes: " + labels(controls));
		assertTrue(labels(controls).stream().anyMatch(l -> l.startsWith("Epoch ") && l.contains("validation loss")),
			"the last epoch's losses: " + labels(controls));
		assertFalse(run.isDone(), "training should still run");

		final Robot robot = new Robot();
		robot.setAutoDelay(50);
		EventQueue.invokeAndWait(controls::toFront);
		robot.waitForIdle();
		screenshot(robot, controls);
		final Button finish = button(controls, "Finish early");
		final Point p = onScreen(finish);
		robot.mouseMove(p.x, p.y);
		robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
		robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);

		final HourglassCommand m = (HourglassCommand) run.get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertTrue(Files.isRegularFile(model));
		try (Model trained = context.service(ModelService.class).load(model, DenoiseVariant.ID)) {
			final int epochs = trained.info().history().size();
			assertTrue(epochs >= 1 && epochs < EPOCHS, "stopped early after " + epochs + " epochs");
			assertEquals(trained.info().history().stream().filter(e -> e.best()).reduce((a, b) -> b).orElseThrow()
				.epoch(), m.getOutput("bestEpoch"));
		}
		assertNotNull(m.getOutput("lossCurve"));
		awaitGone(controls);
	}

	private static void awaitLabel(final Frame f, final String start, final String what) throws InterruptedException {
		final long end = System.nanoTime() + TIMEOUT_NANOS;
		while (System.nanoTime() < end) {
			if (labels(f).stream().anyMatch(l -> l.startsWith(start))) return;
			Thread.sleep(50);
		}
		throw new AssertionError(what + " did not appear: " + labels(f));
	}

	private static List<String> labels(final Container c) {
		final List<String> out = new ArrayList<>();
		for (final Component child : c.getComponents()) {
			if (child instanceof Label l) out.add(l.getText());
			else if (child instanceof Container inner) out.addAll(labels(inner));
		}
		return out;
	}

	private static Frame await(final Predicate<Frame> what, final String name) throws InterruptedException {
		final long end = System.nanoTime() + TIMEOUT_NANOS;
		while (System.nanoTime() < end) {
			for (final Frame f : Frame.getFrames()) {
				if (f.isShowing() && what.test(f)) return f;
			}
			Thread.sleep(50);
		}
		throw new AssertionError(name + " did not appear");
	}

	private static void awaitGone(final Frame f) throws InterruptedException {
		final long end = System.nanoTime() + TIMEOUT_NANOS;
		while (f.isShowing() && System.nanoTime() < end) Thread.sleep(50);
		assertFalse(f.isShowing(), "the training window closes when training ends");
	}

	private static Button button(final Container c, final String label) {
		for (final Component child : c.getComponents()) {
			if (child instanceof Button b && label.equals(b.getLabel())) return b;
			if (child instanceof Container inner) {
				try {
					return button(inner, label);
				}
				catch (final AssertionError e) {
					// not in this one
				}
			}
		}
		throw new AssertionError("no button '" + label + "'");
	}

	private static Point onScreen(final Component c) throws Exception {
		final Point[] p = new Point[1];
		EventQueue.invokeAndWait(() -> {
			final Point origin = c.getLocationOnScreen();
			p[0] = new Point(origin.x + c.getWidth() / 2, origin.y + c.getHeight() / 2);
		});
		return p[0];
	}

	private static void screenshot(final Robot robot, final Frame... frames) throws IOException {
		final Rectangle area = new Rectangle();
		for (final Frame f : frames) area.add(f.getBounds());
		final BufferedImage image = robot.createScreenCapture(area);
		final Path out = Path.of("target", "gui", "training.png");
		Files.createDirectories(out.getParent());
		ImageIO.write(image, "png", out.toFile());
	}
}
