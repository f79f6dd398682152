package org.hourglass.runtime.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Button;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.GraphicsEnvironment;
import java.awt.Menu;
import java.awt.MenuBar;
import java.awt.MenuItem;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import org.hourglass.runtime.command.CommandRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.frame.Recorder;

/**
 * {@code hourglass gui} as a user meets it: ImageJ's window with the command under Plugins › Hourglass, the
 * menu entry opening the command's dialog, OK running it on an open image, the result in a window of its own,
 * and the macro Recorder writing the call that replays it. Needs a screen (Xvfb in CI); skipped without one
 * unless {@code HOURGLASS_GUI_TESTS=required}. The screenshot goes to {@code target/gui-screenshots/}.
 */
class GuiTest {

	private static Context context;

	@AfterAll
	static void tearDown() {
		if (context != null) context.dispose();
	}

	@Test
	void aMenuEntryOpensTheDialogAndOkRunsTheCommandAndRecordsItsCall() throws Exception {
		if (GraphicsEnvironment.isHeadless() && "required".equals(System.getenv("HOURGLASS_GUI_TESTS"))) {
			fail("HOURGLASS_GUI_TESTS=required, but there is no screen (DISPLAY=" + System.getenv("DISPLAY") + ")");
		}
		assumeFalse(GraphicsEnvironment.isHeadless(), "no screen");
		context = new Context();
		final Gui gui = new Gui(context, new CommandRunner(context));
		assertTrue(gui.open() >= 1, "no Hourglass command in the menus");
		final ImageJ ij = IJ.getInstance();
		final MenuItem entry = find(ij.getMenuBar(), "Plugins", "Hourglass", "Test", "Hourglass Test Flip");
		final Recorder recorder = new Recorder(true);

		final ImagePlus sample = IJ.createImage("gui sample", "32-bit ramp", 64, 32, 1);
		sample.show();
		await(() -> WindowManager.getImage("gui sample") != null, "the sample's window");
		WindowManager.setTempCurrentImage(sample);

		entry.dispatchEvent(new ActionEvent(entry, ActionEvent.ACTION_PERFORMED, entry.getLabel()));
		final Dialog dialog = await(() -> dialog("Hourglass Test Flip"), "the command's dialog");
		final Button ok = button(dialog, "OK");
		assertNotNull(ok, "the dialog's OK button");
		ok.dispatchEvent(new ActionEvent(ok, ActionEvent.ACTION_PERFORMED, "OK"));

		final ImagePlus result = await(() -> WindowManager.getImage("flipped gui sample"), "the result window");
		final float[] in = (float[]) sample.getProcessor().getPixels();
		final float[] out = (float[]) result.getProcessor().getPixels();
		assertEquals(in[0], out[63], "the first row, flipped");
		assertArrayEquals(new float[] { in[63], in[62] }, new float[] { out[0], out[1] });
		final String recorded = await(() -> recorder.getText().contains("Hourglass Test Flip") ? recorder.getText()
			: null, "the recorded call");
		assertTrue(recorded.contains("run(\"Hourglass Test Flip\", \"input=[gui sample] times=1\");"), recorded);
		screenshot();

		// the recorded call replays the run: the same result again
		final int images = WindowManager.getImageCount();
		IJ.runMacro("run(\"Hourglass Test Flip\", \"input=[gui sample] times=1\");");
		await(() -> WindowManager.getImageCount() > images ? Boolean.TRUE : null, "the replayed run's result");
		assertArrayEquals(out, (float[]) WindowManager.getCurrentImage().getProcessor().getPixels());
	}

	private static MenuItem find(final MenuBar bar, final String... path) {
		Menu menu = null;
		for (int i = 0; i < bar.getMenuCount() && menu == null; i++) {
			if (bar.getMenu(i).getLabel().equals(path[0])) menu = bar.getMenu(i);
		}
		assertNotNull(menu, "no menu " + path[0]);
		MenuItem item = menu;
		for (int p = 1; p < path.length; p++) {
			final Menu m = (Menu) item;
			item = null;
			for (int i = 0; i < m.getItemCount(); i++) {
				if (path[p].equals(m.getItem(i).getLabel())) item = m.getItem(i);
			}
			assertNotNull(item, "no entry " + path[p] + " in " + m.getLabel());
		}
		return item;
	}

	private static Dialog dialog(final String title) {
		for (final Window w : Window.getWindows()) {
			if (w instanceof Dialog d && d.isShowing() && title.equals(d.getTitle())) return d;
		}
		return null;
	}

	private static Button button(final Container c, final String label) {
		for (final Component child : c.getComponents()) {
			if (child instanceof Button b && label.equals(b.getLabel().trim())) return b;
			if (child instanceof Container inner) {
				final Button b = button(inner, label);
				if (b != null) return b;
			}
		}
		return null;
	}

	private static <T> T await(final Supplier<T> what, final String description) throws InterruptedException {
		for (int i = 0; i < 300; i++) {
			final T value = what.get();
			if (value != null && !Boolean.FALSE.equals(value)) return value;
			Thread.sleep(100);
		}
		throw new AssertionError("timed out waiting for " + description);
	}

	private static void screenshot() throws Exception {
		final Path dir = Files.createDirectories(Path.of("target", "gui-screenshots"));
		final Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
		ImageIO.write(new Robot().createScreenCapture(screen), "png", new File(dir.toFile(), "hourglass-gui.png"));
	}
}
