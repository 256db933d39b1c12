package org.densitylab.marginals;

import java.util.Arrays;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.linalg.ComplexOps;
import org.densitylab.linalg.HermitianEigen;

/**
 * Maps of a Hermitian, trace-1 matrix X (typically the MIO output \(\tilde X\), paper Eq. 3) onto the set of states
 * \(\mathcal S = \{\rho \succeq 0, \mathrm{tr}\rho = 1\}\).
 * <ul>
 *   <li>{@link #nearestState}: the Frobenius-nearest state. With \(X = V\mathrm{diag}(\mu)V^\dagger\) it is
 *       \(V\mathrm{diag}(\nu)V^\dagger\), \(\nu = \Pi_\Delta(\mu)\) the Euclidean projection of the eigenvalues onto
 *       the probability simplex, \(\nu_i = \max(\mu_i - \theta, 0)\) with θ fixed by \(\sum\nu_i = 1\) (unitary
 *       invariance of the Frobenius norm and the von Neumann trace inequality). Clipping the negative eigenvalues
 *       and renormalising is a different, generally farther, matrix.</li>
 *   <li>{@link #depolarize}: \(Z = (1-\lambda)X + \lambda I/d\) with the smallest \(\lambda \in [0, 1]\) that makes
 *       Z positive semidefinite. The eigenvalues of Z are \((1-\lambda)\mu_i + \lambda/d\), so for
 *       \(\mu_{\min} < 0\): \(\lambda = -d\mu_{\min}/(1 - d\mu_{\min})\), and 0 otherwise.</li>
 * </ul>
 */
public final class StateProjections {
    private StateProjections() {
    }

    /**
     * The Euclidean projection of a real vector onto the probability simplex
     * \(\Delta = \{p : p_i \ge 0, \sum_i p_i = 1\}\): \(p_i = \max(v_i - \theta, 0)\) with
     * \(\theta = (\sum_{i \le \rho} u_i - 1)/\rho\), u the values sorted descending and ρ the largest index with
     * \(u_\rho - (\sum_{i\le\rho}u_i - 1)/\rho > 0\) (Held, Wolfe and Crowder 1974; Duchi et al. 2008).
     *
     * @param v the values (finite, at least one)
     * @return the projection, in the same order
     * @throws IllegalArgumentException for an empty or non-finite vector
     */
    public static double[] simplex(double[] v) {
        if (v.length == 0) {
            throw new IllegalArgumentException("cannot project an empty vector onto the simplex");
        }
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("cannot project a non-finite value " + x + " onto the simplex");
            }
        }
        double theta = simplexShift(v);
        double[] p = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            p[i] = Math.max(v[i] - theta, 0);
        }
        return p;
    }

    /** The shift θ of {@link #simplex}. */
    static double simplexShift(double[] v) {
        return simplexShift(v, 1);
    }

    /** The shift θ with \(\sum_i \max(v_i - \theta, 0) = \) {@code total} (positive). */
    static double simplexShift(double[] v, double total) {
        double[] u = v.clone();
        Arrays.sort(u);
        double sum = 0;
        double theta = 0;
        for (int i = u.length - 1, count = 1; i >= 0; i--, count++) {
            sum += u[i];
            double t = (sum - total) / count;
            if (u[i] - t > 0) {
                theta = t;
            } else {
                break;
            }
        }
        return theta;
    }

    /**
     * The Frobenius-nearest state to a Hermitian matrix (class comment).
     *
     * @param x a square Hermitian matrix (its Hermitian part is used)
     * @return the nearest positive semidefinite matrix of trace 1
     */
    public static ComplexMatrix nearestState(ComplexMatrix x) {
        if (!x.isSquare()) {
            throw new IllegalArgumentException("the nearest state needs a square matrix, got " + x.rows() + "x" + x.cols());
        }
        int d = x.rows();
        double[] out = new double[2 * d * d];
        nearestState(x.plus(x.dagger()).scale(0.5).toInterleaved(), d, out);
        return ComplexMatrix.ofInterleaved(d, d, out);
    }

    /**
     * The nearest state, on interleaved arrays (the hot path of alternating projections):
     * \(\sum_{\mu_i > \theta}(\mu_i - \theta)v_iv_i^\dagger\), a sum of positive semidefinite terms, so the result is
     * positive semidefinite to round-off even where the eigenvectors of a cluster are inaccurate (the cheaper update
     * \(X - \theta I + \sum_{\mu_i \le \theta}(\theta - \mu_i)v_iv_i^\dagger\) is not: it showed eigenvalues of
     * −8e-9 on degenerate spectra).
     *
     * @param x   interleaved Hermitian d×d matrix (not modified)
     * @param d   dimension
     * @param out receives the nearest state (may not alias x)
     * @return the smallest eigenvalue of x
     */
    static double nearestState(double[] x, int d, double[] out) {
        return nearestState(x, d, 0, out);
    }

    /**
     * The Frobenius-nearest matrix of \(\mathcal S_\varepsilon = \{\rho \succeq \varepsilon I, \mathrm{tr}\rho = 1\}\)
     * (ε = 0: the nearest state): eigenvalues \(\nu_i = \varepsilon + \max(\mu_i - \theta, 0)\) with θ fixed by
     * \(\sum_i \max(\mu_i - \theta, 0) = 1 - d\varepsilon\) (the simplex projection of \(\mu - \varepsilon\) scaled
     * to total \(1 - d\varepsilon\), shifted back), computed as \(\varepsilon I + \sum_{\mu_i > \theta}(\mu_i - \theta)
     * v_iv_i^\dagger\).
     *
     * @param x     interleaved Hermitian d×d matrix (not modified)
     * @param d     dimension
     * @param floor ε in [0, 1/d)
     * @param out   receives the projection (may not alias x)
     * @return the smallest eigenvalue of x
     */
    static double nearestState(double[] x, int d, double floor, double[] out) {
        double[] mu = new double[d];
        double[] v = new double[2 * d * d];
        HermitianEigen.decompose(x, d, mu, v);
        double theta = simplexShift(mu, 1 - d * floor);
        spectralSum(v, 1, d, d, mu, theta, out);
        if (floor > 0) {
            for (int i = 0; i < d; i++) {
                out[2 * (i * d + i)] += floor;
            }
        }
        return mu[0];
    }

    /**
     * {@code out = Σ_{μ_k > θ} (μ_k − θ) v_k v_k†}, a sum of positive semidefinite terms.
     *
     * @param v   eigenvectors as columns, interleaved row-major d×d
     * @param d   dimension
     * @param mu  eigenvalues, ascending
     * @param theta the shift
     * @param out receives the sum
     */
    static void spectralSum(double[] v, int d, double[] mu, double theta, double[] out) {
        spectralSum(v, d, 1, d, mu, theta, out);
    }

    /**
     * {@link #spectralSum(double[], int, double[], double, double[])} with the eigenvectors in any layout: component
     * i of vector k at {@code 2 * (i * rowStride + k * columnStride)} (row-major: d, 1; column-major: 1, d).
     */
    static void spectralSum(double[] v, int rowStride, int columnStride, int d, double[] mu, double theta, double[] out) {
        int cut = 0;
        while (cut < d && mu[cut] <= theta) {
            cut++;
        }
        Arrays.fill(out, 0);
        addOuter(out, v, rowStride, columnStride, d, mu, theta, cut, d);
    }

    /**
     * {@code out += Σ_{k in [from, to)} |μ_k − θ| v_k v_k†} as \(BB^\dagger\) with the columns
     * \(b_k = \sqrt{|\mu_k-\theta|}\,v_k\): OpenBLAS's {@code zherk} ({@link ComplexOps#addLowerGramBlas}) from
     * dimension {@value #BLAS_MIN_DIM} on, else a Java loop over the lower triangle; then
     * mirrored (Hermitian).
     */
    private static void addOuter(double[] out, double[] v, int rowStride, int columnStride, int d, double[] mu,
            double theta, int from, int to) {
        int r = to - from;
        if (r > 0) {
            // b[i, c] = sqrt|μ_k − θ| v_k[i], row-major d × r
            double[] b = new double[2 * d * r];
            for (int c = 0; c < r; c++) {
                double w = Math.sqrt(Math.abs(mu[from + c] - theta));
                int k = 2 * (from + c) * columnStride;
                for (int i = 0; i < d; i++) {
                    b[2 * (i * r + c)] = w * v[k + 2 * i * rowStride];
                    b[2 * (i * r + c) + 1] = w * v[k + 2 * i * rowStride + 1];
                }
            }
            if (d >= BLAS_MIN_DIM) {
                ComplexOps.addLowerGramBlas(b, d, r, out);
            } else {
                for (int i = 0; i < d; i++) {
                    int bi = 2 * i * r;
                    for (int j = 0; j <= i; j++) {
                        int bj = 2 * j * r;
                        double sr = 0;
                        double si = 0;
                        for (int c = 0; c < 2 * r; c += 2) {
                            double ar = b[bi + c];
                            double ai = b[bi + c + 1];
                            double cr = b[bj + c];
                            double ci = b[bj + c + 1];
                            sr += ar * cr + ai * ci;
                            si += ai * cr - ar * ci;
                        }
                        out[2 * (i * d + j)] += sr;
                        out[2 * (i * d + j) + 1] += si;
                    }
                }
            }
        }
        for (int i = 0; i < d; i++) {
            out[2 * (i * d + i) + 1] = 0;
            for (int j = 0; j < i; j++) {
                out[2 * (j * d + i)] = out[2 * (i * d + j)];
                out[2 * (j * d + i) + 1] = -out[2 * (i * d + j) + 1];
            }
        }
    }

    /**
     * Below this dimension the Java loop beats the native call's overhead (measured crossover between d = 16 and 32,
     * with about 80 % of the eigenvalues kept).
     */
    static final int BLAS_MIN_DIM = 32;

    /**
     * The smallest depolarising weight that makes \((1-\lambda)X + \lambda I/d\) positive semidefinite (class comment).
     *
     * @param minEigenvalue \(\mu_{\min}\) of a trace-1 Hermitian X
     * @param d             dimension
     * @return λ in [0, 1)
     */
    public static double depolarizingWeight(double minEigenvalue, int d) {
        return minEigenvalue >= 0 ? 0 : -d * minEigenvalue / (1 - d * minEigenvalue);
    }

    /**
     * \(Z = (1-\lambda)X + \lambda I/d\) with λ = {@link #depolarizingWeight}.
     *
     * @param x a Hermitian matrix of trace 1
     * @return Z, positive semidefinite up to round-off, trace 1
     */
    public static ComplexMatrix depolarize(ComplexMatrix x) {
        int d = x.rows();
        double lambda = depolarizingWeight(HermitianEigen.eigenvalues(x)[0], d);
        return x.scale(1 - lambda).plus(ComplexMatrix.identity(d).scale(lambda / d));
    }
}
