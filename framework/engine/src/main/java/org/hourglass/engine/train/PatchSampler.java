package org.hourglass.engine.train;

import java.util.List;
import java.util.SplittableRandom;

import org.hourglass.api.image.Plane;
import org.hourglass.engine.image.Symmetry;

/**
 * Random square crops from a set of regions, input and target at the same place (the target's crop as many
 * times larger as the target is), each region drawn in proportion to its number of patch positions,
 * optionally under one of the 8 {@link Symmetry symmetries}.
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
		final int[] at = r.draw(random, patch);
		final int t = augment ? random.nextInt(Symmetry.COUNT) : 0;
		final Plane in = Symmetry.apply(r.source().input().crop(at[0], at[1], patch, patch), t);
		final int k = r.source().targetScale();
		final Plane target = r.source().target() == null ? null
			: Symmetry.apply(r.source().target().crop(k * at[0], k * at[1], k * patch, k * patch), t);
		return new Patch(in, target, r);
	}
}
