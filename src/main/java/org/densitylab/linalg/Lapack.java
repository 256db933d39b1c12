package org.densitylab.linalg;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;

/**
 * The LAPACK and BLAS routines the library calls, from the OpenBLAS build that ND4J already loads (JavaCPP's
 * {@code org.bytedeco:openblas}). Arguments are Java arrays in LAPACK's column-major interleaved layout (BLAS:
 * row-major); LAPACKE allocates its workspace per call and the BLAS buffers are per call, so concurrent calls from
 * many threads share nothing.
 *
 * <p><b>Threads.</b> Every call runs on one OpenBLAS thread. OpenBLAS's thread count is one process-wide
 * setting, shared with ND4J (which sets it from {@code OMP_NUM_THREADS} when its backend starts, 1 in every entry
 * point of the project); each call here first puts it back to 1 if anything changed it, so a process that uses
 * these routines runs ND4J's BLAS on one thread too. Measured reasons, on this 2-core machine with OpenBLAS
 * 0.3.19: with 2 OpenBLAS threads, 8 Java threads decomposing 256×256 matrices at once had not finished after
 * 100 s (4 took 9 s; with one OpenBLAS thread, 16 take about 3 s), and the eigenvectors of a 128×128 matrix
 * came out different in their last bits, so results would depend on the setting. The library parallelises over
 * states instead.
 */
final class Lapack {
    private Lapack() {
    }

    /** Sets OpenBLAS to one thread if it is not (reading the count is a field read; setting it, a native call). */
    private static void oneThread() {
        if (openblas.blas_get_num_threads() != 1) {
            synchronized (Lapack.class) {
                if (openblas.blas_get_num_threads() != 1) {
                    openblas.blas_set_num_threads(1);
                }
            }
        }
    }

    /**
     * LAPACK's {@code zheevd}: eigenvalues, ascending, and optionally eigenvectors of a Hermitian matrix
     * whose lower triangle (column-major) is given.
     *
     * @param a       {@code n×n} column-major interleaved matrix; only its lower triangle is read. With
     *                vectors it receives the orthonormal eigenvectors as columns, otherwise it is destroyed
     * @param n       dimension
     * @param values  receives the n eigenvalues, ascending
     * @param vectors whether to compute eigenvectors
     * @throws ArithmeticException if LAPACK reports a failure
     */
    static void zheevd(double[] a, int n, double[] values, boolean vectors) {
        oneThread();
        int info = openblas.LAPACKE_zheevd(openblas.LAPACK_COL_MAJOR, (byte) (vectors ? 'V' : 'N'), (byte) 'L', n,
                a, n, values);
        check("zheevd", info, n);
    }

    /**
     * LAPACK's {@code zpotrf}: the Cholesky factorisation \(A = LL^\dagger\) of a Hermitian matrix whose lower
     * triangle (column-major) is given; it succeeds exactly when the matrix is positive definite to working precision.
     *
     * @param a {@code n×n} column-major interleaved matrix; its lower triangle is overwritten by L
     * @param n dimension
     * @return whether the factorisation succeeded (false: a leading minor is not positive)
     */
    static boolean zpotrf(double[] a, int n) {
        oneThread();
        int info = openblas.LAPACKE_zpotrf(openblas.LAPACK_COL_MAJOR, (byte) 'L', n, a, n);
        if (info < 0) {
            check("zpotrf", info, n);
        }
        return info == 0;
    }

    /**
     * LAPACK's {@code zgesdd} without singular vectors: the singular values of an {@code m×n} matrix.
     *
     * @param a      column-major interleaved {@code m×n} matrix, destroyed
     * @param m      rows
     * @param n      columns
     * @param values receives the min(m, n) singular values, descending
     * @throws ArithmeticException if LAPACK reports a failure
     */
    static void zgesdd(double[] a, int m, int n, double[] values) {
        oneThread();
        double[] unused = new double[2];
        int info = openblas.LAPACKE_zgesdd(openblas.LAPACK_COL_MAJOR, (byte) 'N', m, n, a, m, values, unused, 1, unused, 1);
        check("zgesdd", info, m, n);
    }

    /**
     * BLAS's {@code zgemm}: the product \(\mathrm{op}(A)\,\mathrm{op}(B)\) of row-major interleaved matrices,
     * op = identity or conjugate transpose.
     *
     * @param a       left factor: {@code m×k}, or {@code k×m} if daggerA
     * @param daggerA whether to use \(A^\dagger\)
     * @param b       right factor: {@code k×n}, or {@code n×k} if daggerB
     * @param daggerB whether to use \(B^\dagger\)
     * @param m       rows of op(A)
     * @param k       columns of op(A) = rows of op(B)
     * @param n       columns of op(B)
     * @return the interleaved {@code m×n} product
     */
    static double[] zgemm(double[] a, boolean daggerA, double[] b, boolean daggerB, int m, int k, int n) {
        oneThread();
        double[] c = new double[2 * m * n];
        try (DoublePointer pa = new DoublePointer(a); DoublePointer pb = new DoublePointer(b);
                DoublePointer pc = new DoublePointer(c.length); DoublePointer one = new DoublePointer(1.0, 0.0);
                DoublePointer zero = new DoublePointer(0.0, 0.0)) {
            openblas.cblas_zgemm(openblas.CblasRowMajor, daggerA ? openblas.CblasConjTrans : openblas.CblasNoTrans,
                    daggerB ? openblas.CblasConjTrans : openblas.CblasNoTrans, m, n, k, one, pa, daggerA ? m : k,
                    pb, daggerB ? k : n, zero, pc, n);
            pc.get(c);
        }
        return c;
    }

    /**
     * BLAS's {@code zherk}: adds the lower triangle of \(BB^\dagger\) to {@code c} (c is taken as Hermitian: the upper triangle
     * is left as is, the imaginary parts of the diagonal are set to 0).
     *
     * @param b interleaved row-major {@code d×r}
     * @param d rows of b
     * @param r columns of b
     * @param c interleaved row-major {@code d×d}, updated in place
     */
    static void zherkLower(double[] b, int d, int r, double[] c) {
        oneThread();
        try (DoublePointer pb = new DoublePointer(b); DoublePointer pc = new DoublePointer(c)) {
            openblas.cblas_zherk(openblas.CblasRowMajor, openblas.CblasLower, openblas.CblasNoTrans, d, r, 1.0, pb, r, 1.0,
                    pc, d);
            pc.get(c);
        }
    }

    /**
     * Rejects a matrix with a non-finite entry (LAPACK would return garbage or fail obscurely).
     *
     * @param a    interleaved matrix, row-major
     * @param rows rows
     * @param cols columns
     * @param what what is being computed, for the message ("the eigenvalues")
     * @throws IllegalArgumentException naming the first non-finite entry
     */
    static void requireFinite(double[] a, int rows, int cols, String what) {
        for (int k = 0; k < 2 * rows * cols; k++) {
            if (!Double.isFinite(a[k])) {
                throw new IllegalArgumentException("cannot compute " + what + " of a " + rows + "x" + cols
                        + " matrix: entry (" + k / 2 / cols + "," + k / 2 % cols + ") is " + a[k]
                        + " (check the input for overflow or missing values)");
            }
        }
    }

    private static void check(String routine, int info, int n) {
        check(routine, info, n, n);
    }

    /** Turns LAPACK's {@code info} into an exception with a message; 0 passes. */
    static void check(String routine, int info, int m, int n) {
        if (info > 0) {
            throw new ArithmeticException("LAPACK " + routine + " did not converge on a " + m + "x" + n
                    + " matrix (info = " + info + "); the matrix may be badly scaled"
                    + (routine.equals("zheevd") ? " or not Hermitian" : ""));
        }
        if (info < 0) {
            // LAPACKE's own codes: -1011 = out of memory; -k = argument k invalid (a defect of this class)
            throw new IllegalStateException(info == -1011
                    ? "LAPACK " + routine + " ran out of native memory for a " + m + "x" + n + " matrix"
                    : "LAPACK " + routine + " rejected argument " + -info + " for a " + m + "x" + n + " matrix");
        }
    }
}
