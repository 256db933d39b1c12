package org.densitylab.linalg;

import java.util.Arrays;
import java.util.Locale;
import org.ejml.data.ZMatrixRMaj;

/**
 * An immutable dense complex matrix, row-major, entries interleaved as (real, imaginary) pairs: entry
 * \((i,j)\) is {@code data[2*(i*cols+j)] + i*data[2*(i*cols+j)+1]}, the layout of EJML's
 * {@link ZMatrixRMaj}.
 *
 * <p>Instances are made with the {@code of...} factories, which copy their input. Operations return new
 * matrices.
 */
public final class ComplexMatrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    private ComplexMatrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /**
     * Wraps an interleaved array without copying; for code in this library that has just built it.
     *
     * @param rows number of rows
     * @param cols number of columns
     * @param data interleaved entries, length {@code 2*rows*cols}, not used by the caller afterwards
     * @return the matrix
     */
    static ComplexMatrix wrap(int rows, int cols, double[] data) {
        return new ComplexMatrix(rows, cols, data);
    }

    /**
     * A matrix from interleaved (real, imaginary) entries in row-major order.
     *
     * @param rows number of rows, at least 1
     * @param cols number of columns, at least 1
     * @param interleaved {@code 2*rows*cols} values, copied
     * @return the matrix
     * @throws IllegalArgumentException if the sizes do not agree or a value is not finite
     */
    public static ComplexMatrix ofInterleaved(int rows, int cols, double[] interleaved) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("matrix size must be at least 1x1, got " + rows + "x" + cols);
        }
        if (interleaved.length != 2L * rows * cols) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " complex matrix needs "
                    + 2L * rows * cols + " interleaved values, got " + interleaved.length);
        }
        for (int k = 0; k < interleaved.length; k++) {
            if (!Double.isFinite(interleaved[k])) {
                throw new IllegalArgumentException("matrix entry (" + k / 2 / cols + "," + k / 2 % cols
                        + ") is not finite: " + interleaved[k]);
            }
        }
        return new ComplexMatrix(rows, cols, interleaved.clone());
    }

    /**
     * A matrix from separate real and imaginary parts.
     *
     * @param re real parts, a rectangular array
     * @param im imaginary parts of the same shape, or {@code null} for a real matrix
     * @return the matrix
     * @throws IllegalArgumentException if the arrays are ragged or of different shapes
     */
    public static ComplexMatrix of(double[][] re, double[][] im) {
        int r = re.length;
        int c = r == 0 ? 0 : re[0].length;
        if (r == 0 || c == 0) {
            throw new IllegalArgumentException("matrix must be at least 1x1, got " + r + "x" + c);
        }
        if (im != null && im.length != r) {
            throw new IllegalArgumentException("real part has " + r + " rows, imaginary part " + im.length);
        }
        double[] d = new double[2 * r * c];
        for (int i = 0; i < r; i++) {
            if (re[i].length != c || (im != null && im[i].length != c)) {
                throw new IllegalArgumentException("row " + i + " has a different length than row 0 (" + c + ")");
            }
            for (int j = 0; j < c; j++) {
                d[2 * (i * c + j)] = re[i][j];
                d[2 * (i * c + j) + 1] = im == null ? 0.0 : im[i][j];
            }
        }
        return ofInterleaved(r, c, d);
    }

    /**
     * A real matrix.
     *
     * @param re the entries
     * @return the matrix with zero imaginary part
     */
    public static ComplexMatrix ofReal(double[][] re) {
        return of(re, null);
    }

    /**
     * The identity.
     *
     * @param n size
     * @return \(I_n\)
     */
    public static ComplexMatrix identity(int n) {
        double[] d = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            d[2 * (i * n + i)] = 1.0;
        }
        return new ComplexMatrix(n, n, d);
    }

    /**
     * The zero matrix.
     *
     * @param rows rows
     * @param cols columns
     * @return the zero matrix
     */
    public static ComplexMatrix zeros(int rows, int cols) {
        return new ComplexMatrix(rows, cols, new double[2 * rows * cols]);
    }

    /**
     * Copies an EJML matrix.
     *
     * @param m the EJML matrix
     * @return a copy
     */
    public static ComplexMatrix fromEjml(ZMatrixRMaj m) {
        return ofInterleaved(m.numRows, m.numCols, Arrays.copyOf(m.data, 2 * m.numRows * m.numCols));
    }

    /** @return a copy as an EJML matrix */
    public ZMatrixRMaj toEjml() {
        return new ZMatrixRMaj(rows, cols, true, data.clone());
    }

    /** @return number of rows */
    public int rows() {
        return rows;
    }

    /** @return number of columns */
    public int cols() {
        return cols;
    }

    /** @return whether rows == cols */
    public boolean isSquare() {
        return rows == cols;
    }

    /**
     * @param i row
     * @param j column
     * @return real part of entry (i, j)
     */
    public double re(int i, int j) {
        return data[2 * index(i, j)];
    }

    /**
     * @param i row
     * @param j column
     * @return imaginary part of entry (i, j)
     */
    public double im(int i, int j) {
        return data[2 * index(i, j) + 1];
    }

    private int index(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("entry (" + i + "," + j + ") outside a " + rows + "x" + cols + " matrix");
        }
        return i * cols + j;
    }

    /** @return a copy of the interleaved entries */
    public double[] toInterleaved() {
        return data.clone();
    }

    /** The interleaved entries themselves, for read-only use inside the library. */
    double[] raw() {
        return data;
    }

    /**
     * Matrix product: Java loops for small matrices, OpenBLAS's {@code zgemm} from work
     * {@link ComplexOps#BLAS_FROM_WORK} on (measured crossover, docs/performance.md).
     *
     * @param b right factor
     * @return {@code this · b}
     */
    public ComplexMatrix mult(ComplexMatrix b) {
        if (cols != b.rows) {
            throw new IllegalArgumentException("cannot multiply " + rows + "x" + cols + " by " + b.rows + "x" + b.cols);
        }
        boolean large = (long) rows * cols * b.cols >= ComplexOps.BLAS_FROM_WORK;
        return new ComplexMatrix(rows, b.cols, large ? ComplexOps.multBlas(data, b.data, rows, cols, b.cols)
                : ComplexOps.mult(data, b.data, rows, cols, b.cols));
    }

    /** @return the conjugate transpose \(A^\dagger\) */
    public ComplexMatrix dagger() {
        double[] d = new double[data.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                d[2 * (j * rows + i)] = data[2 * (i * cols + j)];
                d[2 * (j * rows + i) + 1] = -data[2 * (i * cols + j) + 1];
            }
        }
        return new ComplexMatrix(cols, rows, d);
    }

    /**
     * @param b a matrix of the same shape
     * @return {@code this + b}
     */
    public ComplexMatrix plus(ComplexMatrix b) {
        return combine(b, 1.0);
    }

    /**
     * @param b a matrix of the same shape
     * @return {@code this - b}
     */
    public ComplexMatrix minus(ComplexMatrix b) {
        return combine(b, -1.0);
    }

    private ComplexMatrix combine(ComplexMatrix b, double sign) {
        requireSameShape(b);
        double[] d = new double[data.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = data[k] + sign * b.data[k];
        }
        return new ComplexMatrix(rows, cols, d);
    }

    /**
     * @param s a real factor
     * @return {@code s · this}
     */
    public ComplexMatrix scale(double s) {
        double[] d = data.clone();
        for (int k = 0; k < d.length; k++) {
            d[k] *= s;
        }
        return new ComplexMatrix(rows, cols, d);
    }

    /**
     * Kronecker (tensor) product \(A \otimes B\): entry \(((i_a,i_b),(j_a,j_b)) = A_{i_a j_a} B_{i_b j_b}\)
     * with row index \(i_a\cdot\mathrm{rows}(B)+i_b\); {@code this} is the left (more significant) factor.
     *
     * @param b right factor
     * @return \(A \otimes B\)
     */
    public ComplexMatrix kron(ComplexMatrix b) {
        return new ComplexMatrix(rows * b.rows, cols * b.cols, ComplexOps.kron(data, rows, cols, b.data, b.rows, b.cols));
    }

    /** @return real part of the trace */
    public double traceRe() {
        requireSquare();
        double t = 0;
        for (int i = 0; i < rows; i++) {
            t += data[2 * (i * cols + i)];
        }
        return t;
    }

    /** @return imaginary part of the trace */
    public double traceIm() {
        requireSquare();
        double t = 0;
        for (int i = 0; i < rows; i++) {
            t += data[2 * (i * cols + i) + 1];
        }
        return t;
    }

    /** @return \(\max_{ij} |A_{ij} - \overline{A_{ji}}|\), 0 for a Hermitian matrix */
    public double hermiticityError() {
        requireSquare();
        double e = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = i; j < cols; j++) {
                double dr = data[2 * (i * cols + j)] - data[2 * (j * cols + i)];
                double di = data[2 * (i * cols + j) + 1] + data[2 * (j * cols + i) + 1];
                e = Math.max(e, Math.hypot(dr, di));
            }
        }
        return e;
    }

    /**
     * @param b a matrix of the same shape
     * @return \(\max_{ij} |A_{ij} - B_{ij}|\)
     */
    public double maxAbsDiff(ComplexMatrix b) {
        requireSameShape(b);
        double e = 0;
        for (int k = 0; k < data.length; k += 2) {
            e = Math.max(e, Math.hypot(data[k] - b.data[k], data[k + 1] - b.data[k + 1]));
        }
        return e;
    }

    /** @return the Frobenius norm \(\sqrt{\sum |A_{ij}|^2}\) */
    public double frobeniusNorm() {
        double s = 0;
        for (double v : data) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    void requireSquare() {
        if (rows != cols) {
            throw new IllegalArgumentException("matrix must be square, got " + rows + "x" + cols);
        }
    }

    private void requireSameShape(ComplexMatrix b) {
        if (rows != b.rows || cols != b.cols) {
            throw new IllegalArgumentException("shapes differ: " + rows + "x" + cols + " and " + b.rows + "x" + b.cols);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComplexMatrix m && rows == m.rows && cols == m.cols && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "[" : " ");
            for (int j = 0; j < cols; j++) {
                sb.append(String.format(Locale.ROOT, "%9.5f%+9.5fi", re(i, j), im(i, j)));
                sb.append(j + 1 < cols ? "  " : "");
            }
            sb.append(i + 1 < rows ? "\n" : "]");
        }
        return sb.toString();
    }
}
