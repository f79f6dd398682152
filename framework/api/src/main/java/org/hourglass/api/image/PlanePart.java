package org.hourglass.api.image;

/**
 * Where a part of a larger plane sits, for predicting that part alone (a block of a volume on one machine of
 * a cluster): the whole plane's size, the region of it that was read, and the region of the result wanted.
 *
 * @param fullWidth the whole plane's width
 * @param fullHeight the whole plane's height
 * @param crop the region the given pixels come from, inside the plane
 * @param wanted the region of the result asked for (in input pixels), inside the plane
 */
public record PlanePart(int fullWidth, int fullHeight, Region crop, Region wanted) {

	public PlanePart {
		final Region all = Region.whole(fullWidth, fullHeight);
		if (!all.contains(crop) || !all.contains(wanted)) {
			throw new IllegalArgumentException("regions " + crop + " and " + wanted + " must lie inside the " + fullWidth +
				"x" + fullHeight + " plane");
		}
	}

	/** A whole plane of {@code width}×{@code height}, all of it wanted. */
	public static PlanePart whole(final int width, final int height) {
		final Region all = Region.whole(width, height);
		return new PlanePart(width, height, all, all);
	}
}
