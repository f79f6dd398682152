package org.hourglass.engine.train;

import java.util.List;
import java.util.SplittableRandom;

import org.hourglass.api.image.ChannelNormalization;
import org.hourglass.api.training.TrainingSource;

/**
 * Where patches may be cropped from a source: anywhere inside {@code area} that overlaps none of the
 * {@code excluded} rectangles (held out for validation), with the source's normalisation.
 */
record PatchRegion(TrainingSource source, Rect area, List<Rect> excluded, ChannelNormalization params) {

	/** A rectangle of input pixels: {@code [x, x + width) × [y, y + height)}. */
	record Rect(int x, int y, int width, int height) {

		boolean intersects(final int ox, final int oy, final int ow, final int oh) {
			return ox < x + width && x < ox + ow && oy < y + height && y < oy + oh;
		}
	}

	/** The whole of a source. */
	static PatchRegion whole(final TrainingSource source, final ChannelNormalization params) {
		return new PatchRegion(source, new Rect(0, 0, source.input().width(), source.input().height()), List.of(), params);
	}

	PatchRegion {
		excluded = List.copyOf(excluded);
	}

	/** Number of possible patch positions (ignoring exclusions), the weight of this region when sampling. */
	long positions(final int patch) {
		return (long) (area.width() - patch + 1) * (area.height() - patch + 1);
	}

	/** The top-left corner {x, y} of a random patch position that overlaps no excluded rectangle. */
	int[] draw(final SplittableRandom random, final int patch) {
		for (int attempt = 0; attempt < 10_000; attempt++) {
			final int x = area.x() + random.nextInt(area.width() - patch + 1);
			final int y = area.y() + random.nextInt(area.height() - patch + 1);
			if (excluded.stream().noneMatch(r -> r.intersects(x, y, patch, patch))) return new int[] { x, y };
		}
		throw new IllegalStateException("no patch position of " + source.name() + " avoids its validation blocks");
	}
}
