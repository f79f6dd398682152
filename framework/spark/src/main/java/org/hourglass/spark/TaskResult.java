package org.hourglass.spark;

import java.io.Serializable;

/**
 * What a task did with one image.
 *
 * @param image the input's file name
 * @param status what happened
 * @param message why an image was refused, else empty
 * @param pixels the input's pixels (all planes) if it was processed, else 0
 * @param millis the task's time
 */
record TaskResult(String image, Status status, String message, long pixels, long millis) implements Serializable {

	enum Status {
		/** The result was written. */
		WRITTEN,
		/** The result was there already (a rerun), complete: results appear only whole. */
		SKIPPED,
		/** The image cannot be processed (the message says why); nothing was written. */
		REFUSED
	}
}
