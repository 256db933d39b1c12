package org.densitylab.linalg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.densitylab.QuietTest;
import org.densitylab.quantum.RandomStates;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The native BLAS products against EJML's Java products (an independent implementation). */
class ComplexOpsTest extends QuietTest {

    private static ComplexMatrix ejmlProduct(ComplexMatrix a, ComplexMatrix b) {
        ZMatrixRMaj c = new ZMatrixRMaj(a.rows(), b.cols());
        CommonOps_ZDRM.mult(a.toEjml(), b.toEjml(), c);
        return ComplexMatrix.fromEjml(c);
    }

    private static ComplexMatrix ejmlDagger(ComplexMatrix a) {
        ZMatrixRMaj t = new ZMatrixRMaj(a.cols(), a.rows());
        CommonOps_ZDRM.transposeConjugate(a.toEjml(), t);
        return ComplexMatrix.fromEjml(t);
    }

    /** d = 8 runs the Java loop, 32 and 40 the native zgemm (BLAS_FROM_WORK). */
    @ParameterizedTest
    @ValueSource(ints = {8, 32, 40})
    void daggerProductsEqualEjml(int d) {
        ComplexMatrix a = RandomStates.haarUnitary(d, rng).scale(1.5);
        ComplexMatrix b = RandomStates.haarUnitary(d, rng).plus(RandomStates.haarUnitary(d, rng).scale(0.3));
        for (boolean da : new boolean[] {false, true}) {
            for (boolean db : new boolean[] {false, true}) {
                ComplexMatrix truth = ejmlProduct(da ? ejmlDagger(a) : a, db ? ejmlDagger(b) : b);
                ComplexMatrix ours = ComplexMatrix.ofInterleaved(d, d,
                        ComplexOps.mult(a.toInterleaved(), da, b.toInterleaved(), db, d));
                assertTrue(ours.maxAbsDiff(truth) < 1e-13, "d=" + d + " dagger " + da + "," + db + ": " + ours.maxAbsDiff(truth));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 32})
    void lowerGramAddsTheLowerTriangleOfBBdagger(int r) {
        int d = 32;
        // the first r columns of a unitary, as a d×r matrix
        double[] full = RandomStates.haarUnitary(d, rng).toInterleaved();
        double[] b = new double[2 * d * r];
        for (int i = 0; i < d; i++) {
            System.arraycopy(full, 2 * i * d, b, 2 * i * r, 2 * r);
        }
        ComplexMatrix bm = ComplexMatrix.ofInterleaved(d, r, b);
        ComplexMatrix u = RandomStates.haarUnitary(d, rng);
        ComplexMatrix start = u.plus(u.dagger()); // Hermitian, as zherk assumes
        double[] c = start.toInterleaved();
        ComplexOps.addLowerGramBlas(b, d, r, c);
        ComplexMatrix truth = start.plus(ejmlProduct(bm, ejmlDagger(bm)));
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                ComplexMatrix expected = j <= i ? truth : start;
                assertTrue(Math.abs(c[2 * (i * d + j)] - expected.re(i, j)) < 1e-13
                        && Math.abs(c[2 * (i * d + j) + 1] - expected.im(i, j)) < 1e-13, "entry " + i + "," + j);
            }
        }
    }
}
