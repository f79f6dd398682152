package org.hourglass.benchmark.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.Plane;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingPair;

/**
 * The network and data of the PyTorch reference script ({@code torch_reference.py}): a convolutional
 * autoencoder 1→32, pool, 32→64, pool, 64→64, up, 64→32, up, 32→32, 32→1 (3×3, ReLU, linear output, no
 * skips, MSE, Adam 1e-3), trained on crops of a 512×512 sine/cosine image with 0.1 Gaussian noise added to
 * the input (the clean crop is the target).
 */
public final class ReferenceNetwork {

	/** Side of the synthetic image the patches are cropped from. */
	public static final int IMAGE_SIDE = 512;
	/** Standard deviation of the noise added to the inputs. */
	public static final double NOISE = 0.1;
	/** Learning rate of the reference script. */
	public static final double LEARNING_RATE = 1e-3;

	private ReferenceNetwork() {}

	/** The reference network. */
	public static NetworkSpec network() {
		return NetworkSpec.encoderDecoder(new int[] { 32, 64, 64 }, new int[] { 32, 32 });
	}

	/** The reference network with MSE loss, on raw values (the script does not normalise). */
	public static ModelSpec modelSpec() {
		return new ModelSpec("benchmark", 1, network(), Loss.of(LossTerm.Kind.MSE), Normalization.none(), null);
	}

	/** The script's image: {@code sin(6x)·cos(9y) + 0.5·sin(17xy)} with x, y in [0, 1) over 512 pixels. */
	public static Plane image() {
		final int n = IMAGE_SIDE;
		final float[] v = new float[n * n];
		for (int r = 0; r < n; r++) {
			final float y = (float) r / n;
			for (int c = 0; c < n; c++) {
				final float x = (float) c / n;
				v[r * n + c] = (float) (Math.sin(6 * x) * Math.cos(9 * y) + 0.5 * Math.sin(17 * x * y));
			}
		}
		return new Plane(n, n, v);
	}

	/** Input = the clean crop plus {@link #NOISE} Gaussian noise, target = the clean crop. */
	public static PairMaker noisyPairs() {
		return (input, target, random) -> {
			final float[] clean = input.data();
			final float[] noisy = new float[clean.length];
			for (int i = 0; i < clean.length; i++) noisy[i] = (float) (clean[i] + NOISE * random.nextGaussian());
			return new TrainingPair(new Plane(input.width(), input.height(), noisy), input, null);
		};
	}

	/**
	 * {@code batches} batches of {@code batch} noisy crops of {@code patch}×{@code patch} pixels each, the
	 * script's inference input (fixed for a run).
	 */
	public static List<List<Plane>> noisyBatches(final int batches, final int batch, final int patch,
		final long seed)
	{
		final Plane img = image();
		final SplittableRandom random = new SplittableRandom(seed);
		final List<List<Plane>> out = new ArrayList<>();
		for (int b = 0; b < batches; b++) {
			final List<Plane> planes = new ArrayList<>();
			for (int i = 0; i < batch; i++) {
				final int r = random.nextInt(IMAGE_SIDE - patch);
				final int c = random.nextInt(IMAGE_SIDE - patch);
				final Plane p = img.crop(c, r, patch, patch);
				final float[] v = p.data();
				for (int k = 0; k < v.length; k++) v[k] = (float) (v[k] + NOISE * random.nextGaussian());
				planes.add(p);
			}
			out.add(planes);
		}
		return out;
	}
}
