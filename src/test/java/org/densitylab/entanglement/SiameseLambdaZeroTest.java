package org.densitylab.entanglement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.densitylab.QuietTest;
import org.densitylab.util.Parallel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.VariableType;

/**
 * With λπ = λlu = 0 the triple Siamese loss is the BCE of the original batch, so training the Siamese network equals
 * training the plain CNN from the same weights; {@link EntanglementNet#fit} then runs one pass instead of three.
 */
class SiameseLambdaZeroTest extends QuietTest {
    private static final CnnConfig TINY = new CnnConfig(3, 2, 2, 2, 16, 4);
    private static LabelledStates pure;

    @BeforeAll
    static void data() {
        pure = LabelledStates.of(EntanglementDataset.inMemory(EntanglementRecipes.pureTest(3, Variant.PAPER, 0.02), 4,
                Parallel.pool()), 3);
    }

    /** Batches of 32 with fresh permuted and rotated copies; λ = 0 for the first {@code zero}, then 0.5. */
    private static List<SiameseBatch> batches(int count, int zero) {
        SplittableRandom r = new SplittableRandom(11);
        List<SiameseBatch> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(SiameseBatch.of(pure, r.ints(32, 0, pure.size()).toArray(), true, i < zero ? 0 : 0.5, false, r));
        }
        return out;
    }

    /** Largest difference between the two networks' weights, over all parameters. */
    private static double weightDistance(EntanglementNet a, EntanglementNet b) {
        double max = 0;
        for (var v : a.graph().variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                max = Math.max(max, v.getArr().sub(b.graph().getVariable(v.name()).getArr()).amaxNumber().doubleValue());
            }
        }
        return max;
    }

    @Test
    void atLambdaZeroTheSiameseNetworkTrainsAsThePlainCnn() {
        EntanglementNet cnn = EntanglementNet.create(TINY, EntanglementNet.Kind.CNN, 1e-2, 5);
        EntanglementNet fast = EntanglementNet.create(TINY, EntanglementNet.Kind.SIAMESE, 1e-2, 5);
        EntanglementNet full = EntanglementNet.create(TINY, EntanglementNet.Kind.SIAMESE, 1e-2, 5);
        SiameseBatch probe = batches(1, 1).get(0);
        double start = cnn.bce(probe.states(), probe.labels());
        for (SiameseBatch b : batches(6, 6)) {
            cnn.fit(b);
            fast.fit(b);
            full.fit(b, false);
        }
        // the three-pass graph at λ = 0 follows the CNN (the extra terms have weight 0) ...
        assertTrue(weightDistance(full, cnn) < 1e-6, "full Siamese graph vs CNN: " + weightDistance(full, cnn));
        // ... and the one-pass step is the CNN's own computation
        assertEquals(0.0, weightDistance(fast, cnn), "one-pass Siamese step vs CNN");
        double after = cnn.bce(probe.states(), probe.labels());
        assertEquals(after, fast.bce(probe.states(), probe.labels()), 0.0);
        assertEquals(after, full.bce(probe.states(), probe.labels()), 1e-6);
        assertTrue(after < start - 1e-3, "training moved the loss: " + start + " -> " + after);
    }

    @Test
    void afterTheLambdaZeroPhaseTrainingContinuesWithTheSameAdamState() {
        EntanglementNet fast = EntanglementNet.create(TINY, EntanglementNet.Kind.SIAMESE, 1e-2, 6);
        EntanglementNet full = EntanglementNet.create(TINY, EntanglementNet.Kind.SIAMESE, 1e-2, 6);
        EntanglementNet cnn = EntanglementNet.create(TINY, EntanglementNet.Kind.CNN, 1e-2, 6);
        List<SiameseBatch> bs = batches(7, 4);
        for (SiameseBatch b : bs) {
            fast.fit(b);
            full.fit(b, false);
            cnn.fit(b);
        }
        // the λ = 0.5 steps see the moments and step count of the λ = 0 steps: the two Siamese runs stay together,
        // while the CNN (no consistency terms) has moved elsewhere
        assertTrue(weightDistance(fast, full) < 1e-5, "one-pass vs full Siamese: " + weightDistance(fast, full));
        assertTrue(weightDistance(fast, cnn) > 1e-4, "the λ = 0.5 steps changed nothing: " + weightDistance(fast, cnn));
    }
}
