package org.densitylab.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.densitylab.QuietTest;
import org.densitylab.linalg.ComplexMatrix;
import org.junit.jupiter.api.Test;

/** Golden fixtures of the documented conventions: qubit order, negativity normalisation, cut order. */
class ConventionsTest extends QuietTest {

    private static Ket k1(double re0, double im0, double re1, double im1) {
        return Ket.of(new double[] {re0, re1}, new double[] {im0, im1});
    }

    @Test
    void bipartitionOrderMatchesTheSpec() {
        assertEquals("[{0}|{1,2}, {1}|{0,2}, {2}|{0,1}]", Bipartitions.of(3).toString());
        assertEquals("[{0}|{1,2,3}, {1}|{0,2,3}, {2}|{0,1,3}, {3}|{0,1,2}, {0,1}|{2,3}, {0,2}|{1,3}, {0,3}|{1,2}]",
                Bipartitions.of(4).toString());
        for (int n = 2; n <= 8; n++) {
            assertEquals((1 << (n - 1)) - 1, Bipartitions.count(n), "m = 2^(N-1) - 1 for N = " + n);
        }
    }

    @Test
    void goldenNegativities() {
        assertArrayEquals(new double[] {0.5}, States.bell().toDensityMatrix().negativities(), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, States.ghz(3).toDensityMatrix().negativities(), 1e-15);
        // W: sqrt(2)/3 per cut in the standard normalisation, twice that (0.942809) in the reference code's
        double w = Math.sqrt(2) / 3;
        assertArrayEquals(new double[] {w, w, w}, States.w(3).toDensityMatrix().negativities(), 1e-14);
        assertArrayEquals(new double[] {0.942809, 0.942809, 0.942809},
                States.w(3).toDensityMatrix().negativities(NegativityConvention.REFERENCE_CODE_2X), 1e-6);
        assertArrayEquals(new double[] {1, 1, 1},
                States.ghz(3).toDensityMatrix().negativities(NegativityConvention.REFERENCE_CODE_2X), 1e-15);
        assertArrayEquals(new double[3], DensityMatrix.maximallyMixed(3).negativities(), 0);
        Ket product = k1(0.6, 0, 0, 0.8).tensor(States.plus()).tensor(k1(Math.sqrt(0.5), 0, 0.5, 0.5));
        assertArrayEquals(new double[3], product.toDensityMatrix().negativities(), 1e-15);
    }

    @Test
    void bellOnQubitsZeroOneTensorZeroIsSeparableOnlyAcrossCutTwo() {
        DensityMatrix rho = States.bell().tensor(Ket.basis(1, 0)).toDensityMatrix();
        assertArrayEquals(new double[] {0.5, 0.5, 0}, rho.negativities(), 1e-15);
        // big-endian: qubits 0,1 are the two most significant bits: |000> and |110>
        assertEquals(0.5, rho.re(0, 6), 1e-15);
        assertEquals(0.5, rho.re(6, 6), 1e-15);
        // the same state written in the reference code's little-endian order has entries at 0 and 3
        double[] le = new double[16];
        le[0] = Math.sqrt(0.5);
        le[2 * 3] = Math.sqrt(0.5);
        Ket fromLe = Ket.ofInterleaved(le, QubitOrder.LITTLE_ENDIAN);
        assertEquals(1.0, fromLe.overlap(States.bell().tensor(Ket.basis(1, 0))), 1e-15);
        assertEquals(0.5, rho.matrix(QubitOrder.LITTLE_ENDIAN).re(3, 3), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.5, 0},
                DensityMatrix.of(rho.matrix(QubitOrder.LITTLE_ENDIAN), QubitOrder.LITTLE_ENDIAN, 1e-12).negativities(), 1e-15);
    }

    @Test
    void zeroTensorPlusInBothOrders() {
        Ket k = Ket.basis(1, 0).tensor(States.plus());
        // big-endian: qubit 1 is the low bit: amplitudes at 0 (|00>) and 1 (|01>)
        assertEquals(Math.sqrt(0.5), k.re(0), 1e-16);
        assertEquals(Math.sqrt(0.5), k.re(1), 1e-16);
        double[] le = k.toInterleaved(QubitOrder.LITTLE_ENDIAN);
        // little-endian: qubit 1 is the high bit: amplitudes at 0 and 2
        assertEquals(Math.sqrt(0.5), le[0], 1e-16);
        assertEquals(Math.sqrt(0.5), le[4], 1e-16);
        assertEquals(0, le[2], 0);
    }

    @Test
    void productOfThreeDistinctQubitsReducesToEachFactorInBothOrders() {
        Ket a = k1(0.6, 0, 0, 0.8);
        Ket b = States.plus();
        Ket c = k1(Math.sqrt(0.5), 0, 0.5, 0.5);
        DensityMatrix rho = a.tensor(b).tensor(c).toDensityMatrix();
        List<Ket> factors = List.of(a, b, c);
        DensityMatrix fromLe = DensityMatrix.of(rho.matrix(QubitOrder.LITTLE_ENDIAN), QubitOrder.LITTLE_ENDIAN, 1e-12);
        for (int q = 0; q < 3; q++) {
            ComplexMatrix expected = factors.get(q).toDensityMatrix().matrix();
            assertTrue(rho.keep(q).matrix().maxAbsDiff(expected) < 1e-15, "keep(" + q + ")");
            assertTrue(fromLe.keep(q).matrix().maxAbsDiff(expected) < 1e-15, "keep(" + q + ") after the round trip");
        }
        // little-endian: qubit 0 is the rightmost factor, so the raw matrix is c ⊗ b ⊗ a
        ComplexMatrix leRaw = c.tensor(b).tensor(a).toDensityMatrix().matrix();
        assertTrue(rho.matrix(QubitOrder.LITTLE_ENDIAN).maxAbsDiff(leRaw) < 1e-15);
        // traceOut is keep of the complement; kept qubits keep their order
        assertTrue(rho.traceOut(1).matrix().maxAbsDiff(a.tensor(c).toDensityMatrix().matrix()) < 1e-15);
        assertTrue(rho.keep(2, 0).matrix().maxAbsDiff(a.tensor(c).toDensityMatrix().matrix()) < 1e-15);
    }

    @Test
    void everyPermutationOfThreeQubitsIsExact() {
        Ket[] f = {k1(0.6, 0, 0, 0.8), States.plus(), k1(Math.sqrt(0.5), 0, 0.5, 0.5)};
        DensityMatrix rho = f[0].tensor(f[1]).tensor(f[2]).toDensityMatrix();
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] p : perms) {
            // new qubit k carries old qubit p[k]
            DensityMatrix expected = f[p[0]].tensor(f[p[1]]).tensor(f[p[2]]).toDensityMatrix();
            assertTrue(rho.permuteQubits(p).matrix().maxAbsDiff(expected.matrix()) < 1e-15,
                    "permutation " + java.util.Arrays.toString(p));
        }
    }

    @Test
    void fidelityIsSquared() {
        // |<0|+>|^2 = 1/2 (QuTiP's unsquared value is 1/sqrt2)
        DensityMatrix zero = Ket.basis(1, 0).toDensityMatrix();
        DensityMatrix plus = States.plus().toDensityMatrix();
        assertEquals(0.5, zero.fidelity(plus), 1e-12);
        assertEquals(Math.sqrt(0.5), zero.rootFidelity(plus), 1e-12);
    }
}
