package org.hourglass.denoise;

import java.util.Locale;

import org.hourglass.api.InvalidInputException;

/**
 * A structured blind spot (the structN2V idea): besides the masked pixel, the pixels of a short line through
 * it along the direction in which the noise is correlated are hidden too, each replaced by the value of a
 * random pixel of the patch that is not on its own line. With noise correlated between horizontal neighbours
 * (line-scanned images such as many SEM and confocal images), a plain blind spot lets the network read the
 * masked pixel's noise off its neighbours and keep it; hiding the neighbours takes that away.
 *
 * @param axis the direction of the line
 * @param half pixels hidden on each side of the masked pixel, at least 1 (the line is {@code 2 half + 1} long)
 */
public record LineMask(Axis axis, int half) {

	/** The direction of the noise correlation. */
	public enum Axis {
		HORIZONTAL, VERTICAL;

		String id() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	public LineMask {
		if (axis == null) throw new IllegalArgumentException("a line mask needs an axis");
		if (half < 1) throw new IllegalArgumentException("a line mask hides at least one pixel on each side, got " + half);
	}

	/**
	 * The line mask called {@code choice} ({@code none}, {@code horizontal} or {@code vertical}) of
	 * {@code length} pixels, or {@code null} for none.
	 *
	 * @throws InvalidInputException for another choice, or a length that is not odd and at least 3
	 */
	public static LineMask of(final String choice, final int length) {
		if (choice == null || choice.isBlank() || "none".equals(choice)) return null;
		final Axis axis = switch (choice) {
			case "horizontal" -> Axis.HORIZONTAL;
			case "vertical" -> Axis.VERTICAL;
			default -> throw new InvalidInputException("Unknown structured mask '" + choice + "'; expected none, " +
				"horizontal or vertical.");
		};
		if (length < 3 || length % 2 == 0) {
			throw new InvalidInputException("The structured mask's length must be odd and at least 3 (the masked " +
				"pixel and as many on each side), got " + length + ".");
		}
		return new LineMask(axis, length / 2);
	}

	/** Whether the pixel ({@code x}, {@code y}) lies on the line through ({@code cx}, {@code cy}). */
	boolean onLine(final int x, final int y, final int cx, final int cy) {
		return axis == Axis.HORIZONTAL ? y == cy && Math.abs(x - cx) <= half : x == cx && Math.abs(y - cy) <= half;
	}

	@Override
	public String toString() {
		return axis.id() + " line of " + (2 * half + 1);
	}
}
