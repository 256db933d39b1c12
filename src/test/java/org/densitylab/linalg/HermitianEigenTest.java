package org.densitylab.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.densitylab.QuietTest;
import org.densitylab.quantum.RandomStates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HermitianEigenTest extends QuietTest {

    /** V diag(lambda) V† with a known spectrum. */
    private ComplexMatrix withSpectrum(double[] lambda) {
        int n = lambda.length;
        ComplexMatrix v = RandomStates.haarUnitary(n, rng);
        double[] d = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            d[2 * (i * n + i)] = lambda[i];
        }
        return v.mult(ComplexMatrix.ofInterleaved(n, n, d)).mult(v.dagger());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 8, 16, 64})
    void eigenvaluesRecoverAPrescribedSpectrum(int n) {
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = rng.nextDouble(-1, 1);
        }
        if (n > 3) {
            lambda[1] = lambda[0]; // a degenerate pair
        }
        ComplexMatrix h = withSpectrum(lambda);
        double[] sorted = lambda.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, HermitianEigen.eigenvalues(h), 1e-12 * n);
        assertArrayEquals(sorted, HermitianEigen.decompose(h).values(), 1e-12 * n);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5, 8, 32})
    void decompositionReconstructsTheMatrixWithOrthonormalVectors(int n) {
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = i < n / 2 ? 0.25 : rng.nextDouble(); // a large degenerate cluster
        }
        ComplexMatrix h = withSpectrum(lambda);
        HermitianEigen.Decomposition dec = HermitianEigen.decompose(h);
        ComplexMatrix v = dec.vectors();
        assertTrue(v.dagger().mult(v).maxAbsDiff(ComplexMatrix.identity(n)) < 1e-12, "V is unitary");
        double[] d = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            d[2 * (i * n + i)] = dec.values()[i];
        }
        ComplexMatrix back = v.mult(ComplexMatrix.ofInterleaved(n, n, d)).mult(v.dagger());
        assertTrue(back.maxAbsDiff(h) < 1e-12, "V diag V† = H");
    }

    @Test
    void pauliMatricesHaveEigenvaluesPlusMinusOne() {
        ComplexMatrix y = ComplexMatrix.of(new double[][] {{0, 0}, {0, 0}}, new double[][] {{0, -1}, {1, 0}});
        assertArrayEquals(new double[] {-1, 1}, HermitianEigen.eigenvalues(y), 1e-15);
        ComplexMatrix x = ComplexMatrix.ofReal(new double[][] {{0, 1}, {1, 0}});
        assertArrayEquals(new double[] {-1, 1}, HermitianEigen.eigenvalues(x), 1e-15);
    }

    @Test
    void alreadyTridiagonalAndDiagonalInputs() {
        assertArrayEquals(new double[] {-2, 0, 3},
                HermitianEigen.eigenvalues(ComplexMatrix.ofReal(new double[][] {{3, 0, 0}, {0, -2, 0}, {0, 0, 0}})), 0);
        // [[2,1,0],[1,2,1],[0,1,2]]: 2 - sqrt2, 2, 2 + sqrt2
        assertArrayEquals(new double[] {2 - Math.sqrt(2), 2, 2 + Math.sqrt(2)},
                HermitianEigen.eigenvalues(ComplexMatrix.ofReal(new double[][] {{2, 1, 0}, {1, 2, 1}, {0, 1, 2}})), 1e-14);
    }

    @Test
    void sqrtAndTraceNorm() {
        double[] lambda = {0.0, 0.1, 0.2, 0.7};
        ComplexMatrix h = withSpectrum(lambda);
        ComplexMatrix s = MatrixFunctions.sqrtPsd(h);
        assertTrue(s.mult(s).maxAbsDiff(h) < 1e-13);
        assertEquals(1.0, MatrixFunctions.traceNormHermitian(h), 1e-13);
        assertEquals(1.0, MatrixFunctions.traceNorm(h), 1e-13);
        ComplexMatrix neg = withSpectrum(new double[] {-0.5, 0.2, 0.3});
        assertEquals(1.0, MatrixFunctions.traceNorm(neg), 1e-13);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MatrixFunctions.sqrtPsd(neg));
        assertTrue(e.getMessage().contains("not positive semidefinite"), e.getMessage());
    }

    @Test
    void badInputIsRejectedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HermitianEigen.eigenvalues(ComplexMatrix.zeros(2, 3)));
        assertTrue(e.getMessage().contains("square") && e.getMessage().contains("2x3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ComplexMatrix.ofInterleaved(2, 2, new double[7]));
        assertTrue(e.getMessage().contains("8") && e.getMessage().contains("7"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ComplexMatrix.ofReal(new double[][] {{1, Double.NaN}, {0, 1}}));
        assertTrue(e.getMessage().contains("(0,1)") && e.getMessage().contains("NaN"), e.getMessage());
    }
}
