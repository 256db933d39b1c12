package org.densitylab.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.densitylab.QuietTest;
import org.densitylab.linalg.ComplexMatrix;
import org.junit.jupiter.api.Test;

class CircuitAndRandomTest extends QuietTest {

    @Test
    void ghzAndWCircuitsGiveTheNamedStates() {
        Ket ghz = Circuit.on(3).h(0).cnot(0, 1).cnot(1, 2).build().apply(States.zero(3));
        assertEquals(1.0, ghz.overlap(States.ghz(3)), 1e-15);
        // U(pi, 0, pi) = X exactly (Eq. A1)
        assertTrue(Gates.u(Math.PI, 0, Math.PI).maxAbsDiff(Gates.x()) < 1e-15);
        // X on qubit 0 of |000> gives |100> = index 4 in big-endian order
        assertEquals(1.0, Circuit.on(3).x(0).build().apply(States.zero(3)).re(4), 0);
    }

    @Test
    void controlledGateActsOnlyWhenTheControlIsSet() {
        ComplexMatrix target = Gates.phased(0.7, 1.1, -0.4, 0.9);
        Circuit cu = Circuit.on(2).controlled(0, 1, target).build();
        ComplexMatrix u = cu.unitary();
        // block-diagonal diag(I, e^{i gamma} U) in the basis |c t>
        ComplexMatrix expected = ComplexMatrix.ofInterleaved(4, 4, new double[] {
            1, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 1, 0, 0, 0, 0, 0,
            0, 0, 0, 0, target.re(0, 0), target.im(0, 0), target.re(0, 1), target.im(0, 1),
            0, 0, 0, 0, target.re(1, 0), target.im(1, 0), target.re(1, 1), target.im(1, 1)});
        assertTrue(u.maxAbsDiff(expected) < 1e-15);
        // the circuit on a density matrix is U rho U†
        DensityMatrix rho = RandomStates.hilbertSchmidt(2, 4, rng);
        assertTrue(rho.evolve(cu).matrix().maxAbsDiff(rho.evolve(u).matrix()) < 1e-14);
        // swap exchanges qubits like permuteQubits(1, 0)
        assertTrue(rho.evolve(Circuit.on(2).swap(0, 1).build()).matrix()
                .maxAbsDiff(rho.permuteQubits(1, 0).matrix()) < 1e-15);
    }

    @Test
    void haarKetsHaveTheHaarSecondMoment() {
        // E|psi_i|^4 = 2/(d(d+1)) for Haar; Dirichlet(1) moduli give exactly this
        int d = 8;
        int samples = 20000;
        double m2 = 0;
        double m2g = 0;
        for (int s = 0; s < samples; s++) {
            Ket a = RandomStates.haarKet(3, rng);
            Ket b = RandomStates.haarKetGaussian(3, rng);
            double pa = a.re(0) * a.re(0) + a.im(0) * a.im(0);
            double pb = b.re(0) * b.re(0) + b.im(0) * b.im(0);
            m2 += pa * pa;
            m2g += pb * pb;
        }
        assertEquals(2.0 / (d * (d + 1)), m2 / samples, 0.002);
        assertEquals(2.0 / (d * (d + 1)), m2g / samples, 0.002);
    }

    @Test
    void dirichletWeightsHaveTheDirichletVariance() {
        // Var p_1 = (k-1)/(k^2 (k alpha + 1)) for Dirichlet(alpha) with k components; alpha = k = r (docs/papers.md#random-states-of-rank-r)
        for (int r : new int[] {2, 5, 16}) {
            int samples = 40000;
            double s1 = 0;
            double s2 = 0;
            for (int t = 0; t < samples; t++) {
                double p = RandomStates.dirichlet(r, r, rng)[0];
                s1 += p;
                s2 += p * p;
            }
            double var = s2 / samples - (s1 / samples) * (s1 / samples);
            double expected = (r - 1.0) / (r * r * (r * r + 1.0));
            assertEquals(1.0 / r, s1 / samples, 0.01);
            assertEquals(expected, var, 0.05 * expected, "r = " + r);
        }
    }

    @Test
    void hilbertSchmidtAndRankRStatesHaveTheRequestedRank() {
        for (int r = 1; r <= 8; r++) {
            assertEquals(r, RandomStates.hilbertSchmidt(3, r, rng).rank(1e-12));
            assertEquals(r, RandomStates.rankR(3, r, rng).rank(1e-12));
        }
    }

    @Test
    void seededGeneratorsAreReproducible() {
        assertEquals(RandomStates.rankR(4, 5, new java.util.SplittableRandom(7)),
                RandomStates.rankR(4, 5, new java.util.SplittableRandom(7)));
    }
}
