package org.hourglass.api.analysis;

/** Eigenvectors of a small symmetric matrix by cyclic Jacobi rotations, sorted by decreasing eigenvalue. */
final class Jacobi {

	private static final int MAX_SWEEPS = 100;

	private Jacobi() {}

	/** {@code result[j]} is the unit eigenvector of the j-th largest eigenvalue of the symmetric {@code m}. */
	static double[][] eigenvectors(final double[][] m) {
		final int n = m.length;
		final double[][] a = new double[n][];
		for (int i = 0; i < n; i++) a[i] = m[i].clone();
		final double[][] v = new double[n][n];
		for (int i = 0; i < n; i++) v[i][i] = 1;
		for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
			double off = 0;
			for (int p = 0; p < n; p++) for (int q = p + 1; q < n; q++) off += a[p][q] * a[p][q];
			if (off < 1e-30) break;
			for (int p = 0; p < n; p++) {
				for (int q = p + 1; q < n; q++) {
					if (a[p][q] == 0) continue;
					final double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
					final double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
					final double c = 1 / Math.sqrt(t * t + 1);
					final double s = t * c;
					for (int k = 0; k < n; k++) {
						final double akp = a[k][p];
						final double akq = a[k][q];
						a[k][p] = c * akp - s * akq;
						a[k][q] = s * akp + c * akq;
					}
					for (int k = 0; k < n; k++) {
						final double apk = a[p][k];
						final double aqk = a[q][k];
						a[p][k] = c * apk - s * aqk;
						a[q][k] = s * apk + c * aqk;
					}
					for (int k = 0; k < n; k++) {
						final double vkp = v[k][p];
						final double vkq = v[k][q];
						v[k][p] = c * vkp - s * vkq;
						v[k][q] = s * vkp + c * vkq;
					}
				}
			}
		}
		final Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) order[i] = i;
		java.util.Arrays.sort(order, (x, y) -> Double.compare(a[y][y], a[x][x]));
		final double[][] out = new double[n][n];
		for (int j = 0; j < n; j++) for (int k = 0; k < n; k++) out[j][k] = v[k][order[j]];
		return out;
	}
}
