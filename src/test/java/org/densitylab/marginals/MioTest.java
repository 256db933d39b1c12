package org.densitylab.marginals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.densitylab.QuietTest;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.linalg.HermitianEigen;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.RandomStates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MioTest extends QuietTest {
    /** Paper 2 Eq. 3: all marginals imposed to ~1e-16; 1e-12 leaves room for N = 6 sums. */
    private static final double EXACT = 1e-12;
    /** Forward vs reversed subset order (an independent NumPy check: agree to ~5e-17). */
    private static final double ORDER = 1e-13;

    private DensityMatrix target(int n) {
        int d = 1 << n;
        return RandomStates.rankR(n, 1 + rng.nextInt(d), rng);
    }

    private ComplexMatrix seed(int n) {
        return RandomStates.hilbertSchmidt(n, 1 << n, rng).matrix();
    }

    @ParameterizedTest(name = "N{0}k{1}")
    @CsvSource({"3,1", "3,2", "4,2", "4,3", "5,3", "6,5"})
    void imposesEveryMarginalExactlyAndIsHermitianWithTraceOne(int n, int k) {
        for (int sample = 0; sample < 3; sample++) {
            DensityMatrix rho = target(n);
            ComplexMatrix seed = seed(n);
            ComplexMatrix x = Mio.impose(seed, Marginals.of(rho, k));
            double[] xd = x.toInterleaved();
            for (int[] j : Marginals.subsets(n, k)) {
                double[] got = Oracles.partialTraceKeep(xd, n, j);
                double[] want = rho.keep(j).matrix().toInterleaved();
                assertTrue(Oracles.maxAbsDiff(got, want) <= EXACT, () -> "marginal error "
                        + Oracles.maxAbsDiff(got, want) + " on " + java.util.Arrays.toString(j));
            }
            assertTrue(x.hermiticityError() <= 1e-14, "Hermiticity error " + x.hermiticityError());
            assertEquals(1.0, x.traceRe(), 1e-13);
            assertEquals(0.0, x.traceIm(), 1e-13);
            // the seed's high-weight part survives: the output is not the target (k < N)
            assertTrue(x.maxAbsDiff(rho.matrix()) > 1e-6);
        }
    }

    @ParameterizedTest(name = "N{0}k{1}")
    @CsvSource({"3,1", "3,2", "4,2", "4,3", "5,3", "5,2"})
    void doesNotDependOnSubsetOrder(int n, int k) {
        DensityMatrix rho = target(n);
        ComplexMatrix seed = seed(n);
        List<Marginal> forward = Marginals.of(rho, k);
        List<Marginal> reversed = new ArrayList<>(forward);
        Collections.reverse(reversed);
        List<Marginal> shuffled = new ArrayList<>(forward);
        Collections.shuffle(shuffled, new java.util.Random(SEED));
        ComplexMatrix a = Mio.impose(seed, forward);
        assertTrue(a.maxAbsDiff(Mio.impose(seed, reversed)) <= ORDER);
        assertTrue(a.maxAbsDiff(Mio.impose(seed, shuffled)) <= ORDER);
    }

    @Test
    void pauliOracleReconstructsAnyMatrix() {
        for (int n = 3; n <= 4; n++) {
            double[] x = seed(n).toInterleaved();
            assertTrue(Oracles.maxAbsDiff(Oracles.pauliReplacement(x, x, n, 1), x) <= 1e-14);
        }
    }

    @ParameterizedTest(name = "N{0}k{1}")
    @CsvSource({"3,1", "3,2", "4,1", "4,2", "4,3"})
    void equalsPauliReplacement(int n, int k) {
        DensityMatrix rho = target(n);
        ComplexMatrix seed = seed(n);
        double[] got = Mio.impose(seed, Marginals.of(rho, k)).toInterleaved();
        double[] want = Oracles.pauliReplacement(rho.matrix().toInterleaved(), seed.toInterleaved(), n, k);
        assertTrue(Oracles.maxAbsDiff(got, want) <= EXACT, "MIO vs Pauli replacement " + Oracles.maxAbsDiff(got, want));
    }

    /**
     * N = 2, k = 1, seed I/4, target ρ_A ⊗ ρ_B. By hand: step {0} gives I/4 + (ρ_A − I/2) ⊗ I/2 = ρ_A ⊗ I/2; step
     * {1} (tr_0 of that is I/2) adds I/2 ⊗ (ρ_B − I/2). So X̃ = ρ_A ⊗ I/2 + I/2 ⊗ ρ_B − I/4, which differs from
     * ρ_A ⊗ ρ_B by (ρ_A − I/2) ⊗ (ρ_B − I/2): the one-body marginals carry no correlations, and the seed I/4
     * has none. It equals ρ_A ⊗ ρ_B exactly when one factor is maximally mixed.
     */
    @Test
    void handBuiltTwoQubitProduct() {
        ComplexMatrix a = Oracles.matrix(2, 0.7, 0, 0.1, -0.2, 0.1, 0.2, 0.3, 0);
        ComplexMatrix b = Oracles.matrix(2, 0.4, 0, 0, 0.25, 0, -0.25, 0.6, 0);
        ComplexMatrix half = ComplexMatrix.identity(2).scale(0.5);
        ComplexMatrix quarter = ComplexMatrix.identity(4).scale(0.25);
        DensityMatrix rho = DensityMatrix.of(a.kron(b));
        ComplexMatrix x = Mio.impose(quarter, Marginals.of(rho, 1));
        ComplexMatrix byHand = a.kron(half).plus(half.kron(b)).minus(quarter);
        assertTrue(x.maxAbsDiff(byHand) <= 1e-15, "vs hand formula " + x.maxAbsDiff(byHand));
        ComplexMatrix correlation = a.minus(half).kron(b.minus(half));
        assertTrue(x.plus(correlation).maxAbsDiff(a.kron(b)) <= 1e-15);
        assertTrue(correlation.frobeniusNorm() > 0.05, "the test needs a non-trivial correlation term");
        // one factor maximally mixed: exactly the product
        DensityMatrix rhoMixedB = DensityMatrix.of(a.kron(half));
        ComplexMatrix y = Mio.impose(quarter, Marginals.of(rhoMixedB, 1));
        assertTrue(y.maxAbsDiff(a.kron(half)) <= 1e-15);
    }

    @Test
    void matrixWithTheRightMarginalsIsAFixedPoint() {
        for (int n = 3; n <= 5; n++) {
            DensityMatrix rho = target(n);
            ComplexMatrix x = Mio.impose(rho.matrix(), Marginals.of(rho, n - 1));
            assertTrue(x.maxAbsDiff(rho.matrix()) <= EXACT);
        }
    }

    @Test
    void fromStateUsesAHilbertSchmidtSeed() {
        DensityMatrix rho = target(4);
        java.util.SplittableRandom r1 = new java.util.SplittableRandom(7);
        java.util.SplittableRandom r2 = new java.util.SplittableRandom(7);
        ComplexMatrix x = Mio.fromState(rho, 3, r1);
        ComplexMatrix seed = RandomStates.hilbertSchmidt(4, 16, r2).matrix();
        double[] want = Oracles.pauliReplacement(rho.matrix().toInterleaved(), seed.toInterleaved(), 4, 3);
        assertTrue(Oracles.maxAbsDiff(x.toInterleaved(), want) <= EXACT);
    }

    /**
     * An independent NumPy simulation (100 samples): mean fraction of negative eigenvalues of X̃ for N4k3 is 0.227 at rank 10 and
     * 0.183 at rank 16. The per-sample fraction (a multiple of 1/16) has a standard deviation near 0.05, so the
     * mean of 200 samples has a standard error near 0.004 and the NumPy 100-sample values one near 0.005;
     * ±0.04 is over five combined standard errors. The test also checks the sample SD, so the bound stays justified.
     */
    @ParameterizedTest(name = "rank {0}")
    @CsvSource({"10,0.227", "16,0.183"})
    void fractionOfNegativeEigenvaluesMatchesTheSpec(int rank, double expected) {
        int samples = 200;
        double sum = 0;
        double sumSq = 0;
        double minEig = 0;
        for (int s = 0; s < samples; s++) {
            DensityMatrix rho = RandomStates.rankR(4, rank, rng);
            double[] ev = HermitianEigen.eigenvalues(Mio.fromState(rho, 3, rng));
            long neg = java.util.Arrays.stream(ev).filter(v -> v < 0).count();
            double f = neg / 16.0;
            sum += f;
            sumSq += f * f;
            minEig += ev[0];
        }
        double mean = sum / samples;
        double sd = Math.sqrt((sumSq - samples * mean * mean) / (samples - 1));
        assertTrue(sd / Math.sqrt(samples) < 0.008, "standard error " + sd / Math.sqrt(samples));
        assertEquals(expected, mean, 0.04, "mean fraction of negative eigenvalues");
        assertTrue(minEig / samples < -1e-3, "X̃ is typically not PSD: mean smallest eigenvalue " + minEig / samples);
    }

    @Test
    void subsetsAreLexicographic() {
        List<int[]> s = Marginals.subsets(4, 2);
        int[][] want = {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}};
        assertEquals(want.length, s.size());
        for (int i = 0; i < want.length; i++) {
            assertArrayEquals(want[i], s.get(i));
        }
        List<int[]> t = Marginals.subsets(4, 3);
        assertArrayEquals(new int[] {0, 1, 2}, t.get(0));
        assertArrayEquals(new int[] {0, 1, 3}, t.get(1));
        assertArrayEquals(new int[] {0, 2, 3}, t.get(2));
        assertArrayEquals(new int[] {1, 2, 3}, t.get(3));
        assertEquals(252, Marginals.subsets(10, 5).size());
        assertEquals(252, Marginals.count(10, 5));
        assertEquals(8, Marginals.count(8, 7));
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7}, Marginals.subsets(8, 7).get(7));
    }

    /** Product of three distinct one-qubit states: the marginal on (0, 2) is ρ_0 ⊗ ρ_2 in that order. */
    @Test
    void marginalsKeepAscendingBigEndianOrder() {
        ComplexMatrix r0 = Oracles.matrix(2, 0.9, 0, 0.1, 0.05, 0.1, -0.05, 0.1, 0);
        ComplexMatrix r1 = Oracles.matrix(2, 0.5, 0, 0, -0.3, 0, 0.3, 0.5, 0);
        ComplexMatrix r2 = Oracles.matrix(2, 0.2, 0, 0.25, 0, 0.25, 0, 0.8, 0);
        DensityMatrix rho = DensityMatrix.of(r0.kron(r1).kron(r2));
        List<Marginal> m = Marginals.of(rho, 2);
        assertEquals(3, m.size());
        assertArrayEquals(new int[] {0, 2}, m.get(1).qubits());
        assertTrue(m.get(0).state().matrix().maxAbsDiff(r0.kron(r1)) <= 1e-15);
        assertTrue(m.get(1).state().matrix().maxAbsDiff(r0.kron(r2)) <= 1e-15);
        assertTrue(m.get(2).state().matrix().maxAbsDiff(r1.kron(r2)) <= 1e-15);
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void rejectsKOutsideOneToNMinusOne() {
        DensityMatrix rho = target(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Marginals.of(rho, 3));
        assertTrue(e.getMessage().contains("k = 3") && e.getMessage().contains("1..2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Marginals.of(rho, 0));
        assertTrue(e.getMessage().contains("k = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Mio.fromState(rho, 4, rng));
        assertTrue(e.getMessage().contains("k = 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MarginalsDataset.Spec.of(3, 3, 10));
        assertTrue(e.getMessage().contains("k = 3"), e.getMessage());
        // a marginal on all N qubits is not a marginal
        e = assertThrows(IllegalArgumentException.class,
                () -> Mio.impose(seed(2), List.of(Marginal.of(new int[] {0, 1}, target(2)))));
        assertTrue(e.getMessage().contains("at least 3 qubits"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Mio.plan(3, List.of(new int[] {0, 1, 2})));
        assertTrue(e.getMessage().contains("3 qubits [0, 1, 2]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Mio.plan(3, List.of(new int[] {1, 3})));
        assertTrue(e.getMessage().contains("[1, 3]") && e.getMessage().contains("3-qubit"), e.getMessage());
    }

    @Test
    void rejectsInconsistentMarginalSizes() {
        DensityMatrix two = target(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Marginal.of(new int[] {0, 1, 2}, two));
        assertTrue(e.getMessage().contains("[0, 1, 2]") && e.getMessage().contains("got 4x4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Marginal.of(new int[] {2, 1}, two));
        assertTrue(e.getMessage().contains("[2, 1]"), e.getMessage());
        Mio.Plan plan = Mio.plan(3, Marginals.subsets(3, 2));
        double[] x = seed(3).toInterleaved();
        double[] seedCopy = x.clone();
        e = assertThrows(IllegalArgumentException.class,
                () -> plan.imposeInPlace(x, new double[][] {new double[32], new double[32], new double[8]}));
        assertTrue(e.getMessage().contains("got 8 values") && e.getMessage().contains("[1, 2]"), e.getMessage());
        assertArrayEquals(seedCopy, x, "validation happens before X is modified");
    }

    @Test
    void rejectsSeedOfWrongDimension() {
        List<Marginal> m4 = Marginals.of(target(4), 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mio.impose(seed(3), m4));
        assertTrue(e.getMessage().contains("8x8") && e.getMessage().contains("at least 4 qubits"), e.getMessage());
        ComplexMatrix six = ComplexMatrix.identity(6).scale(1.0 / 6);
        e = assertThrows(IllegalArgumentException.class, () -> Mio.impose(six, m4));
        assertTrue(e.getMessage().contains("6x6"), e.getMessage());
        ComplexMatrix rect = ComplexMatrix.zeros(4, 8);
        e = assertThrows(IllegalArgumentException.class, () -> Mio.impose(rect, m4));
        assertTrue(e.getMessage().contains("4x8"), e.getMessage());
        Mio.Plan plan = Mio.plan(4, Marginals.subsets(4, 3));
        e = assertThrows(IllegalArgumentException.class, () -> plan.imposeInPlace(new double[128], new double[4][128]));
        assertTrue(e.getMessage().contains("got 128 values"), e.getMessage());
    }

    @Test
    void rejectsSeedWithTraceOtherThanOne() {
        List<Marginal> m = Marginals.of(target(3), 2);
        ComplexMatrix identity = ComplexMatrix.identity(8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mio.impose(identity, m));
        assertTrue(e.getMessage().contains("trace 8.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Mio.impose(seed(3).scale(1 + 1e-4), m));
        assertThrows(IllegalArgumentException.class, () -> Mio.impose(seed(3), List.of()));
    }
}
