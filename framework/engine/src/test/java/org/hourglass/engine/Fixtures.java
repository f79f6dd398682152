package org.hourglass.engine;

import java.util.Map;

import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.network.Activation;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;

/** Tiny networks and images for fast tests. */
public final class Fixtures {

	private Fixtures() {}

	/** Conv encoder/decoder with one pooling, 4 and 8 filters. */
	public static NetworkSpec tinyConv() {
		return NetworkSpec.encoderDecoder(new int[] { 4, 8 }, new int[] { 4 });
	}

	/** U-Net of depth 2 (downsampling 4), 4 filters, residual. */
	public static NetworkSpec tinyUnet() {
		return NetworkSpec.encoderDecoder(new int[] { 4, 8, 8 }, new int[] { 8, 4 }).withSkips(true).withOutput(true,
			Activation.LINEAR);
	}

	public static NetworkSpec tinyVector(final Latent latent, final int size) {
		return NetworkSpec.encoderDecoder(new int[] { 4, 8 }, new int[] { 4 }).withLatent(latent, size).withOutput(false,
			Activation.SIGMOID);
	}

	public static ModelSpec spec(final NetworkSpec net, final Loss loss, final Normalization norm) {
		return new ModelSpec("test", 1, net, loss, norm, Map.of());
	}

	public static ModelSpec spec(final NetworkSpec net) {
		return spec(net, Loss.of(LossTerm.Kind.MSE), Normalization.percentile());
	}

	/** A smooth deterministic pattern plus some texture, values roughly in [0, 200]. */
	public static Plane image(final int w, final int h, final long seed) {
		final java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
		final float[] v = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				v[y * w + x] = (float) (100 + 60 * Math.sin(x * 0.31) * Math.cos(y * 0.23) + 20 * Math.sin((x + y) * 0.9) +
					5 * r.nextDouble());
			}
		}
		return new Plane(w, h, v);
	}

	public static double maxAbsDiff(final Plane a, final Plane b) {
		double m = 0;
		for (int i = 0; i < a.data().length; i++) m = Math.max(m, Math.abs(a.data()[i] - b.data()[i]));
		return m;
	}
}
