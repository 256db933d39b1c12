package org.densitylab.linalg;

/**
 * Kernels on interleaved complex arrays (row-major, (re, im) pairs) for the hot paths of the library.
 * They allocate only their result, and never check their arguments: callers do.
 */
public final class ComplexOps {
    /**
     * Work m·k·n from which {@link #multBlas} beats {@link #mult} (measured crossover about 20×20×20: {@code
     * densitylab bench eigen}, docs/performance.md); callers that may meet large matrices choose by it.
     */
    public static final long BLAS_FROM_WORK = 20L * 20 * 20;

    private ComplexOps() {
    }

    /**
     * The same product as {@link #mult} by OpenBLAS's {@code zgemm} on one thread: several times faster for large
     * matrices, slower below {@link #BLAS_FROM_WORK} (a call costs a few microseconds).
     *
     * @param a left, interleaved
     * @param b right, interleaved
     * @param m rows of a
     * @param k columns of a = rows of b
     * @param n columns of b
     * @return the interleaved product
     */
    public static double[] multBlas(double[] a, double[] b, int m, int k, int n) {
        return Lapack.zgemm(a, false, b, false, m, k, n);
    }

    /**
     * \(\mathrm{op}(A)\,\mathrm{op}(B)\) of square matrices, op = identity or conjugate transpose, by OpenBLAS's
     * {@code zgemm} on one thread from {@link #BLAS_FROM_WORK} on, else in Java.
     *
     * @param a       left, interleaved d×d
     * @param daggerA whether to use \(A^\dagger\)
     * @param b       right, interleaved d×d
     * @param daggerB whether to use \(B^\dagger\)
     * @param d       dimension
     * @return the interleaved product
     */
    public static double[] mult(double[] a, boolean daggerA, double[] b, boolean daggerB, int d) {
        if ((long) d * d * d >= BLAS_FROM_WORK) {
            return Lapack.zgemm(a, daggerA, b, daggerB, d, d, d);
        }
        return mult(daggerA ? dagger(a, d) : a, daggerB ? dagger(b, d) : b, d, d, d);
    }

    /**
     * Adds the lower triangle of \(BB^\dagger\) to {@code c} by OpenBLAS's {@code zherk} on one thread (c is taken
     * as Hermitian: the upper triangle is left as is, the imaginary parts of the diagonal are set to 0).
     *
     * @param b interleaved row-major d×r
     * @param d rows of b
     * @param r columns of b
     * @param c interleaved row-major d×d, updated in place
     */
    public static void addLowerGramBlas(double[] b, int d, int r, double[] c) {
        Lapack.zherkLower(b, d, r, c);
    }

    private static double[] dagger(double[] a, int d) {
        return ComplexMatrix.ofInterleaved(d, d, a).dagger().toInterleaved();
    }

    /**
     * Replaces a square matrix by its Hermitian part \((A + A^\dagger)/2\), in place (exactly Hermitian afterwards).
     *
     * @param a interleaved {@code n×n} matrix
     * @param n dimension
     */
    public static void hermitize(double[] a, int n) {
        for (int i = 0; i < n; i++) {
            a[2 * (i * n + i) + 1] = 0;
            for (int j = i + 1; j < n; j++) {
                double re = 0.5 * (a[2 * (i * n + j)] + a[2 * (j * n + i)]);
                double im = 0.5 * (a[2 * (i * n + j) + 1] - a[2 * (j * n + i) + 1]);
                a[2 * (i * n + j)] = re;
                a[2 * (i * n + j) + 1] = im;
                a[2 * (j * n + i)] = re;
                a[2 * (j * n + i) + 1] = -im;
            }
        }
    }

    /**
     * Product of an {@code m×k} and a {@code k×n} matrix.
     *
     * @param a left, interleaved
     * @param b right, interleaved
     * @param m rows of a
     * @param k columns of a = rows of b
     * @param n columns of b
     * @return the interleaved product
     */
    public static double[] mult(double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[2 * m * n];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double ar = a[2 * (i * k + p)];
                double ai = a[2 * (i * k + p) + 1];
                if (ar == 0 && ai == 0) {
                    continue;
                }
                int bo = 2 * p * n;
                int co = 2 * i * n;
                for (int j = 0; j < n; j++) {
                    double br = b[bo + 2 * j];
                    double bi = b[bo + 2 * j + 1];
                    c[co + 2 * j] += ar * br - ai * bi;
                    c[co + 2 * j + 1] += ar * bi + ai * br;
                }
            }
        }
        return c;
    }

    /**
     * Kronecker product of an {@code ar×ac} and a {@code br×bc} matrix.
     *
     * @param a  left factor
     * @param ar rows of a
     * @param ac columns of a
     * @param b  right factor
     * @param br rows of b
     * @param bc columns of b
     * @return the interleaved {@code (ar·br)×(ac·bc)} product
     */
    public static double[] kron(double[] a, int ar, int ac, double[] b, int br, int bc) {
        int cols = ac * bc;
        double[] c = new double[2 * ar * br * cols];
        for (int i = 0; i < ar; i++) {
            for (int j = 0; j < ac; j++) {
                double xr = a[2 * (i * ac + j)];
                double xi = a[2 * (i * ac + j) + 1];
                for (int k = 0; k < br; k++) {
                    int row = i * br + k;
                    for (int l = 0; l < bc; l++) {
                        double yr = b[2 * (k * bc + l)];
                        double yi = b[2 * (k * bc + l) + 1];
                        int o = 2 * (row * cols + j * bc + l);
                        c[o] = xr * yr - xi * yi;
                        c[o + 1] = xr * yi + xi * yr;
                    }
                }
            }
        }
        return c;
    }

    /**
     * Adds \(w\,|\psi\rangle\langle\psi|\) to a {@code d×d} matrix.
     *
     * @param rho the matrix to update, interleaved
     * @param psi a vector of length d, interleaved
     * @param d   dimension
     * @param w   real weight
     */
    public static void addProjector(double[] rho, double[] psi, int d, double w) {
        for (int i = 0; i < d; i++) {
            double pr = w * psi[2 * i];
            double pi = w * psi[2 * i + 1];
            int o = 2 * i * d;
            for (int j = 0; j < d; j++) {
                double qr = psi[2 * j];
                double qi = psi[2 * j + 1];
                rho[o + 2 * j] += pr * qr + pi * qi;
                rho[o + 2 * j + 1] += pi * qr - pr * qi;
            }
        }
    }

    /**
     * Removes from x its component along the unit vector z: \(x \leftarrow x - \langle z, x\rangle z\)
     * (one step of Gram–Schmidt).
     *
     * @param x an interleaved vector, updated
     * @param z an interleaved unit vector of the same length
     */
    public static void projectOut(double[] x, double[] z) {
        double cr = 0;
        double ci = 0;
        for (int i = 0; i < z.length; i += 2) {
            cr += z[i] * x[i] + z[i + 1] * x[i + 1];
            ci += z[i] * x[i + 1] - z[i + 1] * x[i];
        }
        for (int i = 0; i < z.length; i += 2) {
            x[i] -= cr * z[i] - ci * z[i + 1];
            x[i + 1] -= cr * z[i + 1] + ci * z[i];
        }
    }

    /**
     * @param x an interleaved vector
     * @return its Euclidean norm
     */
    public static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /**
     * Orthonormalises vectors in place by modified Gram–Schmidt, twice ("twice is enough" for round-off).
     *
     * @param vectors linearly independent interleaved vectors of equal length
     */
    public static void orthonormalize(double[][] vectors) {
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < vectors.length; c++) {
                for (int p = 0; p < c; p++) {
                    projectOut(vectors[c], vectors[p]);
                }
                double s = 1 / norm(vectors[c]);
                for (int i = 0; i < vectors[c].length; i++) {
                    vectors[c][i] *= s;
                }
            }
        }
    }
}
