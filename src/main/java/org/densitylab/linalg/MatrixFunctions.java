package org.densitylab.linalg;

import java.util.function.DoubleUnaryOperator;

/** Functions of Hermitian matrices and matrix norms. */
public final class MatrixFunctions {
    /** Eigenvalues above {@code -PSD_TOLERANCE} count as non-negative in {@link #sqrtPsd}. */
    public static final double PSD_TOLERANCE = 1e-10;

    private MatrixFunctions() {
    }

    /**
     * \(f(H) = V\,\mathrm{diag}(f(\lambda_k))\,V^\dagger\) for a Hermitian \(H = V\,\mathrm{diag}(\lambda)V^\dagger\).
     *
     * @param h a Hermitian matrix
     * @param f the scalar function
     * @return \(f(H)\)
     */
    public static ComplexMatrix apply(ComplexMatrix h, DoubleUnaryOperator f) {
        return compose(HermitianEigen.decompose(h), f);
    }

    /**
     * \(V_K\,\mathrm{diag}(f(\lambda_K))\,V_K^\dagger\) over the columns K with \(f(\lambda_k) \ne 0\), as one matrix
     * product (OpenBLAS's {@code zgemm} from {@link ComplexOps#BLAS_FROM_WORK} on), made exactly Hermitian.
     */
    private static ComplexMatrix compose(HermitianEigen.Decomposition dec, DoubleUnaryOperator f) {
        int n = dec.values().length;
        double[] v = dec.vectors().raw();
        int[] kept = new int[n];
        double[] fk = new double[n];
        int r = 0;
        for (int k = 0; k < n; k++) {
            double y = f.applyAsDouble(dec.values()[k]);
            if (y != 0) {
                kept[r] = k;
                fk[r++] = y;
            }
        }
        double[] w = new double[2 * n * r];      // V_K diag(f_K), n × r
        double[] vDagger = new double[2 * r * n]; // V_K†, r × n
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < r; c++) {
                double re = v[2 * (i * n + kept[c])];
                double im = v[2 * (i * n + kept[c]) + 1];
                w[2 * (i * r + c)] = fk[c] * re;
                w[2 * (i * r + c) + 1] = fk[c] * im;
                vDagger[2 * (c * n + i)] = re;
                vDagger[2 * (c * n + i) + 1] = -im;
            }
        }
        boolean large = (long) n * n * r >= ComplexOps.BLAS_FROM_WORK;
        double[] out = r == 0 ? new double[2 * n * n]
                : large ? ComplexOps.multBlas(w, vDagger, n, r, n) : ComplexOps.mult(w, vDagger, n, r, n);
        // f real makes f(H) Hermitian; BLAS's blocked sums may leave round-off asymmetry, which this removes
        ComplexOps.hermitize(out, n);
        return ComplexMatrix.wrap(n, n, out);
    }

    /**
     * The positive semidefinite square root \(\sqrt{H}\) of a PSD Hermitian matrix. Eigenvalues in
     * \([-\)PSD_TOLERANCE\(, 0)\), and positive ones at round-off level (\(\le 4n\,\mathrm{ulp}(\|H\|)\)),
     * are treated as 0.
     *
     * @param h a PSD Hermitian matrix
     * @return \(\sqrt{H}\)
     * @throws IllegalArgumentException if an eigenvalue is below {@code -PSD_TOLERANCE}
     */
    public static ComplexMatrix sqrtPsd(ComplexMatrix h) {
        HermitianEigen.Decomposition dec = HermitianEigen.decompose(h);
        double[] lam = dec.values();
        // eigenvalues at round-off level are zeros: their square roots (~1e-8) would swamp the result
        double roundOff = 4.0 * lam.length * Math.ulp(Math.max(Math.abs(lam[0]), Math.abs(lam[lam.length - 1])));
        if (lam[0] < -PSD_TOLERANCE) {
            throw new IllegalArgumentException("matrix is not positive semidefinite: eigenvalue " + lam[0]);
        }
        return compose(dec, x -> x <= roundOff ? 0 : Math.sqrt(x));
    }

    /**
     * The trace (nuclear) norm \(\|A\|_1 = \sum_k \sigma_k(A)\) of any complex matrix, from LAPACK's
     * {@code zgesdd} (singular values only). A row-major matrix read column-major is its transpose, which has the
     * same singular values, so the entries go to LAPACK as they are.
     *
     * @param a a complex matrix
     * @return the sum of its singular values
     * @throws IllegalArgumentException if an entry is not finite
     */
    public static double traceNorm(ComplexMatrix a) {
        int r = a.rows();
        int c = a.cols();
        Lapack.requireFinite(a.raw(), r, c, "the trace norm");
        double[] sv = new double[Math.min(r, c)];
        Lapack.zgesdd(a.toInterleaved(), c, r, sv);
        double s = 0;
        for (double x : sv) {
            s += x;
        }
        return s;
    }

    /**
     * The trace norm of a Hermitian matrix, \(\sum_k |\lambda_k|\).
     *
     * @param h a Hermitian matrix
     * @return the sum of absolute eigenvalues
     */
    public static double traceNormHermitian(ComplexMatrix h) {
        double s = 0;
        for (double x : HermitianEigen.eigenvalues(h)) {
            s += Math.abs(x);
        }
        return s;
    }
}
