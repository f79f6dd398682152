package org.hourglass.imagej;

import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.HourglassException;
import org.hourglass.api.InvalidInputException;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.DynamicCommand;
import org.scijava.plugin.Parameter;

import ij.ImagePlus;

/**
 * The base of Hourglass commands. A subclass declares its {@code @Parameter}s (the model service, images,
 * numbers, outputs) and implements {@link #execute()}. A dynamic command, so that a dialog's choices (e.g. the
 * installed models of a variant) can be filled in when it opens. This class turns every {@link HourglassException}
 * (bad input, unusable model file), a write failure or a cancellation into {@link #cancel(String)} with the
 * message as it is, so Fiji, macros and the command line all show one clear reason, and logs it. Before it
 * executes, an image input read from a TIFF that is cut off (whose missing pixels ImageJ read as zeros) is refused.
 */
public abstract class HourglassCommand extends DynamicCommand {

	private static final Logger LOG = LogManager.getLogger();

	@Parameter
	private StatusService status;

	@Override
	public final void run() {
		try {
			refuseCutOffImages();
			execute();
		}
		catch (final HourglassException e) {
			fail(e.getMessage(), e);
		}
		catch (final UncheckedIOException e) {
			fail("Could not write: " + e.getMessage(), e);
		}
		catch (final CancellationException e) {
			LOG.info("{} cancelled", getClass().getSimpleName());
			if (!isCanceled()) cancel("Cancelled.");
		}
		finally {
			status.clearStatus();
		}
	}

	/** Does the command's work; may throw {@link HourglassException} with a message for the user. */
	protected abstract void execute();

	/** The SciJava status service: status bar in Fiji, progress bar on the command line. */
	protected StatusService status() {
		return status;
	}

	/** Progress of a long step, shown with {@code message}; cancelled when the command is. */
	protected StatusProgress progress(final String message) {
		return new StatusProgress(status, message, this::isCanceled);
	}

	/**
	 * Builds a value from parameters (e.g. a training configuration), turning the
	 * {@link IllegalArgumentException} of a value out of range into an {@link InvalidInputException}.
	 */
	protected static <T> T fromParameters(final Supplier<T> builder) {
		try {
			return builder.get();
		}
		catch (final IllegalArgumentException e) {
			throw new InvalidInputException("Invalid parameter: " + e.getMessage() + ".");
		}
	}

	/** Refuses every image input (a {@code @Parameter} field) that ImageJ read from a cut-off TIFF. */
	private void refuseCutOffImages() {
		for (Class<?> c = getClass(); c != null && c != HourglassCommand.class; c = c.getSuperclass()) {
			for (final Field f : c.getDeclaredFields()) {
				final Parameter p = f.getAnnotation(Parameter.class);
				if (p == null || p.type() == ItemIO.OUTPUT || !ImagePlus.class.isAssignableFrom(f.getType())) continue;
				final Object image;
				try {
					f.setAccessible(true);
					image = f.get(this);
				}
				catch (final ReflectiveOperationException | RuntimeException e) {
					continue; // not readable here: the command checks it itself
				}
				final String problem = TiffSize.problem((ImagePlus) image);
				if (problem != null) throw new InvalidInputException(problem + ".");
			}
		}
	}

	private void fail(final String message, final Throwable cause) {
		// the user sees the message through the cancellation (a dialog in Fiji, one line on the command line)
		LOG.info("{}: {}", getClass().getSimpleName(), message);
		LOG.debug("cause", cause);
		cancel(message);
	}
}
