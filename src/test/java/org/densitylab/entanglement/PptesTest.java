package org.densitylab.entanglement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.densitylab.QuietTest;
import org.densitylab.quantum.Bipartition;
import org.densitylab.quantum.Bipartitions;
import org.densitylab.quantum.Circuit;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.Entanglement;
import org.junit.jupiter.api.Test;

/**
 * The families' properties (rank, PPT per cut, partial-transpose minima), with values computed independently in
 * NumPy as the truth.
 */
class PptesTest extends QuietTest {

    private static double[] minPtEigenvalues(DensityMatrix rho) {
        List<Bipartition> cuts = Bipartitions.of(rho.numQubits());
        double[] out = new double[cuts.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = Entanglement.partialTransposeSpectrum(rho, cuts.get(j))[0];
        }
        return out;
    }

    private static void assertState(DensityMatrix rho, int rank) {
        assertEquals(1.0, rho.matrix().traceRe(), 1e-12);
        assertTrue(rho.matrix().hermiticityError() < 1e-12);
        assertTrue(rho.eigenvalues()[0] > -1e-12);
        assertEquals(rank, rho.rank(1e-9));
    }

    @Test
    void horodeckiHasTheSpecValues() {
        double[][] expected = {{0.1, -0.23967}, {0.5, -0.035875}, {0.9, -0.0035634}};
        for (double[] e : expected) {
            DensityMatrix rho = Pptes.horodecki(e[0]);
            assertState(rho, 5);
            double[] min = minPtEigenvalues(rho);
            // cuts {0} and {1} NPT with the NumPy value; the qubit party (qubit 2) PPT with min eigenvalue 0
            assertEquals(e[1], min[0], 5e-5 * Math.abs(e[1]) + 1e-7);
            assertEquals(e[1], min[1], 5e-5 * Math.abs(e[1]) + 1e-7);
            assertEquals(0.0, min[2], 1e-12);
        }
        assertArrayEquals(new double[] {0.07175, 0.07175, 0}, Labels.values(Pptes.horodecki(0.5)), 1e-5);
    }

    @Test
    void generalisedStateForThreeQubitsIsTheFlippedHorodeckiState() {
        for (double b : new double[] {0.2, 0.5, 0.85}) {
            DensityMatrix flipped = Pptes.horodecki(b).evolve(Circuit.on(3).x(0).x(1).x(2).build());
            assertTrue(Pptes.horodecki2xd(3, b).matrix().maxAbsDiff(flipped.matrix()) < 1e-15);
        }
        DensityMatrix big = Pptes.horodecki2xd(5, 0.4);
        assertState(big, big.rank(1e-9));
        // PPT across the qubit party {4} | rest (the 2 ⊗ 2^(N-1) cut)
        assertTrue(Entanglement.isPpt(big, Bipartition.of(5, 4), 1e-12));
    }

    @Test
    void upbAndAcinAreFullyPpt() {
        DensityMatrix upb = Pptes.upb();
        assertState(upb, 4);
        for (Bipartition cut : Bipartitions.of(3)) {
            // real product projectors: the partial transpose is the state itself
            assertTrue(Pptes.upb().partialTranspose(cut.subset()).maxAbsDiff(upb.matrix()) < 1e-15);
        }
        DensityMatrix acin = Pptes.acin(3.0, 0.2, 47.0);
        assertState(acin, 7);
        for (double m : minPtEigenvalues(acin)) {
            assertEquals(0.0, m, 1e-12);
        }
    }

    @Test
    void randomisationKeepsTheSpectraWithTheCutsPermuted() {
        DensityMatrix rho = Pptes.horodecki(0.5);
        double[] before = minPtEigenvalues(rho);
        Arrays.sort(before);
        for (int t = 0; t < 10; t++) {
            Permutations.Permuted p = Pptes.randomize(rho, Variant.PAPER, rng);
            double[] after = minPtEigenvalues(p.state());
            // cut j of the result is cut {p[j]} of the original (3 qubits: single-qubit cuts)
            for (int j = 0; j < 3; j++) {
                assertEquals(minPtEigenvalues(rho)[p.permutation()[j]], after[j], 1e-12);
            }
            assertEquals(5, p.state().rank(1e-9));
            assertArrayEquals(rho.eigenvalues(), p.state().eigenvalues(), 1e-12);
        }
    }

    @Test
    void samplesCarryAllOnesLabelsAndTheTrueStatus() {
        for (Pptes.Family f : List.of(Pptes.Family.HORODECKI, Pptes.Family.UPB, Pptes.Family.ACIN)) {
            Sample s = Pptes.sample(f, 3, Variant.PAPER, rng);
            assertEquals(1.0, s.state().matrix().traceRe(), 1e-12);
            assertArrayEquals(new byte[] {1, 1, 1}, Labels.labels(Labels.values(s.state()), 3, s.productGroups(), s.pptFlag()));
            byte expected = switch (f) {
                case HORODECKI -> 1;
                case UPB -> 0;
                default -> -1;
            };
            assertArrayEquals(new byte[] {expected, expected, expected}, Labels.truth(s, Labels.values(s.state())));
        }
    }

    @Test
    void badParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pptes.horodecki(1.0));
        assertTrue(e.getMessage().contains("(0, 1)") && e.getMessage().contains("1.0"));
        e = assertThrows(IllegalArgumentException.class, () -> Pptes.acin(-1, 1, 1));
        assertTrue(e.getMessage().contains("a=-1.0"));
        e = assertThrows(IllegalArgumentException.class, () -> Pptes.random(Pptes.Family.UPB, 4, rng));
        assertTrue(e.getMessage().contains("3-qubit") && e.getMessage().contains("4"));
    }
}
