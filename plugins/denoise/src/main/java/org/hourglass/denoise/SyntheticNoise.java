package org.hourglass.denoise;

import java.util.Locale;
import java.util.SplittableRandom;

import org.hourglass.api.image.Plane;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingPair;

/**
 * Supervised training pairs from clean images: the input is the clean patch with synthetic noise, the
 * target the clean patch. Noise models, in the images' own intensity units:
 * <ul>
 * <li>Gaussian: {@code clean + N(0, sigma²)};</li>
 * <li>Poisson (shot noise): the intensity {@code peak} corresponds to {@code photons} photons; each pixel
 * becomes {@code Poisson(clean · photons / peak) · peak / photons} (negative values count as 0);</li>
 * <li>Poisson + Gaussian: Poisson, then Gaussian read noise added.</li>
 * </ul>
 */
public final class SyntheticNoise implements PairMaker {

	/** The noise models, by their command-line names. */
	public enum Kind {
		GAUSSIAN("gaussian"), POISSON("poisson"), POISSON_GAUSSIAN("poisson-gaussian");

		private final String id;

		Kind(final String id) {
			this.id = id;
		}

		public String id() {
			return id;
		}

		/** The kind called {@code id}, e.g. {@code poisson-gaussian}. */
		public static Kind of(final String id) {
			for (final Kind k : values()) {
				if (k.id.equals(id)) return k;
			}
			throw new IllegalArgumentException("unknown noise '" + id + "', expected gaussian, poisson or " +
				"poisson-gaussian");
		}
	}

	private final Kind kind;
	private final double sigma;
	private final double photons;
	private final double peak;

	private SyntheticNoise(final Kind kind, final double sigma, final double photons, final double peak) {
		if (kind != Kind.POISSON && !(sigma > 0 && Double.isFinite(sigma))) {
			throw new IllegalArgumentException("noise sigma must be positive, got " + sigma);
		}
		if (kind != Kind.GAUSSIAN && !(photons > 0 && Double.isFinite(photons))) {
			throw new IllegalArgumentException("photon count must be positive, got " + photons);
		}
		if (kind != Kind.GAUSSIAN && !(peak > 0 && Double.isFinite(peak))) {
			throw new IllegalArgumentException("the images' peak intensity must be positive for Poisson noise, got " +
				peak);
		}
		this.kind = kind;
		this.sigma = sigma;
		this.photons = photons;
		this.peak = peak;
	}

	/** Gaussian noise of standard deviation {@code sigma}. */
	public static SyntheticNoise gaussian(final double sigma) {
		return new SyntheticNoise(Kind.GAUSSIAN, sigma, 0, 0);
	}

	/** Poisson noise with {@code photons} photons at intensity {@code peak} (e.g. the images' maximum). */
	public static SyntheticNoise poisson(final double photons, final double peak) {
		return new SyntheticNoise(Kind.POISSON, 0, photons, peak);
	}

	/** Poisson noise as {@link #poisson}, then Gaussian noise of standard deviation {@code sigma}. */
	public static SyntheticNoise poissonGaussian(final double photons, final double peak, final double sigma) {
		return new SyntheticNoise(Kind.POISSON_GAUSSIAN, sigma, photons, peak);
	}

	/** The noise {@code kind} with the parameters it uses (the others are ignored). */
	public static SyntheticNoise of(final Kind kind, final double sigma, final double photons, final double peak) {
		return switch (kind) {
			case GAUSSIAN -> gaussian(sigma);
			case POISSON -> poisson(photons, peak);
			case POISSON_GAUSSIAN -> poissonGaussian(photons, peak, sigma);
		};
	}

	/**
	 * @param input the clean patch (used if {@code target} is {@code null})
	 * @param target the clean patch, if the source has one
	 */
	@Override
	public TrainingPair make(final Plane input, final Plane target, final SplittableRandom random) {
		final Plane clean = target != null ? target : input;
		return new TrainingPair(apply(clean, random), clean, null);
	}

	/** A new plane: {@code clean} with noise. */
	public Plane apply(final Plane clean, final SplittableRandom random) {
		final float[] src = clean.data();
		final float[] out = new float[src.length];
		final double scale = photons / peak;
		for (int i = 0; i < src.length; i++) {
			double v = src[i];
			if (kind != Kind.GAUSSIAN) v = Poisson.sample(v * scale, random) / scale;
			if (kind != Kind.POISSON) v += sigma * random.nextGaussian();
			out[i] = (float) v;
		}
		return new Plane(clean.width(), clean.height(), clean.channels(), out);
	}

	public Kind kind() {
		return kind;
	}

	@Override
	public String toString() {
		return switch (kind) {
			case GAUSSIAN -> String.format(Locale.ROOT, "gaussian sigma=%s", sigma);
			case POISSON -> String.format(Locale.ROOT, "poisson photons=%s at %s", photons, peak);
			case POISSON_GAUSSIAN -> String.format(Locale.ROOT, "poisson-gaussian photons=%s at %s, sigma=%s", photons,
				peak, sigma);
		};
	}
}
