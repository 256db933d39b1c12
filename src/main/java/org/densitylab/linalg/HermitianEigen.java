package org.densitylab.linalg;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Spectra of complex Hermitian matrices \(H = A + iB\), by whichever of two solvers is faster at the size.
 *
 * <p><b>LAPACK</b> ({@link Solver#LAPACK}): {@code zheevd} (Householder tridiagonalisation, then divide and
 * conquer) from the OpenBLAS build that ND4J ships, on one OpenBLAS thread. It reads the lower triangle of
 * \((H + H^\dagger)/2\).
 *
 * <p><b>Java</b> ({@link Solver#JAVA}), eigenvalues only: Householder reduction of \(H\) to a real symmetric
 * tridiagonal matrix (each reflection zeroes a column below the subdiagonal; the complex subdiagonal is made
 * real by a diagonal unitary similarity, so only its modulus is kept), then the implicit QL algorithm with
 * Wilkinson shifts, with no call overhead. Square roots are taken as \(\sqrt{x^2+y^2}\) rather than
 * {@code Math.hypot} (much slower): entries must stay below about \(10^{150}\) in magnitude, far above
 * anything a quantum state produces. With eigenvectors: EJML's symmetric eigen-decomposition of the real
 * embedding \(M = \begin{pmatrix}A & -B\\ B & A\end{pmatrix}\). Every eigenvalue of \(H\) appears twice in
 * \(M\); if \(M(u;v) = \lambda(u;v)\) then \(H(u+iv) = \lambda(u+iv)\). Within each cluster of equal
 * eigenvalues the complex vectors \(u+iv\) are orthonormalised by pivoted Gram–Schmidt, keeping half of them.
 *
 * <p><b>Which one.</b> Measured with {@code densitylab bench eigen} (both solvers in one run, one thread, random
 * full-rank density matrices, median thread-CPU time per call; 2-core Xeon shared with other jobs, load average
 * 14.4–14.5, JDK 17, OpenBLAS 0.3.19 of JavaCPP 1.5.7; docs/performance.md has the whole table):
 * <pre>
 *     d   eigenvalues (ms): Java    LAPACK    with eigenvectors (ms): Java    LAPACK
 *     2                  0.00006   0.00049                          0.00058   0.00069
 *     3                  0.00024   0.00085                          0.00139   0.00139
 *    16                  0.0106    0.0113                           0.083     0.036
 *    20                  0.0182    0.0173                           0.147     0.061
 *    32                  0.061     0.043                            0.50      0.11
 *   256                 20.1       7.0                            204        14.5
 * </pre>
 * A LAPACK call costs about 0.5 µs even at d = 2, so the Java eigenvalues stay faster up to d = 16 and
 * {@link #eigenvalues} uses LAPACK from d = {@value #LAPACK_EIGENVALUES_FROM} (3× faster at 256); with eigenvectors
 * LAPACK is as fast at d = 3 and faster above (14× at 256), so {@link #decompose} uses it from
 * d = {@value #LAPACK_VECTORS_FROM}. The default methods pick by these crossovers; the
 * {@link Solver} overloads force one (benchmarks, cross-checks).
 *
 * <p>All methods are thread-safe: their buffers are per call. Input with a non-finite entry is rejected.
 */
public final class HermitianEigen {
    /** Smallest dimension at which {@link #eigenvalues} calls LAPACK (measured crossover, see the class comment). */
    public static final int LAPACK_EIGENVALUES_FROM = 20;
    /** Smallest dimension at which {@link #decompose} calls LAPACK (measured crossover, see the class comment). */
    public static final int LAPACK_VECTORS_FROM = 3;

    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_QL_ITERATIONS = 60;

    private HermitianEigen() {
    }

    /** The two implementations (see the class comment). */
    public enum Solver {
        /** Pure Java: Householder + QL for eigenvalues, EJML on the real embedding for eigenvectors. */
        JAVA,
        /** LAPACK's {@code zheevd} through OpenBLAS, one thread. */
        LAPACK
    }

    /**
     * An eigen-decomposition \(H = V \mathrm{diag}(\lambda) V^\dagger\).
     *
     * @param values  eigenvalues in ascending order
     * @param vectors unitary matrix whose column {@code k} is the eigenvector of {@code values[k]}
     */
    public record Decomposition(double[] values, ComplexMatrix vectors) {
    }

    /**
     * Eigenvalues of a Hermitian matrix, ascending, by the faster solver for its size.
     *
     * @param h a square matrix, assumed Hermitian
     * @return the eigenvalues in ascending order
     * @throws IllegalArgumentException if the matrix is not square or has a non-finite entry
     */
    public static double[] eigenvalues(ComplexMatrix h) {
        return eigenvalues(h, h.rows() < LAPACK_EIGENVALUES_FROM ? Solver.JAVA : Solver.LAPACK);
    }

    /**
     * Eigenvalues of a Hermitian matrix, ascending, by the given solver.
     *
     * @param h      a square matrix, assumed Hermitian
     * @param solver which implementation
     * @return the eigenvalues in ascending order
     * @throws IllegalArgumentException if the matrix is not square or has a non-finite entry
     */
    public static double[] eigenvalues(ComplexMatrix h, Solver solver) {
        h.requireSquare();
        int n = h.rows();
        requireFinite(h.raw(), n);
        double[] out = new double[n];
        if (solver == Solver.LAPACK) {
            Lapack.zheevd(lowerColumnMajor(h.raw(), n), n, out, false);
        } else {
            javaEigenvalues(h.raw().clone(), n, out, new double[n]);
        }
        return out;
    }

    /**
     * Eigenvalues of a Hermitian matrix given as an interleaved array, ascending, by the faster solver for its
     * size; the Java solver allocates nothing, LAPACK only its native workspace. The array is overwritten.
     *
     * @param a    interleaved {@code n×n} matrix, destroyed
     * @param n    dimension
     * @param out  receives the n eigenvalues in ascending order
     * @param work scratch of length at least n (the off-diagonal of the tridiagonal form)
     * @throws IllegalArgumentException if an entry is not finite
     */
    public static void eigenvalues(double[] a, int n, double[] out, double[] work) {
        requireFinite(a, n);
        if (n < LAPACK_EIGENVALUES_FROM) {
            javaEigenvalues(a, n, out, work);
        } else {
            // row-major H read as column-major is H^T = conj(H), which has the same eigenvalues
            Lapack.zheevd(a, n, out, false);
        }
    }

    private static void javaEigenvalues(double[] a, int n, double[] out, double[] work) {
        tridiagonalize(a, n, out, work);
        tridiagonalQl(out, work, n);
        Arrays.sort(out, 0, n);
    }

    /**
     * Full eigen-decomposition of a Hermitian matrix by the faster solver for its size.
     *
     * @param h a Hermitian matrix (only \((H + H^\dagger)/2\) matters)
     * @return eigenvalues ascending and orthonormal eigenvectors as columns
     * @throws IllegalArgumentException if the matrix is not square or has a non-finite entry
     * @throws ArithmeticException      if the solver fails to converge
     */
    public static Decomposition decompose(ComplexMatrix h) {
        return decompose(h, h.rows() < LAPACK_VECTORS_FROM ? Solver.JAVA : Solver.LAPACK);
    }

    /**
     * Full eigen-decomposition of a Hermitian matrix by the given solver.
     *
     * @param h      a Hermitian matrix (only \((H + H^\dagger)/2\) matters)
     * @param solver which implementation
     * @return eigenvalues ascending and orthonormal eigenvectors as columns
     * @throws IllegalArgumentException if the matrix is not square or has a non-finite entry
     * @throws ArithmeticException      if the solver fails to converge
     */
    public static Decomposition decompose(ComplexMatrix h, Solver solver) {
        h.requireSquare();
        int n = h.rows();
        requireFinite(h.raw(), n);
        if (solver == Solver.JAVA) {
            return javaDecompose(h.raw(), n);
        }
        double[] c = lowerColumnMajor(h.raw(), n);
        double[] values = new double[n];
        Lapack.zheevd(c, n, values, true);
        double[] vecs = new double[2 * n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                vecs[2 * (i * n + j)] = c[2 * (j * n + i)];
                vecs[2 * (i * n + j) + 1] = c[2 * (j * n + i) + 1];
            }
        }
        return new Decomposition(values, ComplexMatrix.wrap(n, n, vecs));
    }

    /**
     * Full eigen-decomposition on arrays, for hot loops (alternating projections): two passes over the matrix
     * besides the solver, where {@link #decompose(ComplexMatrix)} makes four copies.
     *
     * @param h       interleaved row-major Hermitian {@code n×n} matrix (not modified; exactly Hermitian up to
     *                round-off: one triangle is read)
     * @param n       dimension
     * @param values  receives the n eigenvalues, ascending
     * @param vectors receives the orthonormal eigenvectors as columns, interleaved <em>column-major</em>:
     *                component i of vector j at {@code 2 * (j * n + i)}
     * @throws IllegalArgumentException if an entry is not finite
     * @throws ArithmeticException      if the solver fails to converge
     */
    public static void decompose(double[] h, int n, double[] values, double[] vectors) {
        requireFinite(h, n);
        if (n < LAPACK_VECTORS_FROM) {
            Decomposition e = javaDecompose(h, n);
            System.arraycopy(e.values(), 0, values, 0, n);
            double[] v = e.vectors().raw();
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    vectors[2 * (j * n + i)] = v[2 * (i * n + j)];
                    vectors[2 * (j * n + i) + 1] = v[2 * (i * n + j) + 1];
                }
            }
            return;
        }
        // row-major H read as column-major is H^T = conj(H): its eigenvectors are the conjugates of H's
        System.arraycopy(h, 0, vectors, 0, 2 * n * n);
        Lapack.zheevd(vectors, n, values, true);
        for (int k = 1; k < 2 * n * n; k += 2) {
            vectors[k] = -vectors[k];
        }
    }

    /**
     * Whether a Hermitian matrix is positive definite, by a Cholesky factorisation (LAPACK {@code zpotrf}), about a
     * tenth of the cost of its eigenvalues at n = 32. Success means the matrix is positive definite up to a backward
     * error of the order of round-off, the same guarantee as a computed smallest eigenvalue ≥ 0.
     *
     * @param h interleaved row-major Hermitian {@code n×n} matrix (not modified; one triangle is read)
     * @param n dimension
     * @return whether the factorisation succeeded
     * @throws IllegalArgumentException if an entry is not finite
     */
    public static boolean isPositiveDefinite(double[] h, int n) {
        requireFinite(h, n);
        // row-major H read as column-major is conj(H): positive definite exactly when H is
        return Lapack.zpotrf(h.clone(), n);
    }

    /** The lower triangle of \((H + H^\dagger)/2\), column-major (the upper triangle is left zero). */
    private static double[] lowerColumnMajor(double[] a, int n) {
        double[] c = new double[2 * n * n];
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                int ij = 2 * (i * n + j);
                int ji = 2 * (j * n + i);
                c[2 * (j * n + i)] = 0.5 * (a[ij] + a[ji]);
                c[2 * (j * n + i) + 1] = 0.5 * (a[ij + 1] - a[ji + 1]);
            }
        }
        return c;
    }

    private static void requireFinite(double[] a, int n) {
        Lapack.requireFinite(a, n, n, "the eigenvalues");
    }

    /**
     * Reduces a Hermitian matrix to real symmetric tridiagonal form by Householder reflections from the
     * left and right, \(H_k = I - \tau v v^\dagger\); diagonal into {@code d}, subdiagonal moduli into
     * {@code e[0..n-2]}.
     */
    private static void tridiagonalize(double[] a, int n, double[] d, double[] e) {
        double[] v = new double[2 * n];
        double[] w = new double[2 * n];
        for (int k = 0; k + 2 < n; k++) {
            d[k] = a[2 * (k * n + k)];
            int c0 = 2 * ((k + 1) * n + k);
            double alphaR = a[c0];
            double alphaI = a[c0 + 1];
            double tail = 0;
            for (int i = k + 2; i < n; i++) {
                double xr = a[2 * (i * n + k)];
                double xi = a[2 * (i * n + k) + 1];
                tail += xr * xr + xi * xi;
            }
            double alphaAbs = Math.sqrt(alphaR * alphaR + alphaI * alphaI);
            if (tail == 0) {
                e[k] = alphaAbs;
                continue;
            }
            double norm = Math.sqrt(alphaAbs * alphaAbs + tail);
            double phR = alphaAbs == 0 ? 1 : alphaR / alphaAbs;
            double phI = alphaAbs == 0 ? 0 : alphaI / alphaAbs;
            int m = n - k - 1;
            // v = x + phase·|x|·e1, so that (I - τvv†)x = -phase·|x|·e1
            v[0] = alphaR + phR * norm;
            v[1] = alphaI + phI * norm;
            for (int i = 1; i < m; i++) {
                v[2 * i] = a[2 * ((k + 1 + i) * n + k)];
                v[2 * i + 1] = a[2 * ((k + 1 + i) * n + k) + 1];
            }
            double tau = 2.0 / (v[0] * v[0] + v[1] * v[1] + tail);
            e[k] = norm;
            // p = τ A22 v (into w), then K = (τ/2) v†p (real), w = p - K v
            double kr = 0;
            for (int i = 0; i < m; i++) {
                int row = 2 * ((k + 1 + i) * n + k + 1);
                double pr = 0;
                double pi = 0;
                for (int j = 0; j < m; j++) {
                    double ar = a[row + 2 * j];
                    double ai = a[row + 2 * j + 1];
                    pr += ar * v[2 * j] - ai * v[2 * j + 1];
                    pi += ar * v[2 * j + 1] + ai * v[2 * j];
                }
                w[2 * i] = tau * pr;
                w[2 * i + 1] = tau * pi;
                kr += v[2 * i] * w[2 * i] + v[2 * i + 1] * w[2 * i + 1];
            }
            kr *= tau / 2;
            for (int i = 0; i < m; i++) {
                w[2 * i] -= kr * v[2 * i];
                w[2 * i + 1] -= kr * v[2 * i + 1];
            }
            // A22 -= v w† + w v†
            for (int i = 0; i < m; i++) {
                int row = 2 * ((k + 1 + i) * n + k + 1);
                double vr = v[2 * i];
                double vi = v[2 * i + 1];
                double wr = w[2 * i];
                double wi = w[2 * i + 1];
                for (int j = 0; j < m; j++) {
                    double xr = v[2 * j];
                    double xi = v[2 * j + 1];
                    double yr = w[2 * j];
                    double yi = w[2 * j + 1];
                    a[row + 2 * j] -= vr * yr + vi * yi + wr * xr + wi * xi;
                    a[row + 2 * j + 1] -= vi * yr - vr * yi + wi * xr - wr * xi;
                }
            }
        }
        if (n >= 2) {
            d[n - 2] = a[2 * ((n - 2) * n + n - 2)];
            e[n - 2] = Math.hypot(a[2 * ((n - 1) * n + n - 2)], a[2 * ((n - 1) * n + n - 2) + 1]);
        }
        d[n - 1] = a[2 * ((n - 1) * n + n - 1)];
    }

    /**
     * Eigenvalues of the symmetric tridiagonal matrix (d, e) by the implicit QL algorithm with Wilkinson
     * shifts, overwriting d; e is destroyed.
     */
    private static void tridiagonalQl(double[] d, double[] e, int n) {
        e[n - 1] = 0;
        for (int l = 0; l < n; l++) {
            int iterations = 0;
            while (true) {
                int m = l;
                while (m < n - 1 && Math.abs(e[m]) > EPS * (Math.abs(d[m]) + Math.abs(d[m + 1]))) {
                    m++;
                }
                if (m == l) {
                    break;
                }
                if (++iterations > MAX_QL_ITERATIONS) {
                    throw new ArithmeticException("eigenvalues did not converge in " + MAX_QL_ITERATIONS
                            + " QL iterations (is the matrix finite and Hermitian?)");
                }
                double g = (d[l + 1] - d[l]) / (2 * e[l]);
                double r = Math.sqrt(g * g + 1.0);
                g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                double s = 1;
                double c = 1;
                double p = 0;
                boolean deflated = false;
                for (int i = m - 1; i >= l; i--) {
                    double f = s * e[i];
                    double b = c * e[i];
                    r = Math.sqrt(f * f + g * g); // not hypot: 10x faster, and entries here are far from overflow
                    e[i + 1] = r;
                    if (r == 0) {
                        d[i + 1] -= p;
                        e[m] = 0;
                        deflated = true;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                }
                if (!deflated) {
                    d[l] -= p;
                    e[l] = g;
                    e[m] = 0;
                }
            }
        }
    }

    /** The Java decomposition: EJML's symmetric eigen-solver on the real embedding (see the class comment). */
    private static Decomposition javaDecompose(double[] a, int n) {
        DMatrixRMaj m = new DMatrixRMaj(2 * n, 2 * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // symmetrise explicitly so round-off asymmetry cannot reach EJML
                double re = 0.5 * (a[2 * (i * n + j)] + a[2 * (j * n + i)]);
                double im = 0.5 * (a[2 * (i * n + j) + 1] - a[2 * (j * n + i) + 1]);
                m.set(i, j, re);
                m.set(i + n, j + n, re);
                m.set(i, j + n, -im);
                m.set(i + n, j, im);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2 * n, true, true);
        if (!eig.decompose(m)) {
            throw new ArithmeticException("EJML's symmetric eigen-decomposition failed for a " + n + "x" + n + " matrix");
        }
        Integer[] order = new Integer[2 * n];
        double[] lam = new double[2 * n];
        double scale = 0;
        for (int k = 0; k < 2 * n; k++) {
            order[k] = k;
            lam[k] = eig.getEigenvalue(k).getReal();
            scale = Math.max(scale, Math.abs(lam[k]));
        }
        Arrays.sort(order, (x, y) -> Double.compare(lam[x], lam[y]));
        double tol = 1e-9 * Math.max(1.0, scale);

        double[] values = new double[n];
        double[] vecs = new double[2 * n * n];
        int found = 0;
        int start = 0;
        while (start < 2 * n) {
            int end = start + 1;
            while (end < 2 * n && lam[order[end]] - lam[order[end - 1]] <= tol) {
                end++;
            }
            int want = Math.min((end - start + 1) / 2, n - found);
            double[][] cand = new double[end - start][];
            for (int c = 0; c < cand.length; c++) {
                DMatrixRMaj ev = eig.getEigenVector(order[start + c]);
                double[] z = new double[2 * n];
                for (int i = 0; i < n; i++) {
                    z[2 * i] = ev.get(i, 0);
                    z[2 * i + 1] = ev.get(i + n, 0);
                }
                cand[c] = z;
            }
            for (int taken = 0; taken < want; taken++) {
                int best = -1;
                double bestNorm = -1;
                for (int c = 0; c < cand.length; c++) {
                    if (cand[c] == null) {
                        continue;
                    }
                    double nrm = ComplexOps.norm(cand[c]);
                    if (nrm > bestNorm) {
                        bestNorm = nrm;
                        best = c;
                    }
                }
                double[] z = cand[best];
                cand[best] = null;
                for (int i = 0; i < z.length; i++) {
                    z[i] /= bestNorm;
                }
                for (double[] other : cand) {
                    if (other != null) {
                        ComplexOps.projectOut(other, z);
                    }
                }
                values[found] = rayleigh(a, z, n);
                for (int i = 0; i < n; i++) {
                    vecs[2 * (i * n + found)] = z[2 * i];
                    vecs[2 * (i * n + found) + 1] = z[2 * i + 1];
                }
                found++;
            }
            start = end;
        }
        if (found != n) {
            throw new ArithmeticException("could not extract " + n + " eigenvectors from the real embedding (got " + found + ")");
        }
        return new Decomposition(values, ComplexMatrix.wrap(n, n, vecs));
    }

    /** z† H z for a unit vector z (real for Hermitian H). */
    private static double rayleigh(double[] h, double[] z, int n) {
        double[] hz = ComplexOps.mult(h, z, n, n, 1);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += z[2 * i] * hz[2 * i] + z[2 * i + 1] * hz[2 * i + 1];
        }
        return s;
    }
}
