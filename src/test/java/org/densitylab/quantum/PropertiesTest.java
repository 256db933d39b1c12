package org.densitylab.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.densitylab.QuietTest;
import org.densitylab.linalg.ComplexMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Identities every implementation must satisfy, on seeded random states. */
class PropertiesTest extends QuietTest {

    private DensityMatrix randomMixed(int n) {
        return RandomStates.hilbertSchmidt(n, 1 + rng.nextInt(1 << n), rng);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5})
    void partialTraceAndTransposePreserveTraceAndHermiticity(int n) {
        for (int t = 0; t < 5; t++) {
            DensityMatrix rho = randomMixed(n);
            int[] keep = {0, n - 1};
            DensityMatrix red = rho.keep(keep);
            assertEquals(1.0, red.matrix().traceRe(), 1e-13);
            assertTrue(red.matrix().hermiticityError() < 1e-15);
            assertTrue(red.eigenvalues()[0] > -1e-13, "reduced state is PSD");
            ComplexMatrix pt = rho.partialTranspose(1);
            assertEquals(1.0, pt.traceRe(), 1e-13);
            assertTrue(pt.hermiticityError() < 1e-15);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void partialTransposeSpectraAreInvariantUnderLocalUnitaries(int n) {
        DensityMatrix rho = randomMixed(n);
        DensityMatrix rotated = rho.evolveLocal(RandomStates.localUnitaries(n, 2, rng));
        for (Bipartition cut : Bipartitions.of(n)) {
            assertArrayEquals(Entanglement.partialTransposeSpectrum(rho, cut),
                    Entanglement.partialTransposeSpectrum(rotated, cut), 1e-12, cut.toString());
        }
        assertArrayEquals(rho.eigenvalues(), rotated.eigenvalues(), 1e-12);
    }

    @Test
    void negativityOfEitherSideIsTheSame() {
        DensityMatrix rho = randomMixed(4);
        for (Bipartition cut : Bipartitions.of(4)) {
            double side = rho.negativity(cut);
            double other = rho.negativity(Bipartition.of(4, cut.complement()));
            assertEquals(side, other, 1e-13, cut.toString());
        }
    }

    @Test
    void partialTraceOfATensorProductReturnsTheFactor() {
        DensityMatrix a = RandomStates.hilbertSchmidt(2, 3, rng);
        DensityMatrix b = RandomStates.hilbertSchmidt(1, 2, rng);
        DensityMatrix c = RandomStates.hilbertSchmidt(2, 4, rng);
        DensityMatrix abc = a.tensor(b).tensor(c);
        assertTrue(abc.keep(0, 1).matrix().maxAbsDiff(a.matrix()) < 1e-15);
        assertTrue(abc.keep(2).matrix().maxAbsDiff(b.matrix()) < 1e-15);
        assertTrue(abc.traceOut(0, 1, 2).matrix().maxAbsDiff(c.matrix()) < 1e-15);
        assertTrue(abc.keep(0, 1, 3, 4).matrix().maxAbsDiff(a.tensor(c).matrix()) < 1e-15);
    }

    @Test
    void fidelityIsSymmetricAndOneOnEqualStates() {
        for (int t = 0; t < 5; t++) {
            DensityMatrix a = randomMixed(3);
            DensityMatrix b = randomMixed(3);
            assertEquals(a.fidelity(b), b.fidelity(a), 1e-10);
            assertEquals(1.0, a.fidelity(a), 1e-10);
            double f = a.fidelity(b);
            assertTrue(f >= 0 && f <= 1);
            // Fuchs–van de Graaf: 1 - sqrt F <= T <= sqrt(1 - F)
            double tr = a.traceDistance(b);
            assertTrue(1 - Math.sqrt(f) <= tr + 1e-12 && tr <= Math.sqrt(1 - f) + 1e-12);
        }
        Ket psi = RandomStates.haarKet(3, rng);
        DensityMatrix sigma = randomMixed(3);
        double expected = 0;
        ComplexMatrix s = sigma.matrix();
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                // <psi|sigma|psi>
                double ar = psi.re(i);
                double ai = -psi.im(i);
                double br = s.re(i, j) * psi.re(j) - s.im(i, j) * psi.im(j);
                double bi = s.re(i, j) * psi.im(j) + s.im(i, j) * psi.re(j);
                expected += ar * br - ai * bi;
            }
        }
        assertEquals(expected, psi.toDensityMatrix().fidelity(sigma), 1e-10);
    }

    @Test
    void mixingAndEvolutionPreserveTheState() {
        List<Ket> kets = List.of(RandomStates.haarKet(3, rng), RandomStates.haarKet(3, rng), RandomStates.haarKet(3, rng));
        double[] w = RandomStates.uniformWeights(3, rng);
        DensityMatrix rho = DensityMatrix.mixtureOfKets(w, kets);
        DensityMatrix viaStates = DensityMatrix.mixture(w, kets.stream().map(Ket::toDensityMatrix).toList());
        assertTrue(rho.matrix().maxAbsDiff(viaStates.matrix()) < 1e-15);
        assertEquals(1.0, rho.matrix().traceRe(), 1e-14);
        ComplexMatrix u = RandomStates.haarUnitary(8, rng);
        assertTrue(u.dagger().mult(u).maxAbsDiff(ComplexMatrix.identity(8)) < 1e-13, "Haar unitary is unitary");
        DensityMatrix evolved = rho.evolve(u);
        assertArrayEquals(rho.eigenvalues(), evolved.eigenvalues(), 1e-13);
        // validation accepts what the operations produce
        DensityMatrix.of(evolved.matrix());
    }

    @Test
    void realignmentDetectsNoSeparableStateAndBoundsPureProducts() {
        // separable states have ||R||_1 <= 1; pure products exactly 1; Bell pair 2
        DensityMatrix prod = RandomStates.haarKet(1, rng).tensor(RandomStates.haarKet(2, rng)).toDensityMatrix();
        assertEquals(1.0, prod.realignment(Bipartition.of(3, 0)), 1e-12);
        assertEquals(2.0, States.bell().toDensityMatrix().realignment(Bipartition.of(2, 0)), 1e-12);
        assertTrue(DensityMatrix.maximallyMixed(3).realignment(Bipartition.of(3, 1)) <= 1 + 1e-12);
    }

    @Test
    void reducingAKetEqualsReducingItsProjector() {
        Ket psi = RandomStates.haarKet(6, rng);
        for (int[] keep : new int[][] {{0}, {5}, {1, 4}, {0, 2, 3}}) {
            assertTrue(psi.keep(keep).matrix().maxAbsDiff(psi.toDensityMatrix().keep(keep).matrix()) < 1e-15);
        }
    }

    @Test
    void partialTraceOfAnyMatrixMatchesTheDensityMatrixOneAndIsLinear() {
        DensityMatrix a = randomMixed(3);
        DensityMatrix b = randomMixed(3);
        assertTrue(PartialTrace.keep(a.matrix(), 0, 2).maxAbsDiff(a.keep(0, 2).matrix()) < 1e-15);
        // a non-positive combination: linearity, tr_B(2a - b) = 2 tr_B a - tr_B b
        ComplexMatrix x = a.matrix().scale(2).minus(b.matrix());
        ComplexMatrix expected = a.keep(1).matrix().scale(2).minus(b.keep(1).matrix());
        assertTrue(PartialTrace.keep(x, 1).maxAbsDiff(expected) < 1e-15);
    }
}
