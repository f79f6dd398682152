package org.hourglass.engine.train;

import java.util.List;
import java.util.SplittableRandom;

import org.hourglass.api.image.Plane;

/**
 * Random square crops from a set of regions, input and target at the same place, each region drawn in
 * proportion to its number of patch positions, optionally under one of the 8 flips/rotations.
 */
final class PatchSampler {

	/** A crop of a source: input, target ({@code null} if the source has none) and the region it came from. */
	record Patch(Plane input, Plane target, PatchRegion region) {}

	private final List<PatchRegion> regions;
	private final long[] cumulative;
	private final int patch;
	private final boolean augment;

	PatchSampler(final List<PatchRegion> regions, final int patch, final boolean augment) {
		this.regions = List.copyOf(regions);
		this.patch = patch;
		this.augment = augment;
		cumulative = new long[regions.size()];
		long sum = 0;
		for (int i = 0; i < regions.size(); i++) {
			sum += regions.get(i).positions(patch);
			cumulative[i] = sum;
		}
	}

	Patch next(final SplittableRandom random) {
		final long pick = random.nextLong(cumulative[cumulative.length - 1]);
		int i = 0;
		while (cumulative[i] <= pick) i++;
		final PatchRegion r = regions.get(i);
		final int x = random.nextInt(r.source().input().width() - patch + 1);
		final int y = r.top() + random.nextInt(r.height() - patch + 1);
		final int t = augment ? random.nextInt(Augmentation.COUNT) : 0;
		final Plane in = Augmentation.apply(r.source().input().crop(x, y, patch, patch), t);
		final Plane target = r.source().target() == null ? null
			: Augmentation.apply(r.source().target().crop(x, y, patch, patch), t);
		return new Patch(in, target, r);
	}
}
