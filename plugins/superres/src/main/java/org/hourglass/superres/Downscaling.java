package org.hourglass.superres;

import java.util.Locale;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.Plane;

/** How low-resolution images are made from high-resolution ones. */
public enum Downscaling {

	/** MATLAB-style bicubic with antialiasing ({@link Bicubic}): the literature's protocol. */
	BICUBIC,

	/** The mean of each {@code factor × factor} block ({@link AreaAverage}): pixel binning, as cameras do. */
	AREA;

	/** {@code bicubic} or {@code area}, as commands name them. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** {@code plane} made {@code factor} times smaller on each side. */
	public Plane apply(final Plane plane, final int factor) {
		return this == BICUBIC ? Bicubic.downscale(plane, factor) : AreaAverage.downscale(plane, factor);
	}

	/**
	 * The method called {@code id}.
	 *
	 * @throws InvalidInputException if there is none
	 */
	public static Downscaling of(final String id) {
		for (final Downscaling d : values()) {
			if (d.id().equals(id)) return d;
		}
		throw new InvalidInputException("Unknown downscaling '" + id + "'; expected bicubic or area.");
	}
}
