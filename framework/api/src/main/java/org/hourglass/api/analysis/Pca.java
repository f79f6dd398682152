package org.hourglass.api.analysis;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Principal component analysis of vectors (codes, or images as pixel vectors): their mean and the
 * {@code k} directions of largest variance, found by subspace iteration on the covariance matrix, in double
 * precision. Immutable; {@link #project} and {@link #reconstruct} are safe from several threads.
 */
public final class Pca {

	private static final int MAX_ITERATIONS = 300;
	private static final double TOLERANCE = 1e-10;

	private final double[] mean;
	/** components[i] is the i-th unit direction, by decreasing variance. */
	private final double[][] components;
	private final double[] variances;

	private Pca(final double[] mean, final double[][] components, final double[] variances) {
		this.mean = mean;
		this.components = components;
		this.variances = variances;
	}

	/**
	 * Fits {@code k} components to {@code vectors} (all of one length, at least two of them).
	 *
	 * @throws IllegalArgumentException if the vectors are fewer than two, differ in length, or {@code k} is not
	 *           between 1 and their length
	 */
	public static Pca fit(final List<float[]> vectors, final int k) {
		if (vectors.size() < 2) throw new IllegalArgumentException("PCA needs at least two vectors, got " + vectors.size());
		final int d = vectors.get(0).length;
		if (k < 1 || k > d) throw new IllegalArgumentException("PCA of " + d + "-value vectors can have 1 to " + d +
			" components, not " + k);
		final double[] mean = new double[d];
		for (final float[] v : vectors) {
			if (v.length != d) throw new IllegalArgumentException("all vectors must have " + d + " values, got " + v.length);
			for (int i = 0; i < d; i++) mean[i] += v[i];
		}
		for (int i = 0; i < d; i++) mean[i] /= vectors.size();
		final double[][] cov = covariance(vectors, mean);
		final double[][] q = subspace(cov, k);
		final double[] var = new double[k];
		for (int j = 0; j < k; j++) var[j] = dot(q[j], multiply(cov, q[j]));
		return new Pca(mean, q, var);
	}

	public int components() {
		return components.length;
	}

	/** The variance along each component, largest first. */
	public double[] variances() {
		return variances.clone();
	}

	/** The coordinates of {@code v} along the components. */
	public float[] project(final float[] v) {
		final float[] out = new float[components.length];
		for (int j = 0; j < components.length; j++) {
			double s = 0;
			final double[] c = components[j];
			for (int i = 0; i < mean.length; i++) s += (v[i] - mean[i]) * c[i];
			out[j] = (float) s;
		}
		return out;
	}

	/** The vector whose coordinates are {@code coordinates}: the mean plus the components so weighted. */
	public float[] reconstruct(final float[] coordinates) {
		final double[] out = mean.clone();
		for (int j = 0; j < components.length; j++) {
			final double a = coordinates[j];
			final double[] c = components[j];
			for (int i = 0; i < out.length; i++) out[i] += a * c[i];
		}
		final float[] f = new float[out.length];
		for (int i = 0; i < f.length; i++) f[i] = (float) out[i];
		return f;
	}

	private static double[][] covariance(final List<float[]> vectors, final double[] mean) {
		final int d = mean.length;
		final double[][] cov = new double[d][d];
		final double[] c = new double[d];
		for (final float[] v : vectors) {
			for (int i = 0; i < d; i++) c[i] = v[i] - mean[i];
			for (int i = 0; i < d; i++) {
				final double ci = c[i];
				if (ci == 0) continue;
				final double[] row = cov[i];
				for (int j = i; j < d; j++) row[j] += ci * c[j];
			}
		}
		final int n = vectors.size();
		for (int i = 0; i < d; i++) {
			for (int j = i; j < d; j++) {
				cov[i][j] /= n - 1;
				cov[j][i] = cov[i][j];
			}
		}
		return cov;
	}

	/** The {@code k} leading eigenvectors of the symmetric {@code a}, by orthogonal (subspace) iteration. */
	private static double[][] subspace(final double[][] a, final int k) {
		final int d = a.length;
		final SplittableRandom random = new SplittableRandom(1);
		double[][] q = new double[k][d];
		for (final double[] v : q) for (int i = 0; i < d; i++) v[i] = random.nextGaussian();
		orthonormalise(q);
		for (int it = 0; it < MAX_ITERATIONS; it++) {
			double[][] z = new double[k][];
			for (int j = 0; j < k; j++) z[j] = multiply(a, q[j]);
			orthonormalise(z);
			// Rayleigh–Ritz: rotate the basis to the eigenvectors of the projected k×k matrix, sorted
			z = ritz(a, z);
			double change = 0;
			for (int j = 0; j < k; j++) change = Math.max(change, 1 - Math.abs(dot(z[j], q[j])));
			q = z;
			if (change < TOLERANCE) break;
		}
		return q;
	}

	private static double[][] ritz(final double[][] a, final double[][] q) {
		final int k = q.length;
		final double[][] h = new double[k][k];
		final double[][] aq = new double[k][];
		for (int j = 0; j < k; j++) aq[j] = multiply(a, q[j]);
		for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) h[i][j] = dot(q[i], aq[j]);
		final double[][] vectors = Jacobi.eigenvectors(h);
		final double[][] out = new double[k][q[0].length];
		for (int j = 0; j < k; j++) {
			for (int i = 0; i < k; i++) {
				final double w = vectors[j][i];
				for (int x = 0; x < out[j].length; x++) out[j][x] += w * q[i][x];
			}
		}
		return out;
	}

	/** Modified Gram–Schmidt, in place; a degenerate vector is replaced by the first unit axis that is not. */
	private static void orthonormalise(final double[][] v) {
		for (int j = 0; j < v.length; j++) {
			for (int axis = 0; !normalise(v, j); axis++) {
				java.util.Arrays.fill(v[j], 0);
				v[j][axis % v[j].length] = 1;
			}
		}
	}

	/** Removes the earlier vectors' parts from {@code v[j]} (twice, for precision) and scales it to 1; false if nothing is left. */
	private static boolean normalise(final double[][] v, final int j) {
		for (int pass = 0; pass < 2; pass++) {
			for (int i = 0; i < j; i++) {
				final double p = dot(v[i], v[j]);
				for (int x = 0; x < v[j].length; x++) v[j][x] -= p * v[i][x];
			}
		}
		final double n = Math.sqrt(dot(v[j], v[j]));
		if (n < 1e-12) return false;
		for (int x = 0; x < v[j].length; x++) v[j][x] /= n;
		return true;
	}

	private static double[] multiply(final double[][] a, final double[] v) {
		final double[] out = new double[a.length];
		for (int i = 0; i < a.length; i++) out[i] = dot(a[i], v);
		return out;
	}

	private static double dot(final double[] a, final double[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) s += a[i] * b[i];
		return s;
	}
}
