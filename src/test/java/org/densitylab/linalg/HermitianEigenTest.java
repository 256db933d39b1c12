package org.densitylab.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.densitylab.QuietTest;
import org.densitylab.linalg.HermitianEigen.Solver;
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
    @ValueSource(ints = {1, 2, 3, 4, 8, 16, 19, 20, 64, 200})
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
        for (Solver s : Solver.values()) {
            assertArrayEquals(sorted, HermitianEigen.eigenvalues(h, s), 1e-12 * n, s.name());
            assertArrayEquals(sorted, HermitianEigen.decompose(h, s).values(), 1e-12 * n, s.name());
        }
        // the allocation-free form used by the negativities, on either side of the crossover
        double[] out = new double[n];
        HermitianEigen.eigenvalues(h.toInterleaved(), n, out, new double[n]);
        assertArrayEquals(sorted, out, 1e-12 * n);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5, 8, 32, 128})
    void decompositionReconstructsTheMatrixWithOrthonormalVectors(int n) {
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = i < n / 2 ? 0.25 : rng.nextDouble(); // a large degenerate cluster
        }
        ComplexMatrix h = withSpectrum(lambda);
        for (Solver s : Solver.values()) {
            HermitianEigen.Decomposition dec = HermitianEigen.decompose(h, s);
            ComplexMatrix v = dec.vectors();
            assertTrue(v.dagger().mult(v).maxAbsDiff(ComplexMatrix.identity(n)) < 1e-12, s + ": V is unitary");
            double[] d = new double[2 * n * n];
            for (int i = 0; i < n; i++) {
                d[2 * (i * n + i)] = dec.values()[i];
            }
            ComplexMatrix back = v.mult(ComplexMatrix.ofInterleaved(n, n, d)).mult(v.dagger());
            assertTrue(back.maxAbsDiff(h) < 1e-12, s + ": V diag V† = H");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8, 32, 64})
    void theArrayDecompositionGivesColumnMajorEigenvectorsOfTheMatrix(int n) {
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = i < n / 3 ? -0.5 : rng.nextDouble(-1, 1);   // a degenerate cluster
        }
        ComplexMatrix h = withSpectrum(lambda);
        double[] values = new double[n];
        double[] v = new double[2 * n * n];
        HermitianEigen.decompose(h.toInterleaved(), n, values, v);
        double[] sorted = lambda.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, values, 1e-12);
        // column j = eigenvector j: H v_j = λ_j v_j and the columns are orthonormal
        double[] rowMajor = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rowMajor[2 * (i * n + j)] = v[2 * (j * n + i)];
                rowMajor[2 * (i * n + j) + 1] = v[2 * (j * n + i) + 1];
            }
        }
        ComplexMatrix vectors = ComplexMatrix.ofInterleaved(n, n, rowMajor);
        assertTrue(vectors.dagger().mult(vectors).maxAbsDiff(ComplexMatrix.identity(n)) < 1e-12, "unitary");
        double[] d = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            d[2 * (i * n + i)] = values[i];
        }
        assertTrue(vectors.mult(ComplexMatrix.ofInterleaved(n, n, d)).mult(vectors.dagger()).maxAbsDiff(h) < 1e-12,
                "V diag V† = H");
    }

    @Test
    void choleskyTellsPositiveDefiniteFromIndefinite() {
        for (int n : new int[] {1, 2, 5, 32, 64}) {
            for (double smallest : new double[] {1e-6, 0.3, -1e-6, -0.4}) {
                double[] lambda = new double[n];
                for (int i = 0; i < n; i++) {
                    lambda[i] = i == 0 ? smallest : rng.nextDouble(0.01, 1);
                }
                ComplexMatrix h = withSpectrum(lambda);
                double[] a = h.toInterleaved();
                assertEquals(smallest > 0, HermitianEigen.isPositiveDefinite(a, n), "n = " + n + ", smallest " + smallest);
                assertArrayEquals(h.toInterleaved(), a, 0, "the input is left as it was");
            }
        }
        double[] bad = ComplexMatrix.identity(2).toInterleaved();
        bad[2] = Double.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> HermitianEigen.isPositiveDefinite(bad, 2));
    }

    @Test
    void onlyTheHermitianPartCounts() {
        // adding an anti-Hermitian A = -A† (round-off asymmetry, scaled up) leaves the Hermitian part H
        int n = 40;
        ComplexMatrix h = withSpectrum(IntStream.range(0, n).mapToDouble(i -> i / (double) n).toArray());
        ComplexMatrix g = RandomStates.haarUnitary(n, rng);
        ComplexMatrix skew = g.minus(g.dagger()).scale(1e-9);
        assertArrayEquals(HermitianEigen.decompose(h).values(), HermitianEigen.decompose(h.plus(skew)).values(), 1e-14);
        assertArrayEquals(HermitianEigen.eigenvalues(h, Solver.LAPACK),
                HermitianEigen.eigenvalues(h.plus(skew), Solver.LAPACK), 1e-14);
    }

    @Test
    void concurrentCallsGiveTheSingleThreadedResults() throws Exception {
        List<ComplexMatrix> hs = IntStream.range(0, 16)
                .mapToObj(i -> withSpectrum(rng.doubles(8 + 4 * i, -1, 1).toArray())).toList();
        // eigenvectors, and the in-place eigenvalues of the negativities on both sides of the crossover
        java.util.function.Function<ComplexMatrix, double[]> work = h -> {
            int n = h.rows();
            double[] values = new double[n];
            HermitianEigen.eigenvalues(h.toInterleaved(), n, values, new double[n]);
            double[] vectors = HermitianEigen.decompose(h).vectors().toInterleaved();
            double[] both = Arrays.copyOf(values, n + vectors.length);
            System.arraycopy(vectors, 0, both, n, vectors.length);
            return both;
        };
        List<double[]> alone = hs.stream().map(work).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<double[]>> futures = hs.stream().map(h -> pool.submit(() -> work.apply(h))).toList();
                for (int i = 0; i < hs.size(); i++) {
                    assertArrayEquals(alone.get(i), futures.get(i).get(), 0.0, "matrix " + i);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void lapackPutsOpenBlasBackToOneThread() {
        // ND4J sets the shared count from OMP_NUM_THREADS; a LAPACK call must not run on what it set
        org.bytedeco.openblas.global.openblas.blas_set_num_threads(2);
        HermitianEigen.decompose(withSpectrum(new double[] {0.1, 0.2, 0.3, 0.4}));
        assertEquals(1, org.bytedeco.openblas.global.openblas.blas_get_num_threads());
        org.bytedeco.openblas.global.openblas.blas_set_num_threads(2);
        MatrixFunctions.traceNorm(ComplexMatrix.identity(3));
        assertEquals(1, org.bytedeco.openblas.global.openblas.blas_get_num_threads());
    }

    @Test
    void lapackFailuresBecomeClearErrors() {
        Lapack.check("zheevd", 0, 5, 5);
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Lapack.check("zheevd", 3, 64, 64));
        assertTrue(e.getMessage().contains("did not converge") && e.getMessage().contains("64x64")
                && e.getMessage().contains("info = 3"), e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> Lapack.check("zgesdd", -1011, 8, 16));
        assertTrue(s.getMessage().contains("out of native memory") && s.getMessage().contains("8x16"), s.getMessage());
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
        // rectangular, both orientations: singular values 3 and 4; a rank-one x y† has norm |x| |y|
        ComplexMatrix wide = ComplexMatrix.of(new double[][] {{3, 0, 0}, {0, 0, 0}}, new double[][] {{0, 0, 0}, {0, -4, 0}});
        assertEquals(7.0, MatrixFunctions.traceNorm(wide), 1e-14);
        assertEquals(7.0, MatrixFunctions.traceNorm(wide.dagger()), 1e-14);
        ComplexMatrix x = ComplexMatrix.of(new double[][] {{1}, {2}, {0}, {-1}}, new double[][] {{0}, {1}, {3}, {0}});
        ComplexMatrix y = ComplexMatrix.of(new double[][] {{0.5}, {-2}, {1}}, new double[][] {{1}, {0}, {0.25}});
        assertEquals(x.frobeniusNorm() * y.frobeniusNorm(), MatrixFunctions.traceNorm(x.mult(y.dagger())), 1e-13);
        ComplexMatrix huge = ComplexMatrix.ofReal(new double[][] {{1e300, 0, 0}, {0, 1, 0}});
        e = assertThrows(IllegalArgumentException.class, () -> MatrixFunctions.traceNorm(huge.mult(huge.dagger())));
        assertTrue(e.getMessage().contains("trace norm") && e.getMessage().contains("(0,0)"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 16, 64})
    void matrixFunctionsOnBothSidesOfTheBlasCrossover(int n) {
        ComplexMatrix h = withSpectrum(rng.doubles(n, 0, 1).toArray());
        ComplexMatrix s = MatrixFunctions.sqrtPsd(h);
        assertTrue(s.mult(s).maxAbsDiff(h) < 1e-13, "sqrt(H)^2 = H");
        assertEquals(0.0, s.hermiticityError(), "f(H) is exactly Hermitian");
        assertTrue(MatrixFunctions.apply(h, x -> x * x).maxAbsDiff(h.mult(h)) < 1e-13, "f(x) = x^2 gives H^2");
        // f zero on half the spectrum: the projector onto the upper half, P^2 = P of trace n - n/2
        double[] lam = HermitianEigen.eigenvalues(h);
        double cut = 0.5 * (lam[n / 2 - 1] + lam[n / 2]);
        ComplexMatrix p = MatrixFunctions.apply(h, x -> x > cut ? 1 : 0);
        assertTrue(p.mult(p).maxAbsDiff(p) < 1e-13, "P^2 = P");
        assertEquals(n - n / 2, p.traceRe(), 1e-12);
        assertEquals(0.0, MatrixFunctions.apply(h, x -> 0).frobeniusNorm(), "f = 0 gives 0");
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
        // a product that overflows reaches the solvers as a matrix with infinite entries
        ComplexMatrix huge = ComplexMatrix.ofReal(new double[][] {{1e300, 0}, {0, 1}});
        ComplexMatrix inf = huge.mult(huge);
        for (Solver s : Solver.values()) {
            e = assertThrows(IllegalArgumentException.class, () -> HermitianEigen.decompose(inf, s));
            assertTrue(e.getMessage().contains("(0,0)") && e.getMessage().contains("Infinity"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> HermitianEigen.eigenvalues(inf, s));
            assertTrue(e.getMessage().contains("(0,0)"), e.getMessage());
        }
        double[] raw = new double[2 * 30 * 30];
        raw[2 * (3 * 30 + 4) + 1] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> HermitianEigen.eigenvalues(raw, 30, new double[30], new double[30]));
        assertTrue(e.getMessage().contains("(3,4)") && e.getMessage().contains("NaN"), e.getMessage());
    }
}
