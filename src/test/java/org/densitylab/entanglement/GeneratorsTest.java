package org.densitylab.entanglement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.densitylab.QuietTest;
import org.densitylab.quantum.StateVector;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.Ket;
import org.densitylab.quantum.States;
import org.junit.jupiter.api.Test;

/** Each construction against what theory says of it. */
class GeneratorsTest extends QuietTest {
    private static final double W2 = Math.sqrt(2) / 3;

    private static void assertValid(DensityMatrix rho, int n) {
        assertEquals(n, rho.numQubits());
        assertEquals(1.0, rho.matrix().traceRe(), 1e-12);
        assertTrue(rho.matrix().hermiticityError() < 1e-12);
        assertTrue(rho.eigenvalues()[0] > -1e-12, "PSD");
    }

    private static double[] sorted(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s;
    }

    @Test
    void labelFixturesOfTheSpec() {
        // values in the reference code's convention (2·Neg) and labels, order [cut {0}, cut {1}, cut {2}]
        assertArrayEquals(new double[] {1, 1, 1}, Labels.values(States.ghz(3).toDensityMatrix()), 1e-12);
        assertArrayEquals(new double[] {0.942809, 0.942809, 0.942809}, Labels.values(States.w(3).toDensityMatrix()), 1e-6);
        DensityMatrix bell0 = States.bell().tensor(Ket.basis(1, 0)).toDensityMatrix();
        assertArrayEquals(new double[] {1, 1, 0}, Labels.values(bell0), 1e-12);
        assertArrayEquals(new byte[] {1, 1, 0}, Labels.labels(Labels.values(bell0), 3, List.of(), false));
        assertArrayEquals(new byte[] {0, 0, 0}, Labels.labels(Labels.values(DensityMatrix.maximallyMixed(3)), 3, List.of(), false));
        // threshold: 2·Neg > 1e-4, i.e. Neg > 5e-5
        assertArrayEquals(new byte[] {0, 1}, Labels.labels(new double[] {1e-4, 1.0001e-4}, 3, List.of(), false));
    }

    @Test
    void wAndGhzPreparationCircuitsAreExact() {
        for (int k = 2; k <= 5; k++) {
            int[] all = java.util.stream.IntStream.range(0, k).toArray();
            StateVector w = StateVector.zero(k);
            PureStates.prepareW(w, all);
            assertEquals(1.0, w.ket().overlap(States.w(k)), 1e-14);
            StateVector g = StateVector.zero(k);
            PureStates.prepareGhz(g, all);
            assertEquals(1.0, g.ket().overlap(States.ghz(k)), 1e-14);
        }
    }

    @Test
    void circuitStatesHaveTheNegativitiesOfTheirLocalUnitaryClass() {
        // local unitaries keep negativities: W on 3 qubits gives sqrt2/3 on every cut; W or GHZ on 2 qubits
        // gives 0.5 on the two cuts separating them and 0 on the other; GHZ on 3 gives 0.5 everywhere
        for (int t = 0; t < 30; t++) {
            double[] w = sorted(PureStates.generate(PureStates.Method.W, 3, Variant.PAPER, rng).toDensityMatrix().negativities());
            assertTrue(Arrays.equals(round(w), round(new double[] {W2, W2, W2})) || Arrays.equals(round(w), round(new double[] {0, 0.5, 0.5})),
                    Arrays.toString(w));
            double[] g = sorted(PureStates.generate(PureStates.Method.GHZ, 3, Variant.PAPER, rng).toDensityMatrix().negativities());
            assertTrue(Arrays.equals(round(g), round(new double[] {0.5, 0.5, 0.5})) || Arrays.equals(round(g), round(new double[] {0, 0.5, 0.5})),
                    Arrays.toString(g));
            assertArrayEquals(new double[3],
                    PureStates.generate(PureStates.Method.SEPARABLE_CIRCUIT, 3, Variant.PAPER, rng).toDensityMatrix().negativities(), 1e-12);
        }
    }

    private static long[] round(double[] v) {
        return Arrays.stream(v).mapToLong(x -> Math.round(x * 1e9)).toArray();
    }

    @Test
    void cuCountRules() {
        for (int t = 0; t < 200; t++) {
            int paper = PureStates.cuCount(3, 2, Variant.PAPER, rng);
            int code2 = PureStates.cuCount(3, 2, Variant.REFERENCE_CODE, rng);
            int code3 = PureStates.cuCount(3, 3, Variant.REFERENCE_CODE, rng);
            assertTrue(paper >= 1 && paper <= 7);
            assertEquals(1, code2);
            assertTrue(code3 >= 1 && code3 <= 5);
        }
    }

    @Test
    void separableConstructionsAreSeparable() {
        for (MixedStates.Mode mode : MixedStates.Mode.values()) {
            for (MixedStates.Source source : MixedStates.Source.values()) {
                Sample s = MixedStates.kronSeparable(3, mode, source, false, Variant.PAPER, rng);
                assertValid(s.state(), 3);
                assertArrayEquals(new double[3], s.state().negativities(), 1e-12);
                assertTrue(s.separable());
            }
        }
        Sample r = ReducedStates.separable(3, ReducedStates.GLOBAL_QUBITS, rng);
        assertValid(r.state(), 3);
        assertArrayEquals(new double[3], r.state().negativities(), 1e-12);
    }

    @Test
    void biseparableStatesArePptAcrossTheirProductCut() {
        for (MixedStates.Mode mode : MixedStates.Mode.values()) {
            for (MixedStates.Source source : MixedStates.Source.values()) {
                Sample s = MixedStates.biseparable(3, mode, source, false, Variant.PAPER, rng);
                assertValid(s.state(), 3);
                int q = s.productGroups().get(0)[0];
                // cut j = {j} for 3 qubits
                assertEquals(0.0, s.state().negativities()[q], 1e-12);
                assertEquals(0, Labels.truth(s, Labels.values(s.state()))[q]);
            }
        }
    }

    @Test
    void mixtureSizes() {
        for (int t = 0; t < 300; t++) {
            int p = MixedStates.terms(3, Variant.PAPER, rng);
            int c = MixedStates.terms(3, Variant.REFERENCE_CODE, rng);
            assertTrue(p >= 2 && p <= 8 && c >= 2 && c <= 16);
        }
        assertValid(MixedStates.mixture(3, List.of(PureStates.Method.SEPARABLE_CIRCUIT, PureStates.Method.RANDOM_CIRCUIT),
                Variant.PAPER, rng), 3);
    }

    @Test
    void reducedStatesAreValidAndTheirProductQubitsUnentangled() {
        for (ReducedStates.Family f : ReducedStates.Family.values()) {
            for (int t = 0; t < 5; t++) {
                Sample s = ReducedStates.circuit(f, 3, ReducedStates.GLOBAL_QUBITS, false, rng);
                assertValid(s.state(), 3);
                for (int[] g : s.productGroups()) {
                    assertEquals(0.0, s.state().negativities()[g[0]], 1e-12);
                    // a product qubit is pure
                    assertEquals(1.0, s.state().keep(g[0]).purity(), 1e-12);
                }
            }
        }
        assertValid(ReducedStates.haar(3, 6, rng).state(), 3);
        assertValid(ReducedStates.carrierCorrelated(3, 9, rng).state(), 3);
        assertValid(ReducedStates.directCorrelated(3, 9, rng).state(), 3);
    }

    @Test
    void referenceCodePermutationMisrealisesOnlyTheThreeCycle() {
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] p : perms) {
            int[] realised = Permutations.asReferenceCode(p);
            if (Arrays.equals(p, new int[] {2, 0, 1})) {
                assertArrayEquals(new int[] {2, 1, 0}, realised);
            } else {
                assertArrayEquals(p, realised, Arrays.toString(p));
            }
        }
    }

    @Test
    void filtersAndDiscord() {
        Sample product = Sample.of(PureStates.separableCircuit(3, rng).toDensityMatrix());
        assertTrue(Labels.accepts(Labels.Filter.INCL, product, Labels.values(product.state())));
        assertTrue(!Labels.accepts(Labels.Filter.NONE, product, Labels.values(product.state())));
        Sample ghz = Sample.of(States.ghz(3).toDensityMatrix());
        assertTrue(Labels.accepts(Labels.Filter.NONE, ghz, Labels.values(ghz.state())));
        // one PPT cut is allowed only when it is a constructed product cut (L = 1)
        DensityMatrix bell0 = States.bell().tensor(Ket.basis(1, 0)).toDensityMatrix();
        assertTrue(!Labels.accepts(Labels.Filter.NONE, Sample.of(bell0), Labels.values(bell0)));
        Sample bellWithGroup = new Sample(bell0, List.of(new int[] {2}), false, false, null);
        assertTrue(Labels.accepts(Labels.Filter.NONE, bellWithGroup, Labels.values(bell0)));
        // zero discord: classical-classical 0; Bell 1; classical-quantum 0.5 on the cut {0}
        DensityMatrix cc = DensityMatrix.mixture(new double[] {0.3, 0.7},
                List.of(Ket.basis(2, 0).toDensityMatrix(), Ket.basis(2, 3).toDensityMatrix()));
        assertArrayEquals(new double[] {0}, Labels.discord(cc), 0);
        assertArrayEquals(new double[] {1}, Labels.discord(States.bell().toDensityMatrix()), 0);
        DensityMatrix cq = DensityMatrix.mixture(new double[] {0.5, 0.5},
                List.of(Ket.basis(2, 0).toDensityMatrix(), Ket.basis(1, 1).tensor(States.plus()).toDensityMatrix()));
        assertArrayEquals(new double[] {0.5}, Labels.discord(cq), 0);
        // the mixed-test filter keeps a separable state whose PPT cuts all have zero discord
        assertTrue(Labels.accepts(Labels.Filter.ZERO_DISCORD, Sample.of(DensityMatrix.maximallyMixed(3)),
                Labels.values(DensityMatrix.maximallyMixed(3))));
    }

    @Test
    void separableOnlyConstructions() {
        for (int t = 0; t < 10; t++) {
            Sample p = SeparableStates.parametrisedProduct(3, rng);
            assertValid(p.state(), 3);
            assertEquals(1.0, p.state().purity(), 1e-12);
            assertArrayEquals(new double[3], p.state().negativities(), 1e-12);
            Sample o = SeparableStates.orthogonalPairMixture(3, rng);
            assertValid(o.state(), 3);
            assertEquals(2, o.state().rank(1e-9));
            // one local basis for both members: classical on every side of every cut
            assertArrayEquals(new double[3], Labels.discord(o.state()), 0);
            assertArrayEquals(new double[3], o.state().negativities(), 1e-12);
        }
    }
}
