package org.densitylab.entanglement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.States;
import org.junit.jupiter.api.Test;

class ConsistencyTest {
    /** Bell pair on qubits (0, 2), qubit 1 in |+⟩: entangled across cuts {0} and {2}, separable across {1}. */
    private static DensityMatrix bell02() {
        return States.bell().tensor(States.plus()).toDensityMatrix().permuteQubits(0, 2, 1);
    }

    /** The states labelled by the PPT criterion (exact for these). */
    private static LabelledStates set(List<DensityMatrix> states) {
        float[] x = new float[states.size() * 128];
        for (int i = 0; i < states.size(); i++) {
            states.get(i).toTwoChannel(x, i * 128);
        }
        LabelledStates unlabelled = new LabelledStates(3, states.size(), x, new byte[states.size() * 3], null);
        float[] p = Evaluation.pptPredictions(unlabelled);
        byte[] labels = new byte[p.length];
        for (int k = 0; k < p.length; k++) {
            labels[k] = (byte) p[k];
        }
        return new LabelledStates(3, states.size(), x, labels, null);
    }

    @Test
    void permutationsAreTheFiveNonIdentityOnesInOrder() {
        List<int[]> p = Consistency.nonIdentityPermutations(3);
        assertEquals(5, p.size());
        assertArrayEquals(new int[] {0, 2, 1}, p.get(0));
        assertArrayEquals(new int[] {2, 0, 1}, p.get(3));
        assertArrayEquals(new int[] {2, 1, 0}, p.get(4));
        assertEquals(23, Consistency.nonIdentityPermutations(4).size());
        List<int[]> swaps = Consistency.adjacentTranspositions(5);
        assertEquals(4, swaps.size());
        assertArrayEquals(new int[] {0, 2, 1, 3, 4}, swaps.get(1));
    }

    @Test
    void thePptCriterionIsExactlyConsistent() {
        LabelledStates data = set(List.of(bell02(), States.ghz(3).toDensityMatrix(), States.w(3).toDensityMatrix(),
                States.bell().tensor(States.zero(1)).toDensityMatrix(), DensityMatrix.maximallyMixed(3)));
        assertArrayEquals(new float[] {1, 0, 1}, java.util.Arrays.copyOf(Evaluation.pptPredictions(data), 3));
        Consistency c = Consistency.of(Evaluation::pptPredictions, data, false, new SplittableRandom(3));
        assertEquals(0, c.luMeanAbs());
        assertEquals(0, c.luFlips());
        assertEquals(100, c.accuracy());
        assertEquals(100, c.luAccuracy());
        for (int t = 0; t < 5; t++) {
            assertEquals(0, c.permMeanAbs()[t], "permutation " + t);
            assertEquals(100, c.permAccuracy()[t], "permutation " + t);
        }
    }

    @Test
    void theReferenceCodesPairingIsWrongForOnePermutationOnly() {
        // (2,0,1) is realised as SWAP(0,2): the Bell pair stays on qubits (0, 2), so p = (1, 0, 1) again, while
        // the map of (2,0,1) compares p_j with p_map[j], map = (2, 0, 1): cuts 1 and 2 disagree, |Δp| = 2/3.
        LabelledStates data = set(List.of(bell02()));
        Consistency c = Consistency.of(Evaluation::pptPredictions, data, true, new SplittableRandom(3));
        assertArrayEquals(new double[] {0, 0, 0, 2.0 / 3, 0}, c.permMeanAbs(), 1e-12);
        assertEquals(100.0 * 2 / 3, c.permFlips()[3], 1e-9);
        // the permuted state's decisions (1, 0, 1) against the labels the pairing expects, (1, 1, 0)
        assertEquals(100.0 / 3, c.permAccuracy()[3], 1e-9);
        assertEquals(100, c.permAccuracy()[4], 1e-9);
    }

    @Test
    void anUntrainedNetworkIsNotInvariantAndTheTableHasOneRowPerPredictor() {
        EntanglementNet net = EntanglementNet.create(CnnConfig.paper(3), EntanglementNet.Kind.CNN, 1e-3, 5);
        LabelledStates data = set(List.of(bell02(), States.w(3).toDensityMatrix()));
        Consistency c = Consistency.of(s -> Evaluation.predict(net, s), data, false, new SplittableRandom(3));
        assertTrue(c.luMeanAbs() > 0, "an untrained CNN changes its output under local unitaries");
        var t = Consistency.table(Map.of("cnn", c));
        assertEquals(1, t.rowCount());
        assertEquals(5 + 5 + 2, t.columnCount());
    }

    @Test
    void aPredictorOfTheWrongLengthOrAnEmptySetIsAClearError() {
        LabelledStates data = set(List.of(bell02()));
        var e = assertThrows(IllegalArgumentException.class,
                () -> Consistency.of(s -> new float[2], data, false, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("1 x 3 = 3 probabilities, got 2"), e.getMessage());
        LabelledStates empty = new LabelledStates(3, 0, new float[0], new byte[0], null);
        assertThrows(IllegalArgumentException.class,
                () -> Consistency.of(Evaluation::pptPredictions, empty, false, new SplittableRandom(1)));
    }
}
